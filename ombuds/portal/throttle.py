"""Rate limits of the public forms instead of a CAPTCHA (which shuts out blind and older people).

A client is counted per hour in the cache (the database's, shared by every web process) under an
HMAC of its address keyed by the secret key and the day: the address itself is never stored, and
yesterday's counters cannot be linked to today's. The limits are settings
(`OMBUDS_APPLY_SUBMISSIONS_PER_HOUR`, `OMBUDS_APPLY_DRAFTS_PER_HOUR`,
`OMBUDS_STATUS_LOOKUPS_PER_HOUR`).

The audit trail records the address of every request (core.middleware). A public visitor's
application must not be traceable to an address (an anonymous applicant stays anonymous), so the
portal's writes run under `without_address`.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from ombuds.core.audit import request_context

LIMITS = {
    "submit": "OMBUDS_APPLY_SUBMISSIONS_PER_HOUR",
    "draft": "OMBUDS_APPLY_DRAFTS_PER_HOUR",
    # Status lookups: the lockout guards each reference; this guards against one client trying a
    # PIN across many references.
    "lookup": "OMBUDS_STATUS_LOOKUPS_PER_HOUR",
}


def daily_digest(purpose: str, day: str, *parts: str) -> str:
    """A one-way digest of `parts` (a client's address, its browser...) under a key derived from the
    secret key, `purpose` and `day`: the same all day, unlinkable to the next day's. What the portal
    remembers of a visitor instead of the address (here and in reads.py)."""
    return salted_hmac(f"{purpose}:{day}", "\n".join(parts), algorithm="sha256").hexdigest()


def _client_key(request, kind: str) -> str:
    now = timezone.now()
    digest = daily_digest("ombuds.portal.throttle", f"{now:%Y-%m-%d}", request.META.get("REMOTE_ADDR", ""))
    return f"portal:rate:{kind}:{digest[:32]}:{now:%H}"


def allow(request, kind: str) -> bool:
    """Count one attempt of `kind` for this client; False when it is over the hour's limit."""
    limit = int(getattr(settings, LIMITS[kind]))
    key = _client_key(request, kind)
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= limit


@contextmanager
def without_address():
    """Audit events written inside the block carry no client address (see the module)."""
    context = request_context.get() or {}
    token = request_context.set({**context, "ip": ""})
    try:
        yield
    finally:
        request_context.reset(token)

"""The news read counter: one read per browser session, without storing IP addresses and without
setting any cookie.

The detail page is the same for everyone and is served from caches, so it cannot count. A small
script (static/portal/news_read.js) posts a beacon once per browser session (a sessionStorage
flag; a `<noscript>` 1×1 image does the same without JavaScript). Here, a read counts only if:

- the requester is not a known bot or crawler, and the request is not a prefetch or prerender;
- nobody with the same address, browser and item has been counted today. The de-duplication key
  is HMAC(a key derived from SECRET_KEY and today's date, address + User-Agent + item): a
  one-way digest kept in the cache until the end of the day. The address itself is never
  written anywhere, and since the key changes every day yesterday's digests cannot be linked to
  today's. Reloads, a second tab or a cleared sessionStorage therefore never inflate the count.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.utils import timezone

from ombuds.portal.services import news as news_services
from ombuds.portal.throttle import daily_digest

# Self-declared bots, crawlers, link previewers and scripted clients (a substring of the
# User-Agent, case-insensitive). Headless browsers are automation, not readers.
BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|whatsapp|telegram|"
    r"curl/|wget/|python-|httpclient|http-client|okhttp|java/|libwww|scrapy|headless|phantomjs|"
    r"lighthouse|pagespeed|monitor|uptime|feed|validator",
    re.IGNORECASE,
)
# Headers browsers send when they fetch a page speculatively, before (or without) anyone reading it.
SPECULATIVE_HEADERS = ("HTTP_PURPOSE", "HTTP_SEC_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_bot(request) -> bool:
    agent = request.META.get("HTTP_USER_AGENT", "").strip()
    if not agent or BOT_PATTERN.search(agent):
        return True
    return any(
        word in request.META.get(header, "").lower()
        for header in SPECULATIVE_HEADERS
        for word in ("prefetch", "prerender", "preview")
    )


def _seconds_left_today(now: datetime) -> int:
    local = timezone.localtime(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), time.min, tzinfo=local.tzinfo)
    return max(1, int((midnight - local).total_seconds()))


def read_key(request, item_id: int, now: datetime | None = None) -> str:
    """The day's one-way digest of (address, browser, item): what the cache remembers."""
    now = now or timezone.now()
    day = timezone.localtime(now).date().isoformat()
    digest = daily_digest(
        "ombuds.portal.reads",
        day,
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_USER_AGENT", ""),
        str(item_id),
    )
    return f"portal:read:{digest}"


def register_read(request, item_id: int) -> bool:
    """Count this request as a read of the item if it is a first read today; True if counted."""
    if is_bot(request):
        return False
    now = timezone.now()
    # `add` stores the key only if it is absent, atomically: of two racing requests one counts.
    if not cache.add(read_key(request, item_id, now), 1, timeout=_seconds_left_today(now)):
        return False
    return news_services.count_read(item_id)

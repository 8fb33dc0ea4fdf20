"""Absolute links for messages that leave the system (e-mails): built on OMBUDS_SITE_URL, because
the background job that sends them has no request to take the scheme and host from."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (as `reverse` gives it, starting with "/") under the server's public address."""
    if not path.startswith("/"):
        raise ValueError("absolute_url takes a path starting with '/'")
    return f"{settings.OMBUDS_SITE_URL}{path}"

"""Secrets in paths kept out of the logs: the focal point's invitation link
(`/authority/invitation/<token>/`) and a password reset link (`/auth/password/reset/key/<key>/`)
carry a one-time secret. gunicorn's access log redacts them (config/access_log.py); this filter
does the same for Django's own log records ("Internal Server Error: <path>"), on every handler of
settings.LOGGING.
"""

from __future__ import annotations

import logging
import re

# The path prefix is kept (which kind of link it was); the segment after it is dropped.
SECRET_SEGMENTS = re.compile(r"(/authority/invitation/|/auth/password/reset/key/)[^/?#\s\"]+")
REDACTED = r"\1…"


def redact(value: str) -> str:
    return SECRET_SEGMENTS.sub(REDACTED, value)


class RedactSecretPaths(logging.Filter):
    """Rewrite the message and its string arguments before any handler formats them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: redact(arg) if isinstance(arg, str) else arg for key, arg in record.args.items()}
        return True

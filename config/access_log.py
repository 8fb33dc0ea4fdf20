"""gunicorn's access log without secrets in paths (`logger_class` in config/gunicorn.conf.py).

The access log keeps the path (README, "Deploying"), but a few paths carry a one-time secret: the
focal point's invitation link (`/authority/invitation/<token>/`, which sets the account's password)
and a password reset link (`/auth/password/reset/key/<key>/`). Anyone who reads the log before the
link is used could use it, so the secret segment is written as "…". Every string atom is redacted,
not only the path: the request line, the raw URI and the environ copies carry it too.
"""

from __future__ import annotations

from gunicorn.glogging import Logger

from config.log_filters import redact


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()}

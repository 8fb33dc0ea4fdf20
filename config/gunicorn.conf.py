"""gunicorn settings for Ombuds: `gunicorn -c config/gunicorn.conf.py config.wsgi` (README, "Deploying").

Every value can be changed from the environment (GUNICORN_*), so one file serves every machine.
"""

from __future__ import annotations

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Pages spend most of their time in Python (templates), so processes, not threads, give throughput:
# the usual 2 × cores + 1 sync workers. Threads (gthread) help only while requests wait on the
# database or on slow clients; the proxy in front buffers the clients.
workers = _int("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1)
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
# Django is imported once in the master and the workers fork from it: faster start, less memory.
# No database connection is opened at import, so none is shared between workers.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
# A page taking 30 s is a bug; a streamed export of a million rows is not, so exports get longer.
timeout = _int("GUNICORN_TIMEOUT", 120)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then, so slow memory growth (a library's cache) cannot pile up.
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 500)
# The heartbeat file on tmpfs: a busy disk must not make the master kill healthy workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - a tmpfs, not a temp file
# Only the proxy may say who the client is and that the request came over HTTPS.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log: the path without the query string (searches carry names: personal data), no referrer
# (it carries query strings too), the request id that audit events also record, the time taken.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'
# Paths carrying a one-time secret (the invitation link of a focal point) are logged without it.
logger_class = "config.access_log.RedactingLogger"
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

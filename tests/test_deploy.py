"""The deployment's own settings: gunicorn's configuration and persistent connections from the
environment (README, "Deploying")."""

import runpy
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_gunicorn_config_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert conf["workers"] == 3 and conf["threads"] == 4 and conf["worker_class"] == "gthread"
    assert conf["preload_app"] is True and conf["timeout"] > 30
    monkeypatch.delenv("GUNICORN_WORKERS")
    monkeypatch.delenv("GUNICORN_THREADS")
    import multiprocessing

    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert conf["workers"] == 2 * multiprocessing.cpu_count() + 1 and conf["worker_class"] == "sync"


def test_access_log_leaves_out_query_strings_and_referrers():
    """A search URL carries a person's name: the log keeps the path (%(U)s) only."""
    log_format = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))["access_log_format"]
    assert "%(U)s" in log_format
    for leaks in ("%(r)s", "%(q)s", "%(f)s", "{referer}"):
        assert leaks not in log_format


def _database_settings(env: dict) -> str:
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = subprocess.run(  # noqa: S603 - our own settings, fixed arguments
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", "PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_persistent_connections_from_the_environment():
    assert _database_settings({}) == "0 False"
    assert _database_settings({"DB_CONN_MAX_AGE": "300"}) == "300 True"
    assert _database_settings({"DB_CONN_MAX_AGE": "300", "DB_CONN_HEALTH_CHECKS": "0"}) == "300 False"


def _access_log(path: str) -> tuple[str, dict]:
    """The access log line gunicorn would write for a GET of `path` through the configured logger,
    and every atom a format could use (the request line, the raw URI, the environ copies)."""
    from datetime import timedelta
    from types import SimpleNamespace

    from gunicorn.config import Config

    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    cfg = Config()
    for name in ("access_log_format", "logger_class"):
        cfg.set(name, conf[name])
    logger = cfg.logger_class(cfg)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[("X-Request-Id", "r-42")])
    request = SimpleNamespace(headers=[("HOST", "ombuds.example.org")])
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=7))
    return cfg.access_log_format % logger.atoms_wrapper_class(atoms), atoms


def test_access_log_leaves_out_the_invitation_token():
    """The invitation link sets a focal point's password: whoever reads the log must not get it."""
    token = "Zk3vQ9x_secret-token-0123456789abcdefghijklmno"
    for path in (f"/authority/invitation/{token}/", f"/auth/password/reset/key/1f-{token}/"):
        line, atoms = _access_log(path)
        assert token not in line
        assert not [name for name, value in atoms.items() if token in str(value)]
    line, atoms = _access_log(f"/authority/invitation/{token}/")
    assert '"GET /authority/invitation/…/ HTTP/1.1" 200 512 7ms rid=r-42' in line
    assert atoms["r"] == "GET /authority/invitation/…/ HTTP/1.1"
    for path in ("/authority/", "/authority/requests/IR-2026-000001/", "/complaints/", "/auth/login/"):
        line, atoms = _access_log(path)
        assert f'"GET {path} HTTP/1.1" 200 512 7ms rid=r-42' in line
        assert atoms["U"] == path and atoms["{raw_uri}e"] == path


def test_djangos_own_log_leaves_out_the_invitation_token():
    """A failing request is logged by Django with its path ("Internal Server Error: …"): the console
    handler's filter writes an invitation token as "…" there too."""
    import logging

    from django.conf import settings as live

    from config.log_filters import RedactSecretPaths

    token = "Zq8x-secret-invitation-token-4711"
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", None, None)
    record.args = (f"/authority/invitation/{token}/",)
    assert RedactSecretPaths().filter(record) is True
    assert token not in record.getMessage()
    assert record.getMessage() == "Internal Server Error: /authority/invitation/…/"
    plain = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/recommendations/",), None
    )
    RedactSecretPaths().filter(plain)
    assert plain.getMessage() == "Not Found: /recommendations/"
    assert live.LOGGING["handlers"]["console"]["filters"] == ["redact_secret_paths"]

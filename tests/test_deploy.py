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

"""Settings read from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_secret

ROOT = Path(__file__).resolve().parents[3]

PRODUCTION_ENV = {
    "OMBUDS_PRODUCTION": "1",
    "SECRET_KEY": "x7!pQ2@vLm9#Zr4$Tb8^Wn1&Ks6*Hd3(Jf5)Gc0-Ye2+Ua7=Io9_Pe4~Ss1",
    "DATABASE_URL": "sqlite:///:memory:",
    "ALLOWED_HOSTS": "ombuds.example.org",
    "OMBUDS_AUDIT_KEY": "a-long-audit-chain-key-kept-outside-the-database",
    "FIELD_ENCRYPTION_KEYS": "k1:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=",
    "FIELD_BLIND_INDEX_KEY": "a-long-blind-index-key-kept-outside-the-database",
    "OMBUDS_SITE_URL": "https://ombuds.example.org",
}


def _manage(*args, extra_env=None, drop=()):
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("OMBUDS_", "SECRET_KEY", "DATABASE_URL", "DJANGO_"))
    }
    env.update(extra_env or {})
    for name in drop:
        env.pop(name, None)
    return subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_env_helpers_convert_and_reject(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("COUNT", "42")
    monkeypatch.setenv("HOSTS", "a.example, b.example,")
    assert env_bool("FLAG") is True and env_int("COUNT", 1) == 42
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("FLAG")
    monkeypatch.setenv("COUNT", "many")
    with pytest.raises(ImproperlyConfigured):
        env_int("COUNT", 1)


def test_secret_can_come_from_a_file(monkeypatch, tmp_path):
    secret_file = tmp_path / "key"
    secret_file.write_text("from-a-file\n")
    monkeypatch.delenv("MY_SECRET", raising=False)
    monkeypatch.setenv("MY_SECRET_FILE", str(secret_file))
    assert env_secret("MY_SECRET", required=True) == "from-a-file"
    monkeypatch.delenv("MY_SECRET_FILE")
    with pytest.raises(ImproperlyConfigured):
        env_secret("MY_SECRET", required=True)
    assert env_secret("MY_SECRET", required=False, dev_default="dev") == "dev"


@pytest.mark.parametrize(
    "missing",
    ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "OMBUDS_AUDIT_KEY", "FIELD_ENCRYPTION_KEYS", "OMBUDS_SITE_URL"],
)
def test_production_refuses_to_start_without_a_required_setting(missing):
    result = _manage("check", extra_env=PRODUCTION_ENV, drop=[missing])
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_demo_mode():
    result = _manage("check", extra_env={**PRODUCTION_ENV, "OMBUDS_DEMO": "1"})
    assert result.returncode != 0 and "OMBUDS_DEMO" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout

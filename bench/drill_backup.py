"""Backup drill (run by hand, monthly, and after any change to backups): seed, back up, restore, compare.

    .venv/bin/python bench/drill_backup.py                      # SQLite files in a temporary folder
    .venv/bin/python bench/drill_backup.py --pg postgres://postgres@127.0.0.1:5432   # PostgreSQL server

It seeds the demo data (and a few uploaded documents) into a scratch database, runs
`manage.py backup`, restores the archive with `manage.py restore` into a fresh, empty database with
an empty file storage, and prints: every checksum equal (database part and files), rows per table
equal, `audit_verify` passing on the restored database, and secret-tier fields readable after the
restore with the escrowed field keys (and not without them). The field keys are generated for the
drill and handed to the restore apart from the archive, as the key escrow would. Exit status 1 if
anything differs. Rerunnable: the scratch databases (`backup_drill_src`, `backup_drill_dst`) and
folders are recreated on every run and removed at the end.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SAMPLE = 40  # secret-tier values per field checked after the restore


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [PYTHON, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed")
    return done.stdout


def _step(env: dict[str, str], name: str) -> dict:
    """Run one of this file's in-Django steps in a child process with `env`; its last line is JSON."""
    done = subprocess.run(  # noqa: S603
        [PYTHON, __file__, "--step", name], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"step {name} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _recreate_pg(server: str, name: str, *, drop_only: bool = False) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            admin.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


# --- Steps run inside Django (child processes) ---------------------------------------------------


def _django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def step_attach() -> dict:
    """A few documents on demo applications, through the case-file service (real uploads)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ombuds.accounts.models import User
    from ombuds.complaints.choices import Status
    from ombuds.complaints.models import Application
    from ombuds.complaints.services import attach_file

    actor = User.objects.get(username="commissioner")
    count = 0
    for app in Application.objects.exclude(status=Status.CLOSED).order_by("pk")[:8]:
        body = f"Statement for {app.number}\n".encode() * (50 + count * 400)
        attach_file(actor, app, SimpleUploadedFile(f"statement-{count}.txt", body, content_type="text/plain"))
        count += 1
    return {"attached": count}


def _secret_sample() -> dict:
    """A digest of a sample of secret-tier values per field, and how many opened or failed."""
    from django.apps import apps
    from django.db.models.functions import Length

    from ombuds.core.crypto import DecryptionError
    from ombuds.core.fields import EncryptedTextField, TierEncryptedTextField

    digest, opened, failed = hashlib.sha256(), 0, 0
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        for field in model._meta.concrete_fields:
            # Length, not `!= ""`: an encrypted column refuses comparisons (it holds ciphertext).
            rows = model._default_manager.alias(_n=Length(field.attname)).filter(_n__gt=0).order_by("pk")
            if isinstance(field, TierEncryptedTextField):
                rows = rows.filter(**{field.tier_flag: True})
            elif not isinstance(field, EncryptedTextField):
                continue
            for row in rows[:SAMPLE]:
                try:
                    value = getattr(row, field.attname)
                except DecryptionError:
                    failed += 1
                    continue
                opened += 1
                digest.update(f"{model._meta.label}|{field.name}|{row.public_id}|{value}".encode())
    return {"opened": opened, "failed": failed, "digest": digest.hexdigest()}


def step_facts() -> dict:
    from django.core.files.storage import default_storage

    from ombuds.core.backups import database, files

    return {
        "tables": database.snapshot_now("default").tables,
        "files": {name: files.sha256(default_storage, name) for name in files.walk(default_storage)},
        "secrets": _secret_sample(),
    }


def step_secrets() -> dict:
    return _secret_sample()


STEPS = {"attach": step_attach, "facts": step_facts, "secrets": step_secrets}


# --- The drill -----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", help="PostgreSQL server URL without a database name (default: SQLite files)")
    parser.add_argument("--applications", type=int, default=120, help="demo applications to seed")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.step:
        _django()
        print(json.dumps(STEPS[options.step]()))
        return 0

    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="backup-drill-"))
    field_keys = "drill:" + base64.b64encode(os.urandom(32)).decode()  # the escrowed key of this drill
    base = {
        **os.environ,
        "OMBUDS_BACKUP_KEY": base64.b64encode(os.urandom(32)).decode(),
        "FIELD_ENCRYPTION_KEYS": field_keys,
        "FIELD_BLIND_INDEX_KEY": base64.b64encode(os.urandom(32)).decode(),
        "OMBUDS_AUDIT_ANCHOR_PATH": str(work / "anchors.jsonl"),
        "OMBUDS_DEMO": "1",
    }
    if options.pg:
        server = options.pg.rstrip("/")
        source_url, target_url = _recreate_pg(server, "backup_drill_src"), _recreate_pg(server, "backup_drill_dst")
    else:
        source_url, target_url = f"sqlite:///{work / 'src.sqlite3'}", f"sqlite:///{work / 'dst.sqlite3'}"
    source = {**base, "DATABASE_URL": source_url, "OMBUDS_MEDIA_ROOT": str(work / "media-src")}
    target = {**base, "DATABASE_URL": target_url, "OMBUDS_MEDIA_ROOT": str(work / "media-dst")}
    archive = work / "drill.obk"
    try:
        _manage(source, "migrate", "--noinput", "--verbosity", "0")
        _manage(source, "seed_demo", "--applications", str(options.applications))
        attached = _step(source, "attach")["attached"]
        _manage(source, "audit_sign_head")
        before = _step(source, "facts")
        t0 = time.monotonic()
        _manage(source, "backup", "--output", str(archive))
        backup_seconds = time.monotonic() - t0
        t0 = time.monotonic()
        restored = _manage(target, "restore", str(archive))
        restore_seconds = time.monotonic() - t0
        verify = _manage(target, "audit_verify").strip()
        after = _step(target, "facts")
        archive_size = archive.stat().st_size
        without_keys = _step(
            {**target, "FIELD_ENCRYPTION_KEYS": "other:" + base64.b64encode(os.urandom(32)).decode()}, "secrets"
        )
    finally:
        if options.pg:
            for name in ("backup_drill_src", "backup_drill_dst"):
                _recreate_pg(server, name, drop_only=True)
        shutil.rmtree(work, ignore_errors=True)

    tables_equal = before["tables"] == after["tables"]
    differing = sorted(t for t in before["tables"] if before["tables"][t] != after["tables"].get(t))
    files_equal = before["files"] == after["files"]
    secrets_equal = before["secrets"] == after["secrets"] and after["secrets"]["failed"] == 0
    print(
        f"database: {'PostgreSQL' if options.pg else 'SQLite'}; {options.applications} demo applications, "
        f"{attached} uploaded documents; archive {archive_size} bytes"
    )
    print(
        f"backup {backup_seconds:.1f} s, restore {restore_seconds:.1f} s (restore checked every part's checksum first)"
    )
    print(
        f"checksums equal: {'yes' if 'restore complete' in restored else 'NO'} "
        f"(database part and {len(before['files'])} files verified against the manifest)"
    )
    print(
        f"files equal after restore (SHA-256 read back from the new storage): {'yes' if files_equal else 'NO'} "
        f"({len(after['files'])}/{len(before['files'])})"
    )
    print(
        f"rows per table equal: {'yes' if tables_equal else 'NO ' + ', '.join(differing)} "
        f"({len(before['tables'])} tables, {sum(before['tables'].values())} rows)"
    )
    print(f"audit_verify on the restored database: {verify}")
    print(
        f"secret-tier values opened with the escrowed field keys: {after['secrets']['opened']} "
        f"(failed {after['secrets']['failed']}; "
        f"plaintext digests equal to the source: {'yes' if secrets_equal else 'NO'})"
    )
    print(
        f"secret-tier values opened without them (archive and backup key alone): {without_keys['opened']} "
        f"of {without_keys['opened'] + without_keys['failed']}"
    )
    ok = tables_equal and files_equal and secrets_equal and "verified" in verify and without_keys["opened"] == 0
    print(f"drill {'PASSED' if ok else 'FAILED'} in {time.monotonic() - started:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

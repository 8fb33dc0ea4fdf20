"""Backup and restore of an installation: the database, the uploaded files and a manifest, in one
encrypted archive (README, "Backups").

The archive is encrypted with OMBUDS_BACKUP_KEY, which lives outside the database and outside the
archive. The keys that open the data are not in it either: secret-tier fields stay encrypted under
FIELD_ENCRYPTION_KEYS, names are found through FIELD_BLIND_INDEX_KEY and the audit chain is keyed
with OMBUDS_AUDIT_KEY; all of them are escrowed apart from the backups, so a stolen archive and its
backup key together still do not reveal a secret-tier field.

A restore writes nothing until every record of the archive has been authenticated and every part's
checksum matches the manifest; it writes only into an empty database, and afterwards checks the
rows of every table and the audit chain against what the manifest says was dumped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess  # noqa: S404 - `git rev-parse` with an argument list, for the manifest
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.db.migrations.loader import MigrationLoader

from ombuds.core import crypto
from ombuds.core.audit import VerifyResult, verify_chain
from ombuds.core.backups import archive, database, files
from ombuds.core.backups.archive import ArchiveError

__all__ = ["ArchiveError", "BackupError", "RestoreReport", "backup_key", "make_backup", "restore", "write_backup"]

KEYS_NOT_INCLUDED = (
    "FIELD_ENCRYPTION_KEYS, FIELD_BLIND_INDEX_KEY, OMBUDS_AUDIT_KEY and OMBUDS_BACKUP_KEY are not in this "
    "archive. Secret-tier fields stay encrypted in the dump; reading them after a restore needs the field "
    "keys listed in field_key_ids from the key escrow, and audit_verify needs the audit key."
)


class BackupError(Exception):
    """A backup or restore refused or failed; the message says why and what to do."""


def backup_key() -> bytes:
    value = getattr(settings, "OMBUDS_BACKUP_KEY", "")
    if not value:
        raise BackupError(
            "OMBUDS_BACKUP_KEY (or OMBUDS_BACKUP_KEY_FILE) is not set; `manage.py backup --generate-key` makes one"
        )
    return archive.parse_key(value)


def app_version() -> dict[str, str]:
    base = Path(settings.BASE_DIR)
    version = ""
    with contextlib.suppress(OSError, tomllib.TOMLDecodeError):
        version = tomllib.loads((base / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    commit = ""
    git = shutil.which("git")
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        if git:
            done = subprocess.run([git, "rev-parse", "HEAD"], cwd=base, capture_output=True, text=True, timeout=5)  # noqa: S603
            commit = done.stdout.strip() if done.returncode == 0 else ""
    return {"version": version, "commit": commit}


def make_backup(out: IO[bytes], key: bytes, *, using: str = "default", storage: Storage | None = None) -> dict:
    """Write the archive to `out`; returns its manifest."""
    storage = storage or default_storage
    vendor = database.vendor(using)
    writer = archive.ArchiveWriter(out, key)
    with database.dump(using) as (facts, chunks):
        writer.add(database.PART[vendor], chunks)
    # Files after the database: an upload is written before its row commits, so every file that the
    # dumped rows name is already in the storage (files added since are harmless extras).
    count = size = 0
    for name in files.walk(storage):
        size += writer.add(files.PREFIX + name, files.read(storage, name)).size
        count += 1
    return writer.finish(
        {
            "format": archive.FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "app": app_version(),
            "database": {"vendor": vendor, "server_version": facts.server_version, "part": database.PART[vendor]},
            "migrations": facts.migrations,
            "tables": facts.tables,
            "audit": facts.audit,
            "files": {"storage": type(storage).__name__, "count": count, "bytes": size},
            "keys": {"included": False, "note": KEYS_NOT_INCLUDED, "field_key_ids": list(crypto.keyring().keys)},
        }
    )


def write_backup(path: Path, key: bytes, **options: Any) -> dict:
    """The archive at `path`, readable by its owner only, appearing there only once complete."""
    partial = path.with_name(path.name + ".part")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out:
            manifest = make_backup(out, key, **options)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def verify_archive(path: Path, key: bytes) -> dict:
    """Authenticate the whole archive and check every part against the manifest; writes nothing."""
    with path.open("rb") as stream:
        return archive.replay(stream, key)


@dataclass
class RestoreReport:
    manifest: dict
    files_written: int = 0
    files_already_there: int = 0
    pending_migrations: list[str] = field(default_factory=list)
    audit: VerifyResult | None = None
    audit_note: str = ""


def _migrations_unknown_here(manifest: dict) -> list[str]:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    applied = [(app, name) for app, names in manifest["migrations"].items() for name in names]
    return [f"{app}.{name}" for app, name in applied if (app, name) not in known]


def _pending_migrations(manifest: dict) -> list[str]:
    applied = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return sorted(f"{app}.{name}" for app, name in known if (app, name) not in applied)


def _check_target(manifest: dict, using: str, storage: Storage) -> set[str]:
    """Refuse a target that is not empty or not compatible; returns the files already in place."""
    vendor = database.vendor(using)
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(f"the archive holds a {manifest['database']['vendor']} database; this one is {vendor}")
    tables = database.live_tables(using)
    if tables:
        raise BackupError(f"the database is not empty ({len(tables)} tables): restore only into a new, empty database")
    unknown = _migrations_unknown_here(manifest)
    if unknown:
        raise BackupError(
            f"the backup was made by a newer version ({len(unknown)} migrations unknown here, first {unknown[0]}): "
            "install that version and restore again"
        )
    same, different = set(), []
    for part in manifest["parts"]:
        name = part["name"].removeprefix(files.PREFIX)
        if part["name"].startswith(files.PREFIX) and storage.exists(name):
            (same.add(name) if files.sha256(storage, name) == part["sha256"] else different.append(name))
    if different:
        raise BackupError(f"the file storage already holds {len(different)} different file(s), e.g. {different[0]}")
    return same


def _restore_files(path: Path, key: bytes, storage: Storage, skip: set[str]) -> int:
    written = 0

    def sink(name: str) -> files.SpooledFile | None:
        nonlocal written
        stored = name.removeprefix(files.PREFIX)
        if not name.startswith(files.PREFIX) or stored in skip:
            return None
        written += 1
        return files.SpooledFile(storage, stored)

    with path.open("rb") as stream:
        archive.replay(stream, key, sink)
    return written


def _restore_database(path: Path, key: bytes, manifest: dict, using: str, no_owner: bool) -> None:
    vendor = database.vendor(using)
    target: database.PgRestore | database.SqliteImage = (
        database.PgRestore(using, no_owner=no_owner) if vendor == "postgresql" else database.SqliteImage(using)
    )
    try:
        with path.open("rb") as stream:
            archive.replay(stream, key, lambda name: target if name == manifest["database"]["part"] else None)
    except BaseException:
        if isinstance(target, database.PgRestore):
            target.abort()
        raise


def _check_restored(manifest: dict, using: str, report: RestoreReport) -> None:
    now = database.snapshot_now(using)
    dumped = manifest["tables"]
    differing = sorted(t for t in set(dumped) | set(now.tables) if dumped.get(t) != now.tables.get(t))
    if differing:
        first = differing[0]
        raise BackupError(
            f"{len(differing)} table(s) differ from the manifest after the restore, e.g. {first}: "
            f"{manifest['tables'].get(first)} rows dumped, {now.tables.get(first)} restored"
        )
    if now.audit != manifest["audit"]:
        raise BackupError("the restored audit trail does not end where the dumped one did")
    result = verify_chain(using)
    last = manifest["audit"]["last_seq"] or 0
    if not result.ok and result.first_bad_seq is not None and result.first_bad_seq > last and "signed" in result.reason:
        # Heads signed after this backup was made are in the anchor file but not in the backup: the
        # events after the backup are lost, which restoring an older backup means. Said, not hidden.
        report.audit_note = (
            f"the audit chain verifies up to the backup (sequence {last}); the anchor file names a later head "
            f"({result.first_bad_seq}): events after the backup are not in it. Archive the anchor file "
            "(OMBUDS_AUDIT_ANCHOR_PATH) and start a new one, then run audit_verify."
        )
        result = VerifyResult(True, result.checked)
    if not result.ok:
        raise BackupError(f"audit chain broken at sequence number {result.first_bad_seq}: {result.reason}")
    report.audit = result


def restore(
    path: Path, key: bytes, *, using: str = "default", storage: Storage | None = None, no_owner: bool = False
) -> RestoreReport:
    """Restore an archive into an empty database (and its files into the storage); see the module."""
    storage = storage or default_storage
    manifest = verify_archive(path, key)  # every record and checksum, before anything is written
    skip = _check_target(manifest, using, storage)
    report = RestoreReport(manifest)
    # Files first, the database last: if anything fails in between the database is still empty,
    # and running the restore again skips the files already in place.
    report.files_written = _restore_files(path, key, storage, skip)
    report.files_already_there = len(skip)
    _restore_database(path, key, manifest, using, no_owner)
    _check_restored(manifest, using, report)
    report.pending_migrations = _pending_migrations(manifest)
    return report

"""Backup and restore (ombuds/core/backups): a round trip into an empty database, and every refusal.

The round trip runs on the suite's database vendor: SQLite by default, PostgreSQL (pg_dump and
pg_restore) when DATABASE_URL names one. The archive is restored into a second, empty database
created for the test, with an empty file storage of its own.
"""

from __future__ import annotations

import base64
import copy
import os

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection, connections

from ombuds.accounts.models import OrgUnit
from ombuds.accounts.reference import load_units
from ombuds.core import audit, backups, crypto
from ombuds.core.backups import archive, database
from ombuds.core.models import AuditEvent, District, Region
from ombuds.core.reference import load_geography
from tests.fixtures_app.models import Dossier

KEY = base64.b64encode(os.urandom(32)).decode()
SECRET = "Witness Məmmədova, cell 14"


@pytest.fixture
def backup_settings(settings, tmp_path):
    settings.OMBUDS_BACKUP_KEY = KEY
    settings.OMBUDS_AUDIT_ANCHOR_PATH = str(tmp_path / "anchors.jsonl")
    return settings


def _pg_admin_url(db) -> str:
    return f"postgresql://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres"


@pytest.fixture
def empty_database(db, tmp_path):
    """A second database, with no tables at all (as `createdb` leaves one), under its own alias.

    The connection is registered with the handler but not in its settings: Django's test case
    allows such a "dynamically created" connection, where it refuses an alias the test did not
    declare; declared ones it would wrap in a transaction, which a restore cannot write into."""
    alias = "backup_restored"
    default = connections["default"]
    settings_dict = copy.deepcopy(default.settings_dict)
    if default.vendor == "postgresql":
        settings_dict["NAME"] = f"{default.settings_dict['NAME']}_restored"
        with psycopg.connect(_pg_admin_url(settings_dict), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')
            admin.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
    else:
        settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    connections[alias] = type(default)(settings_dict, alias)
    yield alias
    connections[alias].close()
    del connections[alias]
    if default.vendor == "postgresql":
        with psycopg.connect(_pg_admin_url(settings_dict), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')


def _seed() -> Dossier:
    # Transactional tests start from a flushed database: put back the rows the dossiers point at.
    load_geography(Region, District)
    load_units(OrgUnit, Region)
    dossier = Dossier.objects.create(
        title="case",
        unit=OrgUnit.objects.get(code="npg"),
        district=District.objects.get(code="baku"),
        is_secret=True,
        secret_note=SECRET,
    )
    audit.record("core.district.renamed", object_type="core.district", object_id="baku", changes={"n": 1})
    audit.record("core.district.renamed", object_type="core.district", object_id="baku", changes={"n": 2})
    audit.sign_head()
    default_storage.save("attachments/evidence.txt", ContentFile(b"statement of the witness\n"))
    return dossier


def _archive(tmp_path, name="backup.obk"):
    path = tmp_path / name
    backups.write_backup(path, backups.backup_key())
    return path


@pytest.mark.django_db(transaction=True)
def test_round_trip_into_an_empty_database(backup_settings, tmp_path, empty_database):
    dossier = _seed()
    path = _archive(tmp_path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    restored_files = FileSystemStorage(location=tmp_path / "restored-media")

    report = backups.restore(path, backups.backup_key(), using=empty_database, storage=restored_files)

    manifest = report.manifest
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["tables"] == database.snapshot_now(empty_database).tables
    assert manifest["tables"]["fixtures_app_dossier"] == 1
    assert report.audit is not None and report.audit.ok
    assert report.audit.checked == AuditEvent.objects.count() == manifest["audit"]["events"]
    assert report.files_written == 1
    assert restored_files.open("attachments/evidence.txt").read() == b"statement of the witness\n"
    # The secret-tier field is still sealed in the restored rows and opens with the same field keys.
    copy_of = Dossier.objects.using(empty_database).get(public_id=dossier.public_id)
    assert copy_of.secret_note == SECRET
    assert manifest["keys"]["included"] is False
    assert manifest["keys"]["field_key_ids"] == list(crypto.keyring().keys)
    assert report.pending_migrations == []


@pytest.mark.django_db
def test_the_keys_are_not_in_the_archive(backup_settings, tmp_path, settings):
    seen = bytearray()

    class Collect:
        def write(self, chunk):
            seen.extend(chunk)

    path = _archive(tmp_path)
    with path.open("rb") as stream:
        archive.replay(stream, backups.backup_key(), lambda _name: Collect())
    ring = crypto.keyring()
    for secret in [
        *ring.keys.values(),
        *(base64.b64encode(k) for k in ring.keys.values()),
        settings.FIELD_BLIND_INDEX_KEY.encode(),
        settings.OMBUDS_AUDIT_KEY.encode(),
        KEY.encode(),
    ]:
        assert secret not in seen


def _flip_byte(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: _flip_byte(p, p.stat().st_size // 2), "damaged or was modified"),
        (lambda p: _flip_byte(p, p.stat().st_size - 3), "damaged or was modified"),
        (lambda p: p.write_bytes(p.read_bytes()[:-40]), "cut short"),
        (lambda p: p.write_bytes(p.read_bytes() + b"more"), "after its manifest"),
        (lambda p: p.write_bytes(b"not a backup at all"), "not an Ombuds backup"),
    ],
    ids=["middle", "manifest", "cut", "extended", "foreign"],
)
def test_a_damaged_archive_is_refused_before_anything_is_written(
    backup_settings, tmp_path, empty_database, damage, message
):
    default_storage.save("attachments/evidence.txt", ContentFile(b"x" * 5000))
    path = _archive(tmp_path)
    damage(path)
    target = FileSystemStorage(location=tmp_path / "restored-media")
    with pytest.raises(backups.ArchiveError, match=message):
        backups.restore(path, backups.backup_key(), using=empty_database, storage=target)
    assert database.live_tables(empty_database) == []
    assert not (tmp_path / "restored-media").exists()


@pytest.mark.django_db
def test_a_wrong_key_is_refused(backup_settings, tmp_path, empty_database):
    path = _archive(tmp_path)
    with pytest.raises(backups.ArchiveError, match="wrong backup key"):
        backups.restore(path, archive.parse_key(archive.new_key()), using=empty_database)
    assert database.live_tables(empty_database) == []


@pytest.mark.django_db
def test_records_of_another_archive_do_not_fit(backup_settings, tmp_path):
    first, second = _archive(tmp_path, "a.obk"), _archive(tmp_path, "b.obk")
    header = len(archive.MAGIC) + 4 + int.from_bytes(first.read_bytes()[len(archive.MAGIC) : len(archive.MAGIC) + 4])
    second_header = len(archive.MAGIC) + 4 + int.from_bytes(second.read_bytes()[len(archive.MAGIC) :][:4])
    spliced = first.read_bytes()[:header] + second.read_bytes()[second_header:]
    first.write_bytes(spliced)
    with pytest.raises(backups.ArchiveError, match="damaged or was modified"):
        backups.verify_archive(first, backups.backup_key())


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(backup_settings, tmp_path):
    path = _archive(tmp_path)
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(path))


@pytest.mark.django_db
def test_restore_refuses_different_files_under_the_same_names(backup_settings, tmp_path, empty_database):
    default_storage.save("attachments/evidence.txt", ContentFile(b"original"))
    path = _archive(tmp_path)
    target = FileSystemStorage(location=tmp_path / "restored-media")
    target.save("attachments/evidence.txt", ContentFile(b"something else"))
    with pytest.raises(backups.BackupError, match="different file"):
        backups.restore(path, backups.backup_key(), using=empty_database, storage=target)
    assert database.live_tables(empty_database) == []


@pytest.mark.django_db
def test_commands_without_a_key_say_how_to_make_one(settings, tmp_path, capsys):
    settings.OMBUDS_BACKUP_KEY = ""
    with pytest.raises(CommandError, match="generate-key"):
        call_command("backup", output=str(tmp_path / "x.obk"))
    call_command("backup", generate_key=True)
    assert len(archive.parse_key(capsys.readouterr().out)) == 32


@pytest.mark.django_db
def test_backup_and_verify_commands(backup_settings, tmp_path, capsys):
    path = tmp_path / "nightly.obk"
    call_command("backup", output=str(path))
    call_command("restore", str(path), verify_only=True)
    out = capsys.readouterr().out
    assert "backup written" in out
    assert "field-encryption keys not included" in out
    assert "archive verified" in out
    assert not list(tmp_path.glob("*.part"))

"""The database part of a backup: PostgreSQL through pg_dump/pg_restore, SQLite through its backup API.

Both take one consistent snapshot and read the facts the manifest records (rows per table, applied
migrations, the audit chain's head) from that same snapshot, so a restore can check that it got
back exactly what was dumped even while the application kept writing during the backup.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with argument lists, never a shell
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connections

PART = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
_SQLITE_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"


class DatabaseError(Exception):
    """The dump or the restore failed; the message says what the tool reported."""


@dataclass
class Snapshot:
    """The facts of the dumped database, for the manifest."""

    tables: dict[str, int]
    migrations: dict[str, list[str]]
    audit: dict[str, Any]
    server_version: str


def vendor(using: str) -> str:
    name = connections[using].vendor
    if name not in PART:
        raise DatabaseError(f"backups support PostgreSQL and SQLite, not {name}")
    return name


def _facts(cursor, tables: list[str], quote, server_version: str) -> Snapshot:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - names from the catalogue
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    audit: dict[str, Any] = {"events": 0, "last_seq": None, "head_hash": None}
    if "core_auditevent" in counts:
        cursor.execute("SELECT id, hash FROM core_auditevent ORDER BY id DESC LIMIT 1")
        row = cursor.fetchone()
        last_seq, head_hash = row if row else (None, None)
        audit = {"events": counts["core_auditevent"], "last_seq": last_seq, "head_hash": head_hash}
    return Snapshot(counts, migrations, audit, server_version)


def live_tables(using: str) -> list[str]:
    """The tables of the database, listed as the dump lists them (views and SQLite's own left out)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(_SQLITE_TABLES)
            return [row[0] for row in cursor.fetchall()]
        return _pg_tables(cursor)


def snapshot_now(using: str) -> Snapshot:
    """The same facts read from the live database (after a restore, to compare with the manifest)."""
    connection = connections[using]
    tables = live_tables(using)
    with connection.cursor() as cursor:
        return _facts(cursor, tables, connection.ops.quote_name, _server_version(using))


def _server_version(using: str) -> str:
    connection = connections[using]
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return sqlite3.sqlite_version
    return str(connection.connection.info.server_version)


# --- PostgreSQL -------------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """pg_dump/pg_restore from OMBUDS_PG_BIN, the PATH, or the newest server installed here."""
    folder = os.environ.get("OMBUDS_PG_BIN", "")
    if folder:
        return str(Path(folder) / name)
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    if not candidates:
        raise DatabaseError(f"{name} not found: install the PostgreSQL client or set OMBUDS_PG_BIN")
    return str(candidates[-1])


def _pg_env(using: str) -> dict[str, str]:
    """libpq's environment for the tools, from the Django settings (the password never on a command line)."""
    db = connections[using].settings_dict
    env = dict(os.environ)
    for variable, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
    ):
        if value:
            env[variable] = str(value)
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"), ("passfile", "PGPASSFILE")):
        if db.get("OPTIONS", {}).get(option):
            env[variable] = str(db["OPTIONS"][option])
    return env


def _pg_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'r' AND n.nspname = current_schema()"
    )
    return [row[0] for row in cursor.fetchall()]


@contextlib.contextmanager
def _tool_errors() -> Iterator[Any]:
    """Where a tool writes its messages: a temporary file (a pipe left unread could fill and block it)."""
    with tempfile.TemporaryFile() as errors:
        yield errors


def _tool_message(errors) -> str:
    errors.seek(0)
    return errors.read().decode("utf-8", "replace").strip()[-2000:]


@contextlib.contextmanager
def dump(using: str) -> Iterator[tuple[Snapshot, Iterator[bytes]]]:
    """(facts, stream of the dump's bytes) from one snapshot of the database."""
    if vendor(using) == "sqlite":
        with _sqlite_dump(using) as result:
            yield result
    else:
        with _pg_dump(using) as result:
            yield result


@contextlib.contextmanager
def _pg_dump(using: str) -> Iterator[tuple[Snapshot, Iterator[bytes]]]:
    # A connection of its own, holding a repeatable-read transaction open: pg_dump dumps its exported
    # snapshot, and the counts come from the same one.
    wrapper = connections[using]
    raw = wrapper.get_new_connection(wrapper.get_connection_params())
    try:
        raw.autocommit = False
        cursor = raw.cursor()
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot_id = cursor.fetchone()[0]
        facts = _facts(cursor, _pg_tables(cursor), wrapper.ops.quote_name, str(raw.info.server_version))
        with _tool_errors() as errors:
            process = subprocess.Popen(  # noqa: S603
                [pg_tool("pg_dump"), "--format=custom", "--no-password", f"--snapshot={snapshot_id}"],
                stdout=subprocess.PIPE,
                stderr=errors,
                env=_pg_env(using),
            )
            assert process.stdout is not None

            def chunks() -> Iterator[bytes]:
                while block := process.stdout.read(1024 * 1024):  # type: ignore[union-attr]
                    yield block
                if process.wait() != 0:
                    raise DatabaseError(f"pg_dump failed: {_tool_message(errors)}")

            try:
                yield facts, chunks()
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
    finally:
        raw.close()


class PgRestore:
    """pg_restore reading the dump as the archive is read, in one transaction: on any error
    nothing is kept. `close()` waits for it and raises DatabaseError with its message."""

    def __init__(self, using: str, *, no_owner: bool = False) -> None:
        command = [
            pg_tool("pg_restore"),
            "--no-password",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            str(connections[using].settings_dict["NAME"]),
        ]
        if no_owner:
            command += ["--no-owner", "--no-privileges"]
        connections[using].close()
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(  # noqa: S603
            command, stdin=subprocess.PIPE, stderr=self.errors, env=_pg_env(using)
        )
        self.broken = False

    def write(self, chunk: bytes) -> None:
        if self.broken:
            return
        try:
            self.process.stdin.write(chunk)  # type: ignore[union-attr]
        except BrokenPipeError:
            self.broken = True  # pg_restore stopped early; its exit status and message say why

    def abort(self) -> None:
        self.process.kill()
        self.process.wait()
        self.errors.close()

    def close(self) -> None:
        try:
            with contextlib.suppress(BrokenPipeError):
                self.process.stdin.close()  # type: ignore[union-attr]
            if self.process.wait() != 0:
                raise DatabaseError(f"pg_restore failed: {_tool_message(self.errors)}")
        finally:
            self.errors.close()


# --- SQLite -----------------------------------------------------------------------------------


@contextlib.contextmanager
def _sqlite_dump(using: str) -> Iterator[tuple[Snapshot, Iterator[bytes]]]:
    # serialize() copies a consistent image (under a read lock) to memory, not to a temporary file,
    # so no unencrypted copy ever touches the disk; unlike the backup API it also works from inside a
    # transaction of the same connection.
    connection = connections[using]
    connection.ensure_connection()
    image = bytearray(connection.connection.serialize())
    if image[18:20] == b"\x02\x02":
        # A WAL database's header; the image is read without a WAL file (in memory, then into the
        # target), so it says "rollback journal". The target connection turns WAL on again.
        image[18:20] = b"\x01\x01"
    copy = sqlite3.connect(":memory:")
    try:
        copy.deserialize(bytes(image))
        cursor = copy.cursor()
        cursor.execute(_SQLITE_TABLES)
        tables = [row[0] for row in cursor.fetchall()]
        facts = _facts(cursor, tables, connection.ops.quote_name, sqlite3.sqlite_version)
    finally:
        copy.close()
    yield facts, iter([bytes(image[i : i + 1024 * 1024]) for i in range(0, len(image), 1024 * 1024)])


class SqliteImage:
    """Collects the image while the archive is read; `close()` copies it into the database."""

    def __init__(self, using: str) -> None:
        self.using = using
        self.data = bytearray()

    def write(self, chunk: bytes) -> None:
        self.data += chunk

    def close(self) -> None:
        image = sqlite3.connect(":memory:")
        try:
            image.deserialize(bytes(self.data))
            connection = connections[self.using]
            connection.ensure_connection()
            image.backup(connection.connection)
        finally:
            image.close()
        connections[self.using].close()  # the next query sees the new schema from a fresh connection

"""Drill: two writers on the same record must never lose an update (run by hand; a cheap variant
runs in the test suite, tests/test_drill_conflicts.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_drill .venv/bin/python manage.py migrate
    DATABASE_URL=… .venv/bin/python bench/drill_conflicts.py --interleavings 1000

Each interleaving takes a record (a place or an application), lets two writers read it and then
write a value of their own based on what they read, through the services (`update_place`,
`update_application` with the version read) or through the API (GET for the ETag, PATCH with
If-Match). Half are "read, read, write, write" in a fixed order (either writer first); half run
the two writers in threads that start together and sleep a random few milliseconds between their
read and their write, so that their transactions overlap (PostgreSQL: the row lock decides).

An update is lost when both writes were accepted although each was based on the same read (the
second overwrote the first without having seen it), or when the stored value is not the one of
the last accepted write. The drill prints the count of lost updates (must be 0) and of conflicts
reported (a Conflict from the service, a 412 from the API); it exits 1 if any update was lost.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


@dataclass
class Tally:
    interleavings: int = 0
    lost: int = 0
    conflicts: int = 0
    accepted: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Writer:
    """One person: reads the record (its version), then writes `value` based on that read."""

    name: str
    value: str
    read_version: int = 0
    accepted: bool = False
    conflict: bool = False
    finished_at: float = 0.0


class Drill:
    """The two kinds of record, each through the services and through the API."""

    def __init__(self, officer, manager, place, app, *, control: bool = False) -> None:
        self.officer, self.manager, self.place, self.app = officer, manager, place, app
        self.tokens: dict[int, str] = {}
        # The control run writes without naming the version read (version None, If-Match: *):
        # the drill must then count lost updates, or it could not see one.
        self.control = control

    # --- the record's stored value -------------------------------------------------------
    def stored(self, kind: str) -> str:
        from ombuds.complaints.models import Application
        from ombuds.monitoring.models import Place

        if kind == "place":
            return str(Place.objects.get(pk=self.place.pk).capacity)
        return Application.objects.get(pk=self.app.pk).summary

    def value(self, kind: str, n: int) -> str:
        return str(1000 + n) if kind == "place" else f"Summary written by drill step {n}."

    # --- through the services --------------------------------------------------------------
    def service_read(self, kind: str, writer: Writer) -> None:
        from ombuds.complaints.models import Application
        from ombuds.monitoring.models import Place

        model = Place if kind == "place" else Application
        record = model.objects.get(pk=(self.place if kind == "place" else self.app).pk)
        writer.read_version = record.version
        writer.record = record  # type: ignore[attr-defined]  # the copy this writer edits

    def service_write(self, kind: str, writer: Writer) -> None:
        from ombuds.complaints.services import update_application
        from ombuds.core.exceptions import Conflict
        from ombuds.monitoring.services import update_place

        record = writer.record  # type: ignore[attr-defined]
        version = None if self.control else writer.read_version
        try:
            if kind == "place":
                update_place(self.manager, record, version=version, capacity=int(writer.value))
            else:
                update_application(self.officer, record, version=version, summary=writer.value)
        except Conflict:
            writer.conflict = True
        else:
            writer.accepted = True
        writer.finished_at = time.monotonic()

    # --- through the API -------------------------------------------------------------------
    def _client(self, kind: str):
        from django.test import Client

        from ombuds.accounts.tokens import create_api_token

        user = self.manager if kind == "place" else self.officer
        if user.pk not in self.tokens:
            self.tokens[user.pk] = create_api_token(None, user, "conflict drill")
        return Client(HTTP_AUTHORIZATION=f"Token {self.tokens[user.pk]}")

    def _url(self, kind: str) -> str:
        if kind == "place":
            return f"/api/v1/places/{self.place.public_id}/"
        return f"/api/v1/applications/{self.app.public_id}/"

    def api_read(self, kind: str, writer: Writer) -> None:
        response = self._client(kind).get(self._url(kind))
        assert response.status_code == 200, response.content
        writer.read_version = int(response["ETag"].strip('"'))
        writer.etag = response["ETag"]  # type: ignore[attr-defined]

    def api_write(self, kind: str, writer: Writer) -> None:
        body = {"capacity": int(writer.value)} if kind == "place" else {"summary": writer.value}
        response = self._client(kind).patch(
            self._url(kind),
            body,
            content_type="application/json",
            HTTP_IF_MATCH="*" if self.control else writer.etag,  # type: ignore[attr-defined]
        )
        if response.status_code == 412:
            writer.conflict = True
        elif response.status_code == 200:
            writer.accepted = True
        else:
            raise AssertionError(f"PATCH answered {response.status_code}: {response.content[:200]!r}")
        writer.finished_at = time.monotonic()


def _judge(tally: Tally, drill: Drill, kind: str, a: Writer, b: Writer, before: str) -> None:
    tally.interleavings += 1
    tally.conflicts += a.conflict + b.conflict
    tally.accepted += a.accepted + b.accepted
    stored = drill.stored(kind)
    accepted = sorted((w for w in (a, b) if w.accepted), key=lambda w: w.finished_at)
    same_read = a.read_version == b.read_version
    if (len(accepted) == 2 and same_read) or (accepted and stored != accepted[-1].value):
        tally.lost += 1
        tally.errors.append(f"{kind}: both accepted={len(accepted)} stored={stored!r}")
    elif not accepted and stored != before:
        tally.lost += 1
        tally.errors.append(f"{kind}: nothing accepted but the record changed")
    if not accepted:
        tally.errors.append(f"{kind}: neither write accepted")


def interleave(drill: Drill, tally: Tally, n: int, rng: random.Random, *, threads: bool) -> None:
    """One interleaving: read, read, write, write (in either order, or overlapping in threads)."""
    kind = rng.choice(["place", "application"])
    via = rng.choice(["service", "api"])
    read = drill.service_read if via == "service" else drill.api_read
    write = drill.service_write if via == "service" else drill.api_write
    a, b = Writer("a", drill.value(kind, 2 * n)), Writer("b", drill.value(kind, 2 * n + 1))
    before = drill.stored(kind)
    if not threads:
        read(kind, a)
        read(kind, b)
        first, second = (a, b) if rng.random() < 0.5 else (b, a)
        write(kind, first)
        write(kind, second)
    else:
        from django.db import connection

        barrier = threading.Barrier(2)
        failures: list[BaseException] = []
        # Up to 30 ms: most pairs both read before either writes, some read after the other wrote.
        delays = {a.name: rng.uniform(0, 0.03), b.name: rng.uniform(0, 0.03)}

        def run(writer: Writer) -> None:
            try:
                barrier.wait()
                read(kind, writer)
                time.sleep(delays[writer.name])
                write(kind, writer)
            except BaseException as exc:  # reported below, on the main thread
                failures.append(exc)
            finally:
                connection.close()  # each thread had its own connection

        workers = [threading.Thread(target=run, args=(w,)) for w in (a, b)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        if failures:
            raise failures[0]
    _judge(tally, drill, kind, a, b, before)


def prepare(*, control: bool = False) -> Drill:
    """Two staff members and one record of each kind, made through the services."""
    from ombuds.accounts.testing import make_user
    from ombuds.complaints.testing import make_application
    from ombuds.monitoring.testing import make_place

    suffix = f"{os.getpid()}{time.monotonic_ns() % 10**6}"
    officer = make_user(roles=["complaints_officer"], username=f"drill_officer_{suffix}")
    manager = make_user(roles=["npm_member"], unit="npg", username=f"drill_npm_{suffix}")
    place, app = make_place(None, name_az=f"Drill {suffix}"), make_application(None)
    return Drill(officer, manager, place, app, control=control)


def run(interleavings: int, *, seed: int = 1, threads: bool = True, control: bool = False) -> Tally:
    """`threads`: half of the interleavings overlap in two threads (needs a database that commits
    between the writers' transactions: PostgreSQL outside a test transaction)."""
    rng = random.Random(seed)  # noqa: S311 - a drill's schedule, repeatable from its seed
    drill = prepare(control=control)
    tally = Tally()
    for n in range(interleavings):
        interleave(drill, tally, n, rng, threads=threads and n % 2 == 1)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interleavings", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-threads", action="store_true", help="only the sequential interleavings")
    parser.add_argument("--control", action="store_true", help="write without versions: must count lost updates")
    args = parser.parse_args()

    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # 412 is the expected answer here
    from django.conf import settings
    from django.db import connection

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    threads = not args.no_threads and connection.vendor == "postgresql"
    started = time.monotonic()
    tally = run(args.interleavings, seed=args.seed, threads=threads, control=args.control)
    elapsed = time.monotonic() - started
    overlapped = "half" if threads else "none"
    if args.control:
        print("CONTROL RUN: writes name no version (the drill must count lost updates)")
    print(f"database: {connection.vendor}; interleavings: {tally.interleavings} ({overlapped} in threads)")
    print(f"writes accepted: {tally.accepted}; conflicts reported: {tally.conflicts}")
    print(f"lost updates: {tally.lost}")
    for error in tally.errors[:10]:
        print("  ", error)
    print(f"{elapsed:.1f} s, {1000 * elapsed / max(1, tally.interleavings):.1f} ms per interleaving")
    return 1 if bool(tally.lost) != args.control else 0


if __name__ == "__main__":
    sys.exit(main())

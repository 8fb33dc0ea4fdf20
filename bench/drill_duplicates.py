"""Drill: N concurrent identical creates with one Idempotency-Key make one record (run by hand).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_drill .venv/bin/python bench/drill_duplicates.py

It migrates the database named by DATABASE_URL (PostgreSQL; a throwaway one), creates an intake
clerk with an API token, serves the application with gunicorn on a loopback port, and releases
--requests threads at once (a barrier), each POSTing the same application with the same
Idempotency-Key. Then it counts the applications the clerk created in the round and the distinct
answers (status and body). Both must be 1; the exit status says whether they were.
A second round sends 10 identical requests without a key, to show what the key prevents.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from ombuds.accounts import services as accounts  # noqa: E402
from ombuds.accounts.models import OrgUnit, User  # noqa: E402
from ombuds.accounts.tokens import create_api_token  # noqa: E402
from ombuds.complaints.models import Application  # noqa: E402


def body(marker: str) -> bytes:
    return json.dumps(
        {
            "channel": "email",
            "received_at": "2026-10-06T10:00:00+04:00",
            "applicant_kind": "person",
            "applicant": {"surname": "Məmmədli", "given_name": "Aqil", "phone": "+994 55 000 00 00"},
            "summary": f"Access to information: no answer in 7 working days. Drill {marker}.",
            "district": "sumgayit",
            "respondents": ["municipality"],
            "rights": ["access_to_information"],
        }
    ).encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int, workers: int, threads: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "OMBUDS_DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "OMBUDS_LOG_LEVEL": "ERROR",
        "PYTHONWARNINGS": "ignore",  # no collected static files on a drill database: not the point
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--backlog=256",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - fixed arguments
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=1)  # noqa: S310 - loopback
        except OSError:  # not listening yet (an HTTP error is an OSError too: the database not ready)
            time.sleep(0.2)
        else:
            return server
    server.kill()
    raise SystemExit("gunicorn did not start")


def fire(url: str, token: str, payload: bytes, key: str | None, n: int) -> list[tuple[int, bytes]]:
    barrier = threading.Barrier(n)
    answers: list[tuple[int, bytes]] = [(0, b"")] * n

    def one(i: int) -> None:
        headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        if key:
            headers["Idempotency-Key"] = key
        request = urllib.request.Request(url, data=payload, headers=headers, method="POST")  # noqa: S310
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - loopback
                answers[i] = (response.status, response.read())
        except urllib.error.HTTPError as exc:
            answers[i] = (exc.code, exc.read())

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def clerk() -> User:
    return User.objects.filter(username="drill.clerk").first() or accounts.create_staff_user(
        None,
        username="drill.clerk",
        password=uuid.uuid4().hex,
        unit=OrgUnit.objects.get(code="call916"),
        roles=["intake_operator"],
    )


def report(label: str, user: User, since, answers: list[tuple[int, bytes]]) -> tuple[int, int]:
    records = Application.objects.filter(created_by=user, created_at__gte=since).count()
    distinct = len(set(answers))
    statuses = Counter(status for status, _ in answers)
    print(f"{label}: {len(answers)} requests → {records} record(s), {distinct} distinct answer(s) {dict(statuses)}")
    return records, distinct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("Point DATABASE_URL at a throwaway PostgreSQL database.")
    call_command("migrate", verbosity=0)
    user = clerk()
    token = create_api_token(None, user, "duplicates drill")
    port = free_port()
    server = serve(port, args.workers, args.threads)
    url = f"http://127.0.0.1:{port}/api/v1/applications/"
    try:
        since, started = timezone.now(), time.perf_counter()
        answers = fire(url, token, body(uuid.uuid4().hex), str(uuid.uuid4()), args.requests)
        elapsed = time.perf_counter() - started
        records, distinct = report("with one Idempotency-Key", user, since, answers)
        print(f"  {elapsed:.1f} s; answers 2xx: {sum(1 for s, _ in answers if 200 <= s < 300)}")
        since = timezone.now()
        report("without a key (for comparison)", user, since, fire(url, token, body(uuid.uuid4().hex), None, 10))
    finally:
        server.terminate()
        server.wait(timeout=30)
    ok = records == 1 and distinct == 1 and answers[0][0] == 201
    print(f"duplicated records: {records - 1}; differing answers: {distinct - 1} → {'PASS' if ok else 'FAIL'}")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()

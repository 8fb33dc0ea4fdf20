"""Crash drill (run by hand, not in CI): writes through the API while gunicorn and PostgreSQL are killed.

    .venv/bin/python bench/drill_crash.py              # 30 SIGKILLs of gunicorn, 10 immediate stops of PostgreSQL
    .venv/bin/python bench/drill_crash.py --seed 7 --kills 30 --pg-stops 10 --clients 4

It starts a throwaway PostgreSQL cluster of its own (initdb from /usr/lib/postgresql/*/bin in a
temporary folder, on a free port; as the `postgres` user through runuser when run as root), migrates
it, creates the demo staff and an API token, and serves the project with gunicorn (2 workers,
config/gunicorn.conf.py). Client threads register applications and log 916 calls through the API
and record every acknowledged (2xx) record. Meanwhile, at random moments, it kills a worker or the
master with SIGKILL (after a master kill its orphaned workers are killed too, as systemd does with
the service's control group, and gunicorn is started again) and stops PostgreSQL with
`pg_ctl stop -m immediate` (then starts it; it recovers from its WAL).

At the end it checks, in the surviving database: every acknowledged record is present, the audit
chain verifies (`audit_verify`), and no case is half-written. The invariants follow what
`register_application` and `log_call` write in one transaction: an application has its applicant
party, its register number (numbers per unit and year run 1..counter with no gap and no repeat),
its respondent and right, its acknowledgement (closed) and reasoned-refusal deadlines and exactly one
"registered" audit event; a call has exactly one "logged" event; no such event names a record that is
not there. Prints the counts (missing and half-written must be 0; exit status 1 otherwise).
Rerunnable: everything lives in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
AS_ROOT = os.geteuid() == 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        raise SystemExit("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
    return found[-1].parent


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder."""

    def __init__(self, work: Path) -> None:
        self.bin, self.port = _pg_bin(), _free_port()
        self.data, self.log = work / "pgdata", work / "postgres.log"
        if AS_ROOT:
            shutil.chown(work, "postgres", "postgres")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if AS_ROOT:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check)  # noqa: S603

    def create(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8")
        with (self.data / "postgresql.conf").open("a") as conf:
            # fsync stays on: the drill is about what survives a crash.
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = '{self.data}'\n")
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "backup_crash")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "120", "start")

    def crash(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/backup_crash"


class Gunicorn:
    def __init__(self, env: dict[str, str], work: Path) -> None:
        self.port = _free_port()
        self.env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_TIMEOUT": "30",
            "GUNICORN_ACCESS_LOG": "",
            "GUNICORN_ERROR_LOG": str(work / "gunicorn.log"),
        }
        self.process: subprocess.Popen | None = None
        self.starts = 0
        self.output = (work / "gunicorn.log").open("ab")

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [PYTHON, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=self.output,
            stderr=self.output,  # the workers' error reports (a dead database) go to the log, not here
            start_new_session=True,  # our own signals (Ctrl-C) do not reach it; we kill it ourselves
        )
        self.starts += 1
        self.wait_healthy()

    def wait_healthy(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/health/")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit("gunicorn did not become healthy")

    def workers(self) -> list[int]:
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def kill_worker(self) -> bool:
        workers = self.workers()
        if not workers:
            return False
        _kill(random.choice(workers))  # noqa: S311 - chaos, not cryptography
        return True

    def kill_master(self) -> None:
        assert self.process is not None
        orphans = self.workers()
        _kill(self.process.pid)
        self.process.wait()
        for pid in orphans:
            _kill(pid)
        self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            orphans = self.workers()
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                _kill(self.process.pid)
            for pid in orphans:
                _kill(pid)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Client(threading.Thread):
    """Writes through the API; keeps what was acknowledged (2xx with the new record's id)."""

    def __init__(self, number: int, port: int, token: str, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.number, self.port, self.token, self.stop = number, port, token, stop
        self.acknowledged: list[tuple[str, str]] = []
        self.failed = 0
        self.answers: Counter[str] = Counter()  # refusals by status and body, to print the commonest

    def _payload(self, serial: int) -> tuple[str, str, dict]:
        marker = f"crash-drill {self.number}-{serial}"
        now = datetime.now(UTC).isoformat(timespec="seconds")
        if serial % 4 == 3:
            return (
                "call",
                "/api/v1/calls/",
                {"received_at": now, "topic": "child_rights", "caller_name": marker, "note": marker},
            )
        return (
            "application",
            "/api/v1/applications/",
            {
                "channel": "email",
                "received_at": now,
                "applicant_kind": "person",
                "applicant": {"surname": "Məmmədli", "given_name": "Aqil", "phone": f"+994 55 {serial:07d}"},
                "summary": f"{marker}: the municipality did not answer in 7 working days.",
                "district": "sumgayit",
                "respondents": ["municipality"],
                "rights": ["access_to_information"],
            },
        )

    def run(self) -> None:
        serial = 0
        while not self.stop.is_set():
            serial += 1
            kind, path, payload = self._payload(serial)
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
            try:
                connection.request(
                    "POST",
                    path,
                    json.dumps(payload),
                    {"Authorization": f"Token {self.token}", "Content-Type": "application/json"},
                )
                response = connection.getresponse()
                body = response.read()
                if 200 <= response.status < 300:
                    self.acknowledged.append((kind, json.loads(body)["id"]))
                else:
                    self.failed += 1
                    detail = body[:160].decode("utf-8", "replace") if body.startswith(b"{") else "(error page)"
                    self.answers[f"{response.status} {detail}"] += 1
                    time.sleep(0.2)
            except (OSError, http.client.HTTPException, ValueError):
                self.failed += 1
                time.sleep(0.2)
            finally:
                connection.close()


# --- Steps run inside Django (child processes) ---------------------------------------------------


def step_setup() -> dict:
    from io import StringIO

    from ombuds.accounts import demo
    from ombuds.accounts.models import User
    from ombuds.accounts.tokens import create_api_token

    demo.seed(StringIO())
    return {"token": create_api_token(None, User.objects.get(username="operator.916"), "crash drill")}


def step_verify(acknowledged_path: str) -> dict:
    from django.contrib.contenttypes.models import ContentType

    from ombuds.complaints.models import Application, Call, RegisterCounter
    from ombuds.core.models import AuditEvent, Deadline

    acknowledged = json.loads(Path(acknowledged_path).read_text())
    apps = {str(a.public_id): a for a in Application.objects.prefetch_related("respondents", "rights")}
    calls = {str(c.public_id) for c in Call.objects.all()}
    present = sum(1 for kind, pid in acknowledged if pid in (apps if kind == "application" else calls))
    half: Counter[str] = Counter()

    registered = Counter(
        AuditEvent.objects.filter(action="complaints.application.registered").values_list("object_id", flat=True)
    )
    logged = Counter(AuditEvent.objects.filter(action="complaints.call.logged").values_list("object_id", flat=True))
    app_type = ContentType.objects.get_for_model(Application)
    deadlines = Counter(
        (d.object_id, d.rule.code, d.closed_at is not None)
        for d in Deadline.objects.filter(content_type=app_type).select_related("rule")
    )
    for pid, app in apps.items():
        checks = {
            "no applicant party": app.applicant_id is None,
            "no register number": not app.number,
            "respondent or right missing": len(app.respondents.all()) != 1 or len(app.rights.all()) != 1,
            "registered event not exactly once": registered[pid] != 1,
            "acknowledgement deadline missing": deadlines[(app.pk, "acknowledgement", True)] != 1,
            "reasoned-refusal deadline missing": deadlines[(app.pk, "reasoned_refusal", False)] != 1,
        }
        half.update(name for name, broken in checks.items() if broken)
    for pid in calls:
        if logged[pid] != 1:
            half["call's logged event not exactly once"] += 1
    half["registered event without its application"] = sum(1 for pid in registered if pid not in apps)
    half["logged event without its call"] = sum(1 for pid in logged if pid not in calls)
    for counter in RegisterCounter.objects.all():
        sequences = sorted(
            Application.objects.filter(unit=counter.unit, year=counter.year).values_list("sequence", flat=True)
        )
        if sequences != list(range(1, counter.last + 1)):
            half["register numbers with a gap or a repeat"] += 1
    return {
        "present": present,
        "applications": len(apps),
        "calls": len(calls),
        "half_written": {name: count for name, count in half.items() if count},
    }


def _django_step(env: dict[str, str], *args: str) -> dict:
    done = subprocess.run(  # noqa: S603
        [PYTHON, __file__, "--step", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"step {args[0]} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


# --- The drill -----------------------------------------------------------------------------------


def _chaos(options, gunicorn: Gunicorn, cluster: Cluster) -> Counter[str]:
    masters = max(1, options.kills // 5)
    events = ["worker"] * (options.kills - masters) + ["master"] * masters + ["postgres"] * options.pg_stops
    random.shuffle(events)
    done: Counter[str] = Counter()
    for event in events:
        time.sleep(random.uniform(1.0, 4.0))  # noqa: S311 - time for some writes between two crashes
        if event == "worker" and not gunicorn.kill_worker():
            event = "master"
        if event == "master":
            gunicorn.kill_master()
        elif event == "postgres":
            cluster.crash()
            time.sleep(random.uniform(0.2, 1.5))  # noqa: S311 - requests meet a dead database meanwhile
            cluster.start()
        done[event] += 1
        print(f"  {sum(done.values()):>2}/{len(events)} {event}", flush=True)
    return done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--kills", type=int, default=30, help="SIGKILLs of gunicorn processes (a fifth of them the master)"
    )
    parser.add_argument("--pg-stops", type=int, default=10, help="immediate stops of PostgreSQL")
    parser.add_argument("--clients", type=int, default=4, help="client threads writing through the API")
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed; pass it to repeat a run)")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.step:
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        name, *args = options.step
        print(json.dumps({"setup": step_setup, "verify": step_verify}[name](*args)))
        return 0

    seed = options.seed if options.seed is not None else random.randrange(1_000_000)  # noqa: S311
    random.seed(seed)
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="crash-drill-"))
    cluster = Cluster(work)
    gunicorn: Gunicorn | None = None
    try:
        cluster.create()
        env = {
            **os.environ,
            "DATABASE_URL": cluster.url,
            "OMBUDS_DEBUG": "0",
            "OMBUDS_AUDIT_ANCHOR_PATH": str(work / "anchors.jsonl"),
            "OMBUDS_MEDIA_ROOT": str(work / "media"),
        }
        if _manage(env, "migrate", "--noinput").returncode != 0:
            raise SystemExit("migrate failed")
        token = _django_step(env, "setup")["token"]
        gunicorn = Gunicorn(env, work)
        gunicorn.start()
        print(f"PostgreSQL {cluster.bin.parts[-2]} on port {cluster.port}, gunicorn on {gunicorn.port}; seed {seed}")
        stop = threading.Event()
        clients = [Client(n, gunicorn.port, token, stop) for n in range(options.clients)]
        for client in clients:
            client.start()
        done = _chaos(options, gunicorn, cluster)
        gunicorn.wait_healthy()
        time.sleep(3)  # a few writes with everything up, so the run ends in a working state
        stop.set()
        for client in clients:
            client.join(timeout=30)
        gunicorn.stop()
        acknowledged = [record for client in clients for record in client.acknowledged]
        (work / "acknowledged.json").write_text(json.dumps(acknowledged))
        result = _django_step(env, "verify", str(work / "acknowledged.json"))
        verify = _manage(env, "audit_verify")
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)

    missing = len(acknowledged) - result["present"]
    half = sum(result["half_written"].values())
    failed = sum(client.failed for client in clients)
    print(
        f"SIGKILLs: {done['worker']} workers, {done['master']} masters (gunicorn started {gunicorn.starts} times); "
        f"PostgreSQL immediate stops: {done['postgres']}"
    )
    print(f"requests acknowledged: {len(acknowledged)}; refused or lost in a crash (not acknowledged): {failed}")
    print(
        f"acknowledged present: {result['present']}; missing: {missing}; "
        f"in the database: {result['applications']} applications, {result['calls']} calls "
        f"({result['applications'] + result['calls'] - result['present']} committed without an acknowledgement)"
    )
    answers = sum((client.answers for client in clients), Counter())
    for answer, count in answers.most_common(3):
        print(f"  refused {count} times: {answer}")
    print(f"half-written: {half} {result['half_written'] or ''}".rstrip())
    print(f"audit_verify: {(verify.stdout or verify.stderr).strip()}")
    ok = missing == 0 and half == 0 and verify.returncode == 0 and len(acknowledged) > 0
    print(f"drill {'PASSED' if ok else 'FAILED'} in {time.monotonic() - started:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

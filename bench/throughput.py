"""Throughput of one deployment under a bounded loopback load test (run by hand, not in the tests).

    apt-get install wrk                       # the load generator (Debian package)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_bench .venv/bin/python manage.py migrate
    DATABASE_URL=… OMBUDS_DEMO=1 .venv/bin/python manage.py seed_demo --applications 0
    DATABASE_URL=… .venv/bin/python manage.py generate_data --applications 100000
    DATABASE_URL=… .venv/bin/python bench/throughput.py --duration 15

It starts gunicorn with config/gunicorn.conf.py in production mode (DEBUG off, manifest static
files, persistent connections, second factor required; development keys, since generate_data
wrote with them), signs a demo officer in (a session cookie; the TOTP authenticator production
requires is enrolled on the bench database), checks that each page answers 200, then runs wrk
against each in turn, round after round (interleaved, so a noisy neighbour hits all alike):

- bare: a view returning two bytes, through the whole middleware stack (OMBUDS_BENCH_VIEWS=1);
- plain: 50 rows of a trivial template, same stack;
- register: the register page /complaints/ as the officer sees it;
- health: the load balancer's probe (answered before the middleware), for reference.

It prints requests/s (best round) with p50/p99 latency, and the ratios register/bare and
register/plain (target ≥ 0.5). wrk and gunicorn share the machine: on 2 cores the figures are a
floor for a server with a separate proxy and database.
"""

from __future__ import annotations

import argparse
import os
import re
import runpy
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The development keys of config/settings.py: generate_data encrypted the bench data with them.
BENCH_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "OMBUDS_PRODUCTION": "1",
    "OMBUDS_SSL_REDIRECT": "0",  # wrk speaks plain HTTP on the loopback, as the proxy would
    "OMBUDS_BENCH_VIEWS": "1",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "OMBUDS_SITE_URL": "http://127.0.0.1",
    "SECRET_KEY": "bench-only-secret-key-0123456789abcdef0123456789abcdef",
    "OMBUDS_AUDIT_KEY": "development-only-audit-chain-key-0123456789",
    "FIELD_ENCRYPTION_KEYS": "dev1:ZGV2ZWxvcG1lbnQtb25seS1maWVsZC1rZXktMDAwMDA=",
    "FIELD_BLIND_INDEX_KEY": "development-only-blind-index-key",
    "GUNICORN_ACCESS_LOG": "",
    "GUNICORN_LOG_LEVEL": "warning",
}
PAGES = {
    "bare": "/bench/bare/",
    "plain": "/bench/rows/",
    "register": "/complaints/",
    "health": "/health/",
}


def session_cookie(username: str) -> str:
    """Sign the user in as the login page would leave them: a session in the database."""
    import django

    django.setup()
    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.test import Client

    from ombuds.accounts.models import User
    from ombuds.accounts.testing import enrol_totp

    user = User.objects.get(username=username)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        enrol_totp(user)
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def fetch(base: str, path: str, cookie: str) -> tuple[int, bytes]:
    request = urllib.request.Request(base + path, headers={"Cookie": cookie})  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def start_server(port: int, env: dict) -> subprocess.Popen:
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    command = [str(gunicorn), "-c", "config/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "config.wsgi"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603
    for _ in range(120):
        time.sleep(0.5)
        try:
            if fetch(f"http://127.0.0.1:{port}", "/health/", "")[0] == 200:
                return server
        except OSError:
            continue
    server.kill()
    raise SystemExit("gunicorn did not answer /health/ within a minute")


WRK_RATE = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")


def _ms(text: str, percent: str) -> float:
    match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\b", text, re.MULTILINE)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def wrk(url: str, cookie: str, args) -> dict:
    command = [args.wrk, f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    command += ["-H", f"Cookie: {cookie}", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    errors = WRK_ERRORS.search(out)
    return {
        "rps": float(WRK_RATE.search(out).group(1)),
        "p50": _ms(out, "50"),
        "p99": _ms(out, "99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default="officer.ganja")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=8391)
    parser.add_argument("--wrk", default=shutil.which("wrk") or "/usr/bin/wrk")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a PostgreSQL bench database (see the top of this file)")
    if not Path(args.wrk).exists():
        raise SystemExit("wrk not found: apt-get install wrk")

    env = {**os.environ, **BENCH_ENV}
    os.environ.update(BENCH_ENV)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run([*manage, "createcachetable"], cwd=ROOT, env=env, check=True)  # noqa: S603
    cookie = session_cookie(args.user)
    from django.db import connection

    with connection.cursor() as cursor:
        # Planner statistics as autovacuum keeps them in production: a freshly loaded bench database
        # may have none yet, and the register's query then takes a plan many times slower.
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM complaints_application")
        applications = cursor.fetchone()[0]
    connection.close()

    server = start_server(args.port, env)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for name, path in PAGES.items():
            status, body = fetch(base, path, cookie)
            if status != 200:
                raise SystemExit(f"{name} {path} answered {status}: not signed in, or not mounted?")
            if name == "register" and body.count(b"<tr") < 51:
                raise SystemExit("the register page shows fewer than 50 rows: is the bench database loaded?")
            if name == "register":
                static = re.search(rb'(/static/[^"]+\.css)"', body)
                if static:
                    with urllib.request.urlopen(base + static.group(1).decode(), timeout=30) as response:  # noqa: S310
                        print(f"static {static.group(1).decode()}: Cache-Control {response.headers['Cache-Control']}")
        conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
        print(
            f"applications: {applications:,}; gunicorn: {conf['workers']} {conf['worker_class']} worker(s) × "
            f"{conf['threads']} thread(s), preload {conf['preload_app']}; {os.cpu_count()} cores; "
            f"wrk -t{args.wrk_threads} -c{args.connections} -d{args.duration}s, "
            f"best of {args.rounds} interleaved rounds"
        )
        best: dict[str, dict] = {}
        for _round in range(args.rounds):
            for name, path in PAGES.items():
                result = wrk(base + path, cookie, args)
                if name not in best or result["rps"] > best[name]["rps"]:
                    best[name] = result
        for name, path in PAGES.items():
            r = best[name]
            print(
                f"  {name:9} {path:16} {r['rps']:9.1f} req/s   p50 {r['p50']:7.1f} ms   p99 {r['p99']:7.1f} ms"
                f"   non-2xx {r['errors']}"
            )
        register = best["register"]["rps"]
        print(
            f"ratios: register/bare {register / best['bare']['rps']:.3f}   "
            f"register/plain-50-row {register / best['plain']['rps']:.3f} (target ≥ 0.5)"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()

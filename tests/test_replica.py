"""Reports, dashboards and exports read from a PostgreSQL streaming replica (ombuds/core/routers.py).

The router's rules are checked everywhere. The tests marked `replica` need a real primary and
streaming replica pair (.ci/run starts one): DATABASE_URL names the primary, DATABASE_REPLICA_URL
the replica; they are skipped when DATABASE_REPLICA_URL is unset. They write on the primary, wait
until the replica has replayed the write, then read the statistics, the home panels and the
register export through the replica, and check that their queries went there.
"""

import os
import time

import dj_database_url
import pytest
from django.db import DatabaseError, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ombuds.core.routers import REPLICA, ReplicaRouter, reporting, reporting_db
from tests.reference import load_reference_data

REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
router = ReplicaRouter()


# --- the rules (every database) -----------------------------------------------------------------


def test_without_a_replica_everything_reads_from_the_primary(monkeypatch):
    monkeypatch.delitem(connections.settings, REPLICA, raising=False)
    assert reporting_db() == "default"


@pytest.mark.django_db
def test_writes_and_migrations_go_to_the_primary_and_rows_of_both_relate():
    from ombuds.core.models import Region

    region = Region.objects.first()
    assert router.db_for_write(Region, instance=region) == "default"
    assert router.allow_migrate("default", "complaints") and not router.allow_migrate(REPLICA, "complaints")
    copy = Region.objects.first()
    copy._state.db = REPLICA
    assert router.db_for_read(Region, instance=copy) == REPLICA  # related rows follow the row read
    assert router.db_for_read(Region) == "default"
    assert router.allow_relation(region, copy)


# --- a real streaming replica (CI's third run) -----------------------------------------------------


@pytest.fixture
def replica():
    """The replica connection pointed at the stream's copy of the test database: the test settings
    make it a mirror of the primary, which would read the primary itself."""
    connection = connections[REPLICA]
    mirror = connection.settings_dict
    connection.close()
    parsed = dj_database_url.parse(REPLICA_URL)
    connection.settings_dict = {**connections["default"].settings_dict, "HOST": parsed["HOST"], "PORT": parsed["PORT"]}
    load_reference_data()
    yield connection
    connection.close()
    connection.settings_dict = mirror


def wait_for_replay(replica, timeout: float = 20.0) -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        (lsn,) = cursor.fetchone()
    deadline = time.monotonic() + timeout
    while True:
        with replica.cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])
            if cursor.fetchone()[0]:
                return
        assert time.monotonic() < deadline, "the replica did not replay the primary's writes in time"
        time.sleep(0.05)


def application_selects(captured) -> list[str]:
    """Reads of applications, also through a server-side cursor (DECLARE … FOR SELECT) as exports do."""
    return [
        sql
        for sql in (q["sql"] for q in captured.captured_queries)
        if "complaints_application" in sql and (sql.startswith("SELECT") or " FOR SELECT " in sql[:120])
    ]


@pytest.mark.replica
@pytest.mark.skipif(not REPLICA_URL, reason="DATABASE_REPLICA_URL is not set (.ci/run starts a replica)")
@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_the_replica_is_a_read_only_standby_of_the_primary(replica):
    with replica.cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone()[0] is True
        with pytest.raises(DatabaseError):
            cursor.execute("CREATE TABLE written_on_the_replica (id int)")


@pytest.mark.replica
@pytest.mark.skipif(not REPLICA_URL, reason="DATABASE_REPLICA_URL is not set (.ci/run starts a replica)")
@pytest.mark.django_db(transaction=True, databases=["default", REPLICA])
def test_statistics_home_panels_and_export_read_the_replica(replica, persona, staff_client):
    from ombuds.complaints.models import Application
    from ombuds.complaints.testing import make_application
    from ombuds.reports.statistics import application_statistics

    head = persona("department_head")
    numbers = [make_application(head).number for _ in range(2)]  # written on the primary
    wait_for_replay(replica)
    assert reporting(Application.objects).count() == 2

    client = staff_client(head)
    pages = {
        "statistics": lambda: application_statistics(timezone.localdate().year),
        "statistics page": lambda: client.get(reverse("reports:statistics")),
        "home panels": lambda: client.get(reverse("core:home")),
        "register export": lambda: b"".join(client.get(reverse("complaints:export", args=["csv"])).streaming_content),
    }
    for name, read in pages.items():
        with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(connections["default"]) as on_primary:
            result = read()
        assert application_selects(on_replica), f"{name}: nothing read from the replica"
        assert not application_selects(on_primary), f"{name}: applications read from the primary"
        if name == "register export":
            assert all(number.encode() in result for number in numbers)

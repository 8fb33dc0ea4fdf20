"""The queue: jobs are enqueued after commit and run exactly once, even by competing workers."""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection, transaction

from ombuds.core.models import AuditEvent
from ombuds.core.tasks import enqueue_on_commit
from tests.fixtures_app.tasks import record_run

ROOT = Path(__file__).resolve().parents[1]


def _worker(database_url: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DATABASE_URL"] = database_url
    return subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.django_db
def test_a_job_is_enqueued_only_when_the_transaction_commits(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            enqueue_on_commit(record_run, 1)
            assert DBTaskResult.objects.count() == 0
    assert len(callbacks) == 1
    try:
        with transaction.atomic():
            enqueue_on_commit(record_run, 2)
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    callbacks[0]()
    assert DBTaskResult.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="competing workers need PostgreSQL's row locks")
@pytest.mark.django_db(transaction=True)
def test_two_workers_started_at_once_run_each_job_exactly_once():
    from django_tasks_db.models import DBTaskResult

    for number in range(40):
        record_run.enqueue(number)
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    workers = [_worker(url), _worker(url)]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    runs = Counter(AuditEvent.objects.filter(action="core.auditevent.job_ran").values_list("object_id", flat=True))
    assert runs == Counter({str(n): 1 for n in range(40)})
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}

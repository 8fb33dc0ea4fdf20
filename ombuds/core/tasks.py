"""Background work: the one doorway to the queue (django-tasks with its database backend).

This module knows nothing of the apps: each app defines its tasks beside its services with the
`task` decorator re-exported here, and enqueues them with `enqueue_on_commit`. Tasks take ids,
re-fetch their objects and call a service, so a job that runs late sees the
current state. `enqueue_on_commit` schedules a job only once the caller's transaction commits:
no job ever sees, or acts on, data that was rolled back. The queue lives in the application's
own database (SQLite or PostgreSQL): `manage.py db_worker` runs it; on PostgreSQL the workers
claim jobs with SELECT … FOR UPDATE SKIP LOCKED, so several workers on several machines never
run the same job twice.
"""

from __future__ import annotations

from django.db import transaction

try:  # Django >= 6.0 has the framework built in
    from django.tasks import task
except ImportError:  # Django 5.2: the backport
    from django_tasks import task  # type: ignore[no-redef]

__all__ = ["enqueue_on_commit", "task"]


def enqueue_on_commit(job, *args) -> None:
    transaction.on_commit(lambda: job.enqueue(*args))

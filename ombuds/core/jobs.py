"""Periodic jobs that run once per period even when several machines start them at the same time.

Each machine's scheduler (cron, a systemd timer) may call the same management command; the first
to insert the (job, period) row of `JobRun` runs it, the others see the row and do nothing, so
their side effects (overdue marks, notifications, e-mails) happen once. The claim is a plain row
with a unique constraint, so it works on PostgreSQL and SQLite alike.

The period is the scheduled slot *nearest* to now, not the one now falls in: schedulers fire on
the boundary (12:15:00), and two machines whose clocks differ by a second would otherwise land on
either side of it and both run. Clocks must agree within half a period (NTP does far better).

A run that fails gives its claim back (another attempt in the same period may run); a run killed
outright keeps it and the job runs again in the next period, or at once with `--force`.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from ombuds.core.models import JobRun

MINUTE = 60
HOUR = 3600
DAY = 86400
KEEP = timedelta(days=90)


def slot(every: int, now: datetime | None = None) -> datetime:
    """The start of the scheduled slot nearest to `now` for a job run every `every` seconds."""
    now = now or timezone.now()
    seconds = round(now.timestamp() / every) * every
    return datetime.fromtimestamp(seconds, UTC)


def claim(job: str, every: int, now: datetime | None = None) -> JobRun | None:
    """The claim of this period's run, or None when another run already holds it."""
    host = f"{socket.gethostname()}:{os.getpid()}"
    try:
        # Its own transaction, committed at once: a concurrent claimer blocks on the unique index
        # until this one commits, then fails.
        with transaction.atomic():
            return JobRun.objects.create(job=job, period_start=slot(every, now), host=host[:255])
    except IntegrityError:
        return None


def run_once(job: str, every: int, work: Callable[[], str], *, force: bool = False) -> tuple[bool, str]:
    """Run `work` unless this period's run is claimed; returns (ran, what it said)."""
    run = claim(job, every)
    if run is None and not force:
        holder = JobRun.objects.filter(job=job, period_start=slot(every)).first()
        by = f" by {holder.host}" if holder else ""
        return False, f"{job}: already run for this period{by}; nothing done"
    try:
        outcome = work()
    except BaseException:
        if run is not None:
            JobRun.objects.filter(pk=run.pk).delete()
        raise
    if run is not None:
        JobRun.objects.filter(pk=run.pk).update(finished_at=timezone.now(), outcome=outcome[:255])
    # A claim is only needed while its period lasts; three months are kept for the operator's eyes.
    JobRun.objects.filter(job=job, period_start__lt=timezone.now() - KEEP).delete()
    return True, outcome


class PeriodicCommand(BaseCommand):
    """A management command a scheduler calls on every machine: it runs once per period."""

    job = ""
    every = HOUR

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even if this period's run has been done (by hand)."
        )

    def handle(self, *args, **options):
        _ran, outcome = run_once(self.job, self.every, self.work, force=options["force"])
        self.stdout.write(outcome)

    def work(self) -> str:
        raise NotImplementedError

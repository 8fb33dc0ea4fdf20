"""Periodic jobs on several machines: when the schedulers of two machines start the same job at the
same moment, it runs once and its side effects (overdue marks, notifications, e-mails, signed
heads) happen once. On PostgreSQL the two runs are threads with their own connections, started
together; on SQLite (one writer at a time) they run one after the other."""

import threading
from collections import Counter
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.utils import timezone

from ombuds.core import jobs
from ombuds.core.models import AuditCheckpoint, AuditEvent, Deadline, JobRun, Notification
from tests.reference import load_reference_data

CONCURRENT = connection.vendor == "postgresql"
COMMANDS = [
    "mark_overdue_deadlines",
    "mark_overdue_info_requests",
    "outreach_reminders",
    "recommendations_no_response",
    "recommendations_reminders",
    "focal_reminders",
    "annual_report_reminders",
    "purge_application_drafts",
    "audit_sign_head",
]


def _run(name: str, outputs: list, barrier: threading.Barrier | None) -> None:
    out = StringIO()
    try:
        if barrier is not None:
            barrier.wait(timeout=30)
        call_command(name, stdout=out)
        outputs.append(out.getvalue())
    finally:
        if barrier is not None:
            connection.close()  # the thread's own connection


def run_twice(name: str) -> list[str]:
    """The same command started by two machines' schedulers at once."""
    outputs: list[str] = []
    if not CONCURRENT:
        _run(name, outputs, None)
        _run(name, outputs, None)
        return outputs
    barrier = threading.Barrier(2)
    threads = [threading.Thread(target=_run, args=(name, outputs, barrier)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    close_old_connections()
    assert len(outputs) == 2, "a run failed"
    return outputs


@pytest.fixture
def reference_data(request):
    """A transactional test starts from a flushed database: put the migrations' reference rows back."""
    if not CONCURRENT:
        return
    request.getfixturevalue("transactional_db")
    load_reference_data()


def _recommendations(responsible) -> None:
    """Two issued recommendations whose response term will have run out, one of them due in five
    days, and an accepted one whose due date passed ten days ago."""
    from ombuds.recommendations import services
    from ombuds.recommendations.testing import make_recommendation

    today = timezone.localdate()
    by_hand = {"due_reason": "Agreed with the ministry."}
    services.issue_recommendation(None, make_recommendation(None, responsible=responsible))
    services.issue_recommendation(
        None, make_recommendation(None, responsible=responsible), due_date=today + timedelta(days=5), **by_hand
    )
    done = services.issue_recommendation(
        None,
        make_recommendation(None, responsible=responsible),
        issued_on=today - timedelta(days=300),
        due_date=today - timedelta(days=10),
        **by_hand,
    )
    services.record_response(None, done, stance="accepts", received_on=today - timedelta(days=290), text="Qəbul.")


def _focal_point(authority: str) -> None:
    """A focal point of the body the information request goes to, who reads e-mail."""
    from ombuds.focal.testing import make_focal_point

    profile = make_focal_point(authority=authority)
    profile.accepted_at = timezone.now()
    profile.save(update_fields=["accepted_at"])
    profile.user.email = "focal@authority.example"
    profile.user.save(update_fields=["email"])


def _work_for_every_job(persona):
    """An overdue deadline and information request (with a focal point of its addressee), an event
    in two days, recommendations whose response term ran out or that are due soon or overdue, an
    expired draft of an online application, an unsigned audit head."""
    from datetime import date

    from ombuds.accounts.models import OrgUnit
    from ombuds.complaints import services as complaints
    from ombuds.complaints.models import InfoRequest
    from ombuds.complaints.testing import authority, make_application
    from ombuds.core import deadlines
    from ombuds.core.models import Region
    from ombuds.outreach import services as outreach
    from ombuds.outreach.models import Topic
    from ombuds.portal.models import ApplicationDraft
    from ombuds.portal.services.apply import save_application_draft

    head, awareness = persona("department_head"), persona("awareness_staff")
    for user in (head, awareness):  # so that every notification also queues its e-mail copy
        user.email = f"{user.username}@ombuds.example"
        user.save(update_fields=["email"])
    app = make_application(head)
    complaints.send_info_request(None, app, addressee=authority("mia"), basis="general", questions="Why?")
    deadlines.start_deadline(head, app, "acknowledgement", responsible=head)
    _recommendations(head)
    _focal_point("mia")
    past = timezone.now() - timedelta(days=60)
    Deadline.objects.update(due_at=past)
    draft, _token = save_application_draft({"what_happened": "Yarımçıq"}, language="az")
    ApplicationDraft.objects.filter(pk=draft.pk).update(expires_at=past)
    InfoRequest.objects.update(due_at=past)
    office = OrgUnit.objects.get(code="dept_awareness")
    plan = outreach.create_plan(awareness, year=2025, title_az="Plan")
    item = outreach.add_plan_item(
        awareness,
        plan,
        topic=Topic.objects.first(),
        planned_from=date(2025, 1, 1),
        planned_to=date(2025, 12, 31),
        responsible_unit=office,
    )
    outreach.create_event(
        awareness,
        item,
        title_az="Seminar",
        starts_at=timezone.now() + timedelta(days=2),
        host_unit=office,
        region=Region.objects.get(code="hq"),
        event_format="in_person",
    )


def _effects() -> Counter:
    from django_tasks_db.models import DBTaskResult

    return Counter(
        {
            **{f"audit {a}": n for a, n in Counter(AuditEvent.objects.values_list("action", flat=True)).items()},
            **{f"note {k}": n for k, n in Counter(Notification.objects.values_list("kind", flat=True)).items()},
            "e-mail jobs": DBTaskResult.objects.count(),
            "signed heads": AuditCheckpoint.objects.count(),
            "overdue deadlines": Deadline.objects.filter(status="overdue").count(),
        }
    )


@pytest.mark.django_db(transaction=CONCURRENT)
def test_each_periodic_job_started_on_two_machines_at_once_runs_once(
    reference_data, persona, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.OMBUDS_AUDIT_ANCHOR_PATH = str(tmp_path / "anchors.jsonl")
    _work_for_every_job(persona)
    running = Deadline.objects.filter(status="running")
    overdue, responsible = running.count(), running.filter(responsible__isnull=False).count()
    once = {
        "mark_overdue_deadlines": {
            "overdue deadlines": overdue,
            "audit core.deadline.overdue": overdue,
            "note core.deadline.overdue": responsible,
            "e-mail jobs": responsible,
        },
        "mark_overdue_info_requests": {"audit complaints.inforequest.overdue": 1},
        "outreach_reminders": {"note outreach.event.soon": 1, "e-mail jobs": 1},
        "recommendations_no_response": {
            "audit recommendations.recommendation.status_changed": 2,
            "note recommendations.recommendation.no_response": 2,
            "e-mail jobs": 2,
        },
        "recommendations_reminders": {
            "note recommendations.recommendation.due_soon": 1,
            "note recommendations.recommendation.overdue": 1,
            "e-mail jobs": 2,
        },
        "focal_reminders": {
            "audit focal.reminder.sent": 1,
            "note focal.inforequest.overdue": 1,
            # One e-mail per focal point and run: the digest, not one per item.
            "note focal.reminders.digest": 1,
            "e-mail jobs": 1,
        },
        # Last year's annual report started by the system (its snapshot, its legal clock, long past
        # due by now), and the alert to the department head, the one who prepares reports here.
        "annual_report_reminders": {
            "audit reports.dataset.created": 1,
            "audit reports.report.created": 1,
            "audit core.deadline.started": 1,
            "note reports.annual_report.overdue": 1,
            "e-mail jobs": 1,
        },
        "purge_application_drafts": {"audit portal.applicationdraft.purged": 1},
        "audit_sign_head": {"signed heads": 1},
    }
    assert responsible >= 1
    for name in COMMANDS:
        before = _effects()
        # Inside the test's transaction (SQLite) the e-mail jobs are queued by running the commit hooks.
        with nullcontext() if CONCURRENT else django_capture_on_commit_callbacks(execute=True):
            outputs = run_twice(name)
        assert dict(_effects() - before) == once[name], name
        assert sum("already run for this period" in out for out in outputs) == 1, outputs
    assert JobRun.objects.filter(finished_at__isnull=False).count() == len(COMMANDS)
    assert len((tmp_path / "anchors.jsonl").read_text().splitlines()) == 1


def test_two_schedulers_a_second_apart_around_the_boundary_share_the_period():
    quarter = 15 * jobs.MINUTE
    early = datetime(2026, 11, 29, 12, 14, 59, 600_000, tzinfo=UTC)
    late = datetime(2026, 11, 29, 12, 15, 0, 400_000, tzinfo=UTC)
    assert jobs.slot(quarter, early) == jobs.slot(quarter, late) == datetime(2026, 11, 29, 12, 15, tzinfo=UTC)
    assert jobs.slot(jobs.DAY, datetime(2026, 11, 29, 23, 59, 59, tzinfo=UTC)) == datetime(2026, 11, 30, tzinfo=UTC)
    assert jobs.slot(jobs.HOUR, datetime(2026, 11, 29, 13, 20, tzinfo=UTC)) != jobs.slot(
        jobs.HOUR, datetime(2026, 11, 29, 14, 0, tzinfo=UTC)
    )


@pytest.mark.django_db
def test_a_failed_run_gives_its_claim_back():
    def broken() -> str:
        raise RuntimeError("mail server down")

    with pytest.raises(RuntimeError):
        jobs.run_once("test.job", jobs.HOUR, broken)
    assert not JobRun.objects.exists()
    assert jobs.run_once("test.job", jobs.HOUR, lambda: "done") == (True, "done")
    ran, said = jobs.run_once("test.job", jobs.HOUR, lambda: "again")
    assert not ran and "already run for this period" in said

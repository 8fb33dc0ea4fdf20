"""Acceptance scenarios 2–7 of domain.md §9, through the service layer."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from ombuds.complaints import services
from ombuds.complaints.admissibility import assess
from ombuds.complaints.choices import ApplicantKind, Channel, CourtStatus, Outcome, RefusalGround, Status
from ombuds.complaints.testing import authority, make_application
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import AuditEvent, Deadline, Notification

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")
NOW = datetime(2025, 10, 6, 10, 0, tzinfo=BAKU)  # a Monday


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def deadline(app, code):
    return Deadline.objects.get(object_id=app.pk, content_type__model="application", rule__code=code)


def test_scenario_02_standard_complaint(persona, clock):
    officer = persona("complaints_officer")
    app = make_application(officer, violation_date=date(2025, 7, 1), received_at=NOW)
    assert app.number == "2025/MUR/00001" and app.status == Status.REGISTERED
    ack = deadline(app, "acknowledgement")
    assert ack.status == DeadlineStatus.MET and ack.due_at.date() == date(2025, 10, 7)  # next working day
    assert assess(app).looks_admissible

    services.assign_application(officer, app, officer)
    app = services.decide_admissibility(officer, app, "accept")
    assert app.status == Status.UNDER_CONSIDERATION
    assert deadline(app, "consideration").due_at.date() == date(2025, 11, 5)

    request = services.send_info_request(
        officer, app, addressee=authority("mia"), basis="general", questions="Why was the complaint not registered?"
    )
    clock.shift(timedelta(days=3))
    services.record_reply(officer, request, "The complaint has now been registered.")
    services.add_measure(
        officer,
        app,
        kind="letter",
        addressee=authority("mia"),
        text="The district police must register complaints on the day they are made.",
    )
    app = services.conclude_application(officer, app, Outcome.VIOLATION_FOUND)
    notify_by = deadline(app, "applicant_notification").due_at.date()
    assert notify_by == date(2025, 10, 23)  # 10 working days after 9 October
    clock.shift(timedelta(days=2))
    app = services.notify_applicant(officer, app)
    assert deadline(app, "applicant_notification").status == DeadlineStatus.MET
    app = services.close_application(officer, app)
    assert app.status == Status.CLOSED
    actions = list(AuditEvent.objects.filter(object_id=str(app.public_id)).values_list("action", flat=True))
    assert "complaints.application.registered" in actions and "complaints.application.closed" in actions


def test_scenario_03_anonymous(persona):
    officer = persona("complaints_officer")
    bare = make_application(officer, applicant_kind=ApplicantKind.ANONYMOUS, applicant=None)
    result = assess(bare)
    assert not result.looks_admissible and result.suggested_ground == RefusalGround.ANONYMOUS
    refused = services.decide_admissibility(
        officer, bare, "refuse", ground=RefusalGround.ANONYMOUS, reason="Anonymous without evidence (Art. 9.3)."
    )
    assert refused.status == Status.REFUSED and deadline(refused, "reasoned_refusal").status == DeadlineStatus.MET

    with_photos = make_application(officer, applicant_kind=ApplicantKind.ANONYMOUS, applicant=None, has_evidence=True)
    assert assess(with_photos).looks_admissible


def test_scenario_04_time_bar(persona):
    officer = persona("complaints_officer")
    old = make_application(officer, violation_date=date(2024, 8, 1), awareness_date=date(2024, 8, 1))
    result = assess(old)
    assert result.suggested_ground == RefusalGround.TIME_BARRED
    with pytest.raises(ValidationError):  # a refusal without reasons is refused
        services.decide_admissibility(officer, old, "refuse", ground=RefusalGround.TIME_BARRED)
    assert deadline(old, "reasoned_refusal").due_at.date() == date(2025, 10, 16)  # within 10 days
    services.decide_admissibility(
        officer, old, "refuse", ground=RefusalGround.TIME_BARRED, reason="More than one year since the violation."
    )

    learned_late = make_application(officer, violation_date=date(2024, 8, 1), awareness_date=date(2025, 8, 1))
    assert assess(learned_late).looks_admissible


def test_scenario_05_court(persona):
    officer = persona("complaints_officer")
    pending = make_application(officer, court_status=CourtStatus.PENDING, respondents=[authority("district_courts")])
    assert assess(pending).suggested_ground in (RefusalGround.OUTSIDE_MANDATE, RefusalGround.COURT_PENDING)
    assert not assess(pending).looks_admissible

    non_execution = make_application(
        officer,
        court_status=CourtStatus.DECIDED,
        about_court_delay=True,
        violation_date=date(2025, 2, 1),
        respondents=[authority("enforcement"), authority("district_courts")],
        summary="A final judgment of February has not been executed for eight months.",
    )
    assert assess(non_execution).looks_admissible


def test_scenario_06_out_of_mandate(persona):
    officer = persona("complaints_officer")
    app = make_application(officer, respondents=[authority("milli_majlis")], summary="A member of parliament...")
    assert assess(app).suggested_ground == RefusalGround.OUTSIDE_MANDATE
    refused = services.decide_admissibility(
        officer,
        app,
        "refuse",
        ground=RefusalGround.OUTSIDE_MANDATE,
        reason="Outside the mandate; the applicant may address the Milli Majlis.",
    )
    assert refused.refusal_ground == RefusalGround.OUTSIDE_MANDATE


def test_scenario_07_detention_mail(persona):
    lead = persona("npm_member")
    from ombuds.accounts import services as accounts

    accounts.grant_role(None, lead, "department_head")  # the NPG's head is the NPM lead
    officer = persona("complaints_officer")
    app = make_application(
        officer,
        from_detention=True,
        detention_place="Investigative Isolator No. 2 (Ganja)",
        facility_received_at=datetime(2025, 10, 1, 9, tzinfo=BAKU),
        facility_forwarded_at=datetime(2025, 10, 4, 9, tzinfo=BAKU),
    )
    assert app.forwarding_breach
    assert Notification.objects.filter(recipient=lead, kind="complaints.application.forwarding_breach").exists()
    assert AuditEvent.objects.filter(
        action="complaints.application.forwarding_breach", object_id=str(app.public_id)
    ).exists()

    in_time = make_application(
        officer,
        from_detention=True,
        facility_received_at=datetime(2025, 10, 1, 9, tzinfo=BAKU),
        facility_forwarded_at=datetime(2025, 10, 2, 8, tzinfo=BAKU),
    )
    assert not in_time.forwarding_breach


def test_urgent_application_starts_the_triage_clock_and_alerts_the_head(persona):
    head = persona("department_head")
    officer = persona("complaints_officer")
    app = make_application(officer, urgent_child=True, channel=Channel.CALL_916)
    assert deadline(app, "urgent_triage").due_at == NOW + timedelta(hours=24)
    assert Notification.objects.filter(recipient=head, kind="complaints.application.urgent").exists()
    services.decide_admissibility(officer, app, "accept")
    assert deadline(app, "urgent_triage").status == DeadlineStatus.MET

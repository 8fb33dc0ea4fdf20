"""The public status behind a reference and PIN (complaints/services/status.py): each state of an
application mapped onto the applicant's steps with their due dates, nothing else of the case, and
the lockout after repeated wrong PINs."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from ombuds.complaints import services
from ombuds.complaints.choices import Outcome, RefusalGround
from ombuds.complaints.models import StatusKey
from ombuds.complaints.services.status import issue_status_key, lookup_status
from ombuds.complaints.testing import authority, make_application
from ombuds.core.models import AuditEvent, Deadline

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")


@pytest.fixture
def officer(persona):
    return persona("complaints_officer")


def _due(app, rule: str) -> date:
    deadlines = Deadline.objects.filter(object_id=app.pk, rule__code=rule, content_type__model="application")
    deadline = deadlines.latest("pk")
    return deadline.due_at.astimezone(BAKU).date()


def _steps(status):
    return [(s.code, s.state) for s in status.steps]


def _look(app, *, now=None):
    key, pin = issue_status_key(None, app, language="en")
    return lookup_status(key.reference.lower().replace("-", " "), pin, now=now)


def test_a_new_application_is_received_with_the_decision_due_in_ten_days(officer):
    with time_machine.travel(datetime(2025, 10, 6, 11, tzinfo=BAKU)):  # a Monday
        app = make_application(officer)
        status = _look(app)
    assert status.received_on == date(2025, 10, 6)
    assert _steps(status) == [
        ("received", "current"),
        ("decision", "upcoming"),
        ("consideration", "upcoming"),
        ("answered", "upcoming"),
        ("closed", "upcoming"),
    ]
    received, decision = status.steps[:2]
    assert received.reached_on == date(2025, 10, 6)
    assert decision.reached_on is None
    assert decision.due_on == date(2025, 10, 16) == _due(app, "reasoned_refusal")  # 10 days (reasoned refusal)


def test_information_requested_keeps_the_decision_ahead_with_a_note(officer):
    app = services.decide_admissibility(officer, make_application(officer), "request_info")
    status = _look(app)
    decision = status.steps[1]
    assert (decision.code, decision.state) == ("decision", "upcoming")
    with translation.override("en"):
        assert "more information" in str(decision.detail)


def test_a_refusal_shows_its_ground_in_plain_words_and_its_due_date(officer):
    app = make_application(officer)
    app = services.decide_admissibility(
        officer, app, "refuse", ground=RefusalGround.TIME_BARRED, reason="Internal reasons: Həsənov wrote late."
    )
    status = _look(app)
    assert _steps(status) == [("received", "done"), ("refused", "current"), ("closed", "upcoming")]
    refused = status.steps[1]
    assert refused.reached_on == timezone.localdate()
    assert refused.due_on == _due(app, "reasoned_refusal")
    with translation.override("en"):
        assert "more than one year" in str(refused.detail)
    with translation.override("ru"):
        assert "более чем через год" in str(refused.detail)
    # The staff's reasons (free text) stay inside.
    assert "Həsənov" not in repr(status)


def test_a_referral_names_the_body_in_the_readers_language(officer):
    app = services.decide_admissibility(officer, make_application(officer), "refer", referred_to=authority("pgo"))
    with translation.override("en"):
        status = _look(app)
    referred = status.steps[1]
    assert (referred.code, referred.state) == ("referred", "current")
    assert referred.detail == authority("pgo").name_en
    app = services.close_application(officer, app)
    status = _look(app)
    assert _steps(status) == [("received", "done"), ("referred", "done"), ("closed", "current")]


def test_under_consideration_then_extended_with_the_new_date(officer):
    with time_machine.travel(datetime(2025, 10, 6, 11, tzinfo=BAKU)):
        app = services.decide_admissibility(officer, make_application(officer), "accept")
        status = _look(app)
    assert _steps(status) == [
        ("received", "done"),
        ("accepted", "done"),
        ("consideration", "current"),
        ("answered", "upcoming"),
        ("closed", "upcoming"),
    ]
    consideration = status.steps[2]
    first_due = _due(app, "consideration")
    assert consideration.reached_on == date(2025, 10, 6)
    assert consideration.due_on == first_due == date(2025, 11, 5)  # 30 days
    with time_machine.travel(datetime(2025, 10, 20, 11, tzinfo=BAKU)):
        app = services.extend_consideration(officer, app, "The ministry has not answered yet.")
        status = _look(app)
    assert _steps(status)[2:4] == [("consideration", "done"), ("extended", "current")]
    extended = status.steps[3]
    assert status.steps[2].due_on == first_due  # the first term stays visible
    assert extended.reached_on == date(2025, 10, 20)
    assert extended.due_on == _due(app, "consideration") == first_due + timedelta(days=30)
    assert "ministry" not in repr(status)


def test_answered_and_closed_with_the_answer_due_date(officer):
    app = services.decide_admissibility(officer, make_application(officer), "accept")
    app = services.conclude_application(officer, app, Outcome.NOT_CONFIRMED)
    status = _look(app)
    answered = status.steps[3]
    assert (answered.code, answered.state, answered.reached_on) == ("answered", "upcoming", None)
    assert answered.due_on == _due(app, "applicant_notification")
    assert status.current.code == "consideration"
    app = services.notify_applicant(officer, app)
    status = _look(app)
    assert (status.steps[3].state, status.steps[3].reached_on) == ("current", timezone.localdate())
    app = services.close_application(officer, app)
    status = _look(app)
    assert _steps(status) == [
        ("received", "done"),
        ("accepted", "done"),
        ("consideration", "done"),
        ("answered", "done"),
        ("closed", "current"),
    ]
    assert status.steps[-1].reached_on == timezone.localdate()


def test_a_reopened_case_shows_its_new_consideration_term(officer):
    app = services.decide_admissibility(officer, make_application(officer), "accept")
    app = services.conclude_application(officer, app, Outcome.NOT_CONFIRMED)
    app = services.close_application(officer, services.notify_applicant(officer, app))
    with time_machine.travel(timezone.now() + timedelta(days=60)):
        app = services.reopen_application(officer, app, "A witness came forward.")
        status = _look(app)
    assert status.current.code == "consideration"
    assert status.steps[2].due_on == _due(app, "consideration")
    assert [s.code for s in status.steps][-2:] == ["answered", "closed"]
    assert status.steps[-2].due_on is None  # the first round's answer date is not this round's


def test_the_status_holds_only_the_reference_dates_and_steps(officer):
    app = services.decide_admissibility(officer, make_application(officer), "accept")
    status = _look(app)
    assert set(vars(status)) == {"reference", "received_on", "steps"}
    fields = {field for step in status.steps for field in vars(step)}
    assert fields == {"code", "reached_on", "due_on", "state", "detail"}
    text = repr(status)
    for secret in ("Rauf", "Həsənov", "stolen car", app.number, officer.username):
        assert secret not in text


# --- PINs and the lockout ---------------------------------------------------------------------------


@pytest.fixture
def keyed(officer):
    app = make_application(officer)
    key, pin = issue_status_key(officer, app, language="az")
    return key, pin


def _wrong(pin: str) -> str:
    return f"{(int(pin) + 1) % 10**6:06d}"


def _error(reference, pin, now=None) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        lookup_status(reference, pin, now=now)
    return caught.value


def test_an_unknown_reference_and_a_wrong_pin_get_the_same_answer(keyed):
    key, pin = keyed
    unknown = _error("ZZZZ-9999", pin)
    wrong = _error(key.reference, _wrong(pin))
    assert (unknown.code, unknown.messages) == (wrong.code, wrong.messages) == ("not_found", unknown.messages)


def test_five_wrong_pins_lock_the_reference_even_for_the_right_pin_until_the_time_passes(keyed, settings):
    settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS, settings.OMBUDS_STATUS_LOCKOUT_MINUTES = 5, 30
    key, pin = keyed
    start = datetime(2025, 10, 6, 10, 0, tzinfo=BAKU)
    for i in range(4):
        assert _error(key.reference, _wrong(pin), start + timedelta(minutes=i)).code == "not_found"
    key.refresh_from_db()
    assert key.failures == 4 and key.locked_until is None
    with translation.override("en"):
        fifth = _error(key.reference, _wrong(pin), start + timedelta(minutes=4))
    assert fifth.code == "locked"
    assert "10:34" in fifth.messages[0] and "Baku" in fifth.messages[0]  # 30 minutes after the 5th, Baku time
    assert _error(key.reference, pin, start + timedelta(minutes=20)).code == "locked"  # the right PIN too
    events = AuditEvent.objects.filter(action="complaints.statuskey.locked")
    assert events.count() == 1
    status = lookup_status(key.reference, pin, now=start + timedelta(minutes=35))
    assert status.reference == key.reference
    key.refresh_from_db()
    assert key.failures == 0 and key.locked_until is None


def test_the_right_pin_resets_the_count(keyed, settings):
    settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS = 3
    key, pin = keyed
    for _ in range(2):
        _error(key.reference, _wrong(pin))
    lookup_status(key.reference, pin)
    key.refresh_from_db()
    assert key.failures == 0
    for _ in range(2):
        assert _error(key.reference, _wrong(pin)).code == "not_found"  # counting starts again


def test_a_new_pin_replaces_the_old_one_and_unlocks(keyed, settings, officer):
    settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS = 1
    key, pin = keyed
    assert _error(key.reference, _wrong(pin)).code == "locked"
    key, new_pin = issue_status_key(officer, key.application, language="ru")
    settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS = 5
    assert lookup_status(key.reference, new_pin).reference == key.reference
    if new_pin != pin:
        assert _error(key.reference, pin).code == "not_found"


def test_lookups_are_audited_without_the_pin(keyed, settings, caplog):
    settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS = 2
    key, pin = keyed
    lookup_status(key.reference, pin)
    looked_up = AuditEvent.objects.get(action="complaints.statuskey.looked_up")
    assert looked_up.actor_id is None and looked_up.object_id == str(key.application.public_id)
    for _ in range(2):
        _error(key.reference, _wrong(pin))
    events = AuditEvent.objects.all()
    written = json.dumps([[e.action, e.changes, e.purpose] for e in events], ensure_ascii=False)
    assert "complaints.statuskey.locked" in written
    assert pin not in written and _wrong(pin) not in written
    assert pin not in caplog.text
    assert pin not in json.dumps(list(StatusKey.objects.values()), default=str)


def test_a_lookup_costs_the_same_queries_whatever_the_case_holds(officer):
    small = make_application(officer)
    big = services.decide_admissibility(officer, make_application(officer), "accept")
    for i in range(4):
        services.send_info_request(officer, big, addressee=authority("mia"), basis="general", questions=f"Q{i}")
        services.add_measure(officer, big, kind="urgent", addressee=authority("mia"), text=f"Measure {i}")
        services.add_note(officer, big, f"Note {i}")
    counts = []
    for app in (small, big):
        key, pin = issue_status_key(None, app)
        with CaptureQueriesContext(connection) as queries:
            lookup_status(key.reference, pin)
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1] <= 10, counts

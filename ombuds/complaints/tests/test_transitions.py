"""Every transition of §3.1, legal and illegal, through the services."""

import pytest
from django.core.exceptions import ValidationError

from ombuds.complaints import services
from ombuds.complaints.choices import TRANSITIONS, Outcome, RefusalGround, Status
from ombuds.complaints.models import Application
from ombuds.complaints.testing import authority, make_application
from ombuds.core.services import move

pytestmark = pytest.mark.django_db


def test_the_transition_table_is_checked_for_every_pair():
    for source in Status.values:
        for target in Status.values:
            app = Application(status=source)
            if target in TRANSITIONS.get(source, set()):
                move(app, target, TRANSITIONS)
                assert app.status == target
            else:
                with pytest.raises(ValidationError):
                    move(app, target, TRANSITIONS)
                assert app.status == source


@pytest.fixture
def officer(persona):
    return persona("complaints_officer")


def _reach(officer, status):
    """An application brought to `status` by the services."""
    app = make_application(officer)
    if status == Status.REGISTERED:
        return app
    if status == Status.INFO_REQUESTED:
        return services.decide_admissibility(officer, app, "request_info")
    if status == Status.REFUSED:
        return services.decide_admissibility(officer, app, "refuse", ground=RefusalGround.REPEAT, reason="Repeat.")
    if status == Status.REFERRED:
        return services.decide_admissibility(officer, app, "refer", referred_to=authority("pgo"))
    app = services.decide_admissibility(officer, app, "accept")
    if status == Status.UNDER_CONSIDERATION:
        return app
    app = services.conclude_application(officer, app, Outcome.NOT_CONFIRMED)
    if status == Status.CONCLUDED:
        return app
    app = services.notify_applicant(officer, app)
    if status == Status.APPLICANT_NOTIFIED:
        return app
    return services.close_application(officer, app)


SERVICE_MOVES = {
    "accept": lambda o, a: services.decide_admissibility(o, a, "accept"),
    "conclude": lambda o, a: services.conclude_application(o, a, Outcome.NOT_CONFIRMED),
    "notify": services.notify_applicant,
    "close": services.close_application,
    "reopen": lambda o, a: services.reopen_application(o, a, "A new witness came forward."),
}
ALLOWED = {
    "accept": {Status.REGISTERED, Status.INFO_REQUESTED},
    "conclude": {Status.UNDER_CONSIDERATION},
    "notify": {Status.CONCLUDED},
    "close": {Status.REFUSED, Status.REFERRED, Status.APPLICANT_NOTIFIED},
    "reopen": {Status.CLOSED},
}


@pytest.mark.parametrize("status", Status.values)
@pytest.mark.parametrize("move_name", sorted(SERVICE_MOVES))
def test_services_allow_exactly_the_legal_moves(officer, status, move_name):
    app = _reach(officer, status)
    if status in ALLOWED[move_name]:
        SERVICE_MOVES[move_name](officer, app)
    else:
        with pytest.raises(ValidationError):
            SERVICE_MOVES[move_name](officer, app)
        app.refresh_from_db()
        assert app.status == status  # nothing was written


def test_violation_found_needs_a_measure(officer):
    app = _reach(officer, Status.UNDER_CONSIDERATION)
    with pytest.raises(ValidationError):
        services.conclude_application(officer, app, Outcome.VIOLATION_FOUND)
    services.add_measure(officer, app, kind="urgent", addressee=authority("mia"), text="Release the detainee.")
    assert services.conclude_application(officer, app, Outcome.VIOLATION_FOUND).status == Status.CONCLUDED


def test_refusal_needs_a_ground_and_reasons_and_referral_a_body(officer):
    app = make_application(officer)
    for kwargs in ({"reason": "x"}, {"ground": RefusalGround.REPEAT}):
        with pytest.raises(ValidationError):
            services.decide_admissibility(officer, app, "refuse", **kwargs)
    with pytest.raises(ValidationError):
        services.decide_admissibility(officer, app, "refer")
    app.refresh_from_db()
    assert app.status == Status.REGISTERED


def test_consideration_extends_once(officer):
    app = _reach(officer, Status.UNDER_CONSIDERATION)
    services.extend_consideration(officer, app, "On-site check of the police division.")
    with pytest.raises(ValidationError):
        services.extend_consideration(officer, app, "Again.")


def test_reopening_needs_new_facts(officer):
    app = _reach(officer, Status.CLOSED)
    with pytest.raises(ValidationError):
        services.reopen_application(officer, app, "  ")
    assert services.reopen_application(officer, app, "New medical report.").status == Status.UNDER_CONSIDERATION


def test_registration_numbers_run_per_unit_and_year(officer, persona):
    first, second = make_application(officer), make_application(officer)
    west = make_application(officer, unit="rc_west", district="ganja")
    assert (first.sequence, second.sequence, west.sequence) == (1, 2, 1)
    assert west.number.split("/")[1] == "QRM"


def test_a_role_without_intake_cannot_register(persona):
    from django.core.exceptions import PermissionDenied

    operator = persona("intake_operator")
    app = make_application(operator)
    with pytest.raises(PermissionDenied):
        services.register_application(
            persona("analyst"),
            unit=app.unit,
            channel="post",
            summary="x",
            district=app.district,
            applicant_kind="anonymous",
        )


def test_urgent_measure_is_tracked_in_hours(officer):
    from django.utils import timezone

    from ombuds.core.models import Deadline

    app = _reach(officer, Status.UNDER_CONSIDERATION)
    before = timezone.now()
    services.add_measure(
        officer,
        app,
        kind="urgent",
        addressee=authority("penitentiary_service"),
        text="Transfer the detainee to the prison hospital today.",
    )
    deadline = Deadline.objects.get(object_id=app.pk, rule__code="urgent_measure_response")
    assert 23.9 * 3600 <= (deadline.due_at - before).total_seconds() <= 24.1 * 3600


def test_on_behalf_without_consent_is_flagged_and_victims_recorded(officer):
    from ombuds.complaints.admissibility import assess

    app = make_application(
        officer, on_behalf=True, victims=[{"surname": "Əliyev", "given_name": "Murad", "is_minor": True}]
    )
    assert app.victims.get().is_minor
    checks = {check.code: check.ok for check in assess(app).checks}
    assert checks["consent"] is False

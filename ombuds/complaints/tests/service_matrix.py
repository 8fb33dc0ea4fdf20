"""Service-matrix rows of the complaints app (see ombuds/core/testing.py and
tests/test_service_matrix.py): every public service × every persona.

Who may do what follows the roles of ombuds/accounts/roles.py: registering (intake) is open to
every role that takes applications, case work to the roles holding complaints.handle_application.
Records are prepared by the system (actor None), so nobody passes as their registering clerk.
"""

from __future__ import annotations

from ombuds.complaints import services
from ombuds.complaints.services import status
from ombuds.core.testing import ServiceRow

REGISTER = frozenset(
    {
        "commissioner",
        "department_head",
        "complaints_officer",
        "regional_officer",
        "intake_operator",
        "npm_member",
        "npm_medical",
    }
)
HANDLE = frozenset({"commissioner", "department_head", "complaints_officer", "regional_officer"})
IMPORT = frozenset({"commissioner", "department_head"})


def _legacy_row():
    from datetime import UTC, datetime

    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import District

    return {
        "legacy_number": "L-1",
        "received_at": datetime(2009, 1, 12, tzinfo=UTC),
        "closed_at": None,
        "status": "closed",
        "channel": "post",
        "app_type": "complaint",
        "applicant_kind": "anonymous",
        "sensitivity": "normal",
        "summary": "Old case",
        "district": District.objects.get(code="baku"),
        "unit": OrgUnit.objects.get(code="dept_complaints"),
        **dict.fromkeys(("surname", "given_name", "patronymic", "organisation", "address", "phone", "email"), ""),
    }


def _app():
    from ombuds.complaints.testing import make_application

    return make_application(None)


def _topic():
    from ombuds.complaints.models import RightTopic

    return RightTopic.objects.get(code="police")


def _info_request():
    from ombuds.complaints.testing import authority

    return services.send_info_request(None, _app(), addressee=authority("mia"), basis="general", questions="Why?")


def _convert(actor):
    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import District

    call = services.log_call(None, topic=_topic())
    unit, district = OrgUnit.objects.get(code="call916"), District.objects.get(code="baku")
    return services.convert_call(actor, call, unit=unit, summary="A call about the police.", district=district)


def _register(actor):
    from ombuds.complaints.testing import make_application

    return make_application(actor)


def _transfer(actor):
    from ombuds.accounts.models import OrgUnit

    return services.transfer_application(actor, _app(), OrgUnit.objects.get(code="rc_north"), "Served by Guba.")


def _measure(actor):
    from ombuds.complaints.testing import authority

    return services.add_measure(actor, _app(), kind="letter", addressee=authority("mia"), text="Register it.")


def _attach(actor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("reply.pdf", b"%PDF-1.7\n", content_type="application/pdf")
    return services.attach_file(actor, _app(), pdf)


ROWS = [
    ServiceRow(
        services.import_legacy_applications,
        IMPORT,
        lambda a: services.import_legacy_applications(a, [_legacy_row()]),
    ),
    # intake.py
    ServiceRow(services.register_application, REGISTER, _register),
    ServiceRow(services.log_call, REGISTER, lambda actor: services.log_call(actor, topic=_topic())),
    ServiceRow(services.convert_call, REGISTER, _convert),
    ServiceRow(
        services.duplicate_candidates,
        note="reads only: lists earlier applications for a case page the user already opened",
    ),
    # case.py
    ServiceRow(
        services.decide_admissibility,
        HANDLE,
        lambda actor: services.decide_admissibility(actor, _app(), "request_info"),
    ),
    ServiceRow(services.assign_application, HANDLE, lambda actor: services.assign_application(actor, _app(), actor)),
    ServiceRow(services.transfer_application, HANDLE, _transfer),
    ServiceRow(services.add_note, HANDLE, lambda actor: services.add_note(actor, _app(), "Called the applicant.")),
    ServiceRow(
        services.extend_consideration,
        HANDLE,
        lambda actor: services.extend_consideration(actor, _app(), "An on-site check."),
    ),
    ServiceRow(services.add_measure, HANDLE, _measure),
    ServiceRow(
        services.record_measure_response,
        HANDLE,
        lambda actor: services.record_measure_response(actor, _app(), "Released."),
    ),
    ServiceRow(
        services.conclude_application,
        HANDLE,
        lambda actor: services.conclude_application(actor, _app(), "not_confirmed"),
    ),
    ServiceRow(services.notify_applicant, HANDLE, lambda actor: services.notify_applicant(actor, _app())),
    ServiceRow(services.close_application, HANDLE, lambda actor: services.close_application(actor, _app())),
    ServiceRow(
        services.reopen_application,
        HANDLE,
        lambda actor: services.reopen_application(actor, _app(), "A new witness came forward."),
    ),
    ServiceRow(services.attach_file, HANDLE, _attach),
    # edit.py
    ServiceRow(
        services.update_application,
        HANDLE,
        lambda actor: services.update_application(actor, _app(), summary="Beaten at the station, then fined."),
    ),
    # info_requests.py
    ServiceRow(
        services.send_info_request,
        HANDLE,
        lambda actor: services.send_info_request(
            actor, _app(), addressee=_app().respondents.get(), basis="general", questions="Why?"
        ),
    ),
    # The request is addressed to the MIA, whose focal point answers it through the portal.
    ServiceRow(
        services.record_reply,
        HANDLE | {"focal_point"},
        lambda actor: services.record_reply(actor, _info_request(), "Answer."),
    ),
    ServiceRow(
        services.remind_info_request, HANDLE, lambda actor: services.remind_info_request(actor, _info_request())
    ),
    ServiceRow(
        services.escalate_info_request,
        HANDLE,
        lambda actor: services.escalate_info_request(actor, _info_request(), "No answer after a reminder."),
    ),
    ServiceRow(
        services.mark_overdue_info_requests,
        note="a periodic job run by the system: it has no actor to check",
    ),
    # The applicant's reference and PIN (services/status.py): whoever registers may hand them over.
    ServiceRow(status.issue_status_key, REGISTER, lambda actor: status.issue_status_key(actor, _app())),
    ServiceRow(status.normalise_reference, note="a pure function: tidies a typed reference"),
    ServiceRow(status.pin_digest, note="a pure function: the keyed digest of a PIN"),
    ServiceRow(
        status.lookup_status,
        note="a public visitor's service (no actor): the reference and PIN are the gate; wrong PINs "
        "are counted and lock the reference (tested in test_status_lookup.py)",
    ),
]

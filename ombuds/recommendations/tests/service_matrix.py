"""Service-matrix rows of the recommendations app (see ombuds/core/testing.py::ServiceRow). The
records are made by the system with the acting persona on the visit's team and responsible for
the recommendation, so that only the permission decides."""

from django.utils import timezone

from ombuds.core.testing import ServiceRow
from ombuds.recommendations.services import drafting, followup, imports, lifecycle

MANAGERS = frozenset(
    {"commissioner", "department_head", "complaints_officer", "regional_officer", "npm_member", "npm_medical"}
)
ISSUERS = frozenset({"commissioner", "department_head"})
# Drafting from a case takes both hats: managing recommendations and handling the case.
CASE_HANDLERS = MANAGERS & {"commissioner", "department_head", "complaints_officer", "regional_officer"}
PUBLISHERS = frozenset({"commissioner"})
IMPORTERS = frozenset({"commissioner", "department_head"})


def _visit(actor):
    from ombuds.recommendations.testing import visit_with_finding

    team = [(actor, "leader")] if actor.org_unit_id else None
    return visit_with_finding(None, **({"team": team} if team else {}))


def _draft(actor):
    from ombuds.recommendations.testing import make_recommendation

    visit, finding = _visit(actor)
    return make_recommendation(None, visit=visit, findings=[finding], responsible=actor)


def _issued(actor):
    return lifecycle.issue_recommendation(None, _draft(actor))


def _issued_to_the_focal_points_body(actor):
    """Issued to the Ministry of Internal Affairs, whose focal point the persona "focal_point" is;
    a staff persona follows it."""
    from ombuds.core.models import Authority
    from ombuds.recommendations.testing import make_recommendation

    visit, finding = _visit(actor)
    staff = None if getattr(actor, "is_focal_point", False) else actor
    rec = make_recommendation(
        None, visit=visit, findings=[finding], responsible=staff, addressee=Authority.objects.get(code="mia")
    )
    return lifecycle.issue_recommendation(None, rec)


def _not_implemented(actor):
    rec = _issued(actor)
    lifecycle.record_outcome(None, rec, "not_implemented", evidence="staff_decision")
    rec.refresh_from_db()
    return rec


def _draft_from_visit(actor):
    from ombuds.core.models import Authority

    visit, finding = _visit(actor)
    return drafting.draft_recommendation(
        actor,
        source="visit",
        visit=visit,
        findings=[finding],
        addressee=Authority.objects.get(code="moj"),
        kind="after_visit",
        text_az="Duş otağı təmir edilsin.",
    )


def _draft_from_case(actor):
    from ombuds.recommendations.testing import case_under_consideration, recommendation_from_case

    return recommendation_from_case(actor, case_under_consideration(actor))


def _follow_up(actor):
    rec = _issued(actor)
    visit = rec.visit
    return followup.record_follow_up_check(actor, visit, rec, "implemented")


def _import_row(actor):
    """One checked row of past recommendations, as recommendations/importer.py hands it over."""
    from datetime import date

    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Authority

    issued_on = date(2023, 5, 5)
    row = {
        "number": "2023/0041",
        "year": 2023,
        "sequence": 41,
        "source": "annual_report",
        "report_title": "İllik məruzə 2022",
        "addressee": Authority.objects.get(code="moj"),
        "places": [],
        "place_type": "",
        "area": "",
        "right": None,
        "kind": "thematic",
        "priority": "medium",
        "text_az": "Təcridxanalarda həkim ştatları doldurulsun.",
        "text_en": "",
        "text_ru": "",
        "issued_on": issued_on,
        "due_date": date(2023, 11, 6),
        "due_set_by_hand": False,
        "repeats": None,
        "unit": OrgUnit.objects.get(code="office"),
        "region_id": None,
        "status": "issued",
        "status_changed_on": issued_on,
        "response": None,
        "note": "",
        "lines": [("draft", "issued", issued_on, "staff_decision", False)],
    }
    return imports.import_recommendation_rows(actor, [row], known={})


ROWS = [
    ServiceRow(drafting.next_number, call=None, note="draws a number inside the drafting service's transaction"),
    ServiceRow(drafting.smart_warnings, call=None, note="reads a draft; changes nothing"),
    ServiceRow(drafting.draft_recommendation, MANAGERS, _draft_from_visit),
    ServiceRow(drafting.draft_from_application, CASE_HANDLERS, _draft_from_case),
    ServiceRow(drafting.may_draft_from_application, call=None, note="reads the case's state; changes nothing"),
    ServiceRow(drafting.update_draft, MANAGERS, lambda a: drafting.update_draft(a, _draft(a), priority="high")),
    ServiceRow(
        drafting.repeat_recommendation, MANAGERS, lambda a: drafting.repeat_recommendation(a, _not_implemented(a))
    ),
    ServiceRow(lifecycle.implementation_due, call=None, note="computes a date; changes nothing"),
    ServiceRow(lifecycle.issue_recommendation, ISSUERS, lambda a: lifecycle.issue_recommendation(a, _draft(a))),
    ServiceRow(
        lifecycle.issue_visit_recommendations,
        ISSUERS,
        lambda a: lifecycle.issue_visit_recommendations(a, _draft(a).visit),
    ),
    ServiceRow(
        lifecycle.record_response,
        MANAGERS,
        lambda a: lifecycle.record_response(
            a, _issued(a), stance="accepts", received_on=timezone.localdate(), text="Yes."
        ),
    ),
    # The addressee's focal point answers itself, through its portal (accounts.scoping.answers_for).
    ServiceRow(
        lifecycle.record_response,
        MANAGERS | {"focal_point"},
        lambda a: lifecycle.record_response(
            a, _issued_to_the_focal_points_body(a), stance="accepts", received_on=timezone.localdate(), text="Yes."
        ),
    ),
    ServiceRow(
        lifecycle.record_outcome,
        MANAGERS,
        lambda a: lifecycle.record_outcome(a, _issued(a), "not_implemented", evidence="staff_decision"),
    ),
    ServiceRow(
        lifecycle.mark_no_longer_relevant,
        MANAGERS,
        lambda a: lifecycle.mark_no_longer_relevant(a, _issued(a), "The place closed."),
    ),
    ServiceRow(lifecycle.publish_recommendation, PUBLISHERS, lambda a: lifecycle.publish_recommendation(a, _issued(a))),
    ServiceRow(
        lifecycle.unpublish_recommendation,
        PUBLISHERS,
        lambda a: lifecycle.unpublish_recommendation(a, _issued(a), "Wrong addressee."),
    ),
    ServiceRow(followup.open_for_place, call=None, note="reads the place's open recommendations; changes nothing"),
    ServiceRow(followup.record_follow_up_check, MANAGERS, _follow_up),
    ServiceRow(
        followup.record_escalation,
        MANAGERS,
        lambda a: followup.record_escalation(a, _issued(a), "meeting", taken_on=timezone.localdate()),
    ),
    ServiceRow(imports.import_recommendation_rows, IMPORTERS, _import_row),
    ServiceRow(followup.mark_no_response, call=None, note="periodic job run as the system"),
    ServiceRow(followup.send_reminders, call=None, note="periodic job run as the system"),
]

"""Factory helpers for recommendations (through the services)."""

from __future__ import annotations

from ombuds.core.models import Authority
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.recommendations import services


def visit_with_finding(actor=None, place=None, **visit_fields):
    """A visit whose team has been on site, with one finding (what a recommendation answers)."""
    visit = make_visit(actor, place=place or make_place(actor), **visit_fields)
    monitoring.prepare_visit(actor, visit, "")
    visit = monitoring.record_arrival(actor, visit)
    finding = monitoring.add_finding(
        actor,
        visit,
        area="material_conditions",
        text="The shower block is broken; detainees wash once a fortnight.",
        severity="serious",
        sources=["observation"],
    )
    return visit, finding


def make_recommendation(actor=None, visit=None, findings=None, **overrides):
    """A draft after a visit (a new visit with one finding unless given), addressed to the Ministry
    of Justice."""
    if visit is None:
        visit, finding = visit_with_finding(actor)
        findings = [finding] if findings is None else findings
    data = {
        "source": "visit",
        "visit": visit,
        "findings": findings or [],
        "addressee": Authority.objects.get(code="moj"),
        "kind": "after_visit",
        "text_az": (
            "Duş otağı bir ay ərzində təmir edilsin və məhbuslara həftədə ən azı bir dəfə çimmək imkanı verilsin."
        ),
        "text_en": "Repair the shower block within a month and let detainees wash at least once a week.",
        "smart": {"specific": True, "measurable": True, "achievable": True, "relevant": True, "time_bound": True},
    }
    data.update(overrides)
    return services.draft_recommendation(actor, **data)


def case_under_consideration(assignee=None, **application_fields):
    """An accepted application (a violation may be found in it), assigned to `assignee` if given;
    the Applications Department's, about the police of Baku, unless told otherwise."""
    from ombuds.complaints import services as complaints
    from ombuds.complaints.testing import make_application

    app = complaints.decide_admissibility(None, make_application(None, **application_fields), "accept")
    if assignee is not None:
        app = complaints.assign_application(None, app, assignee)
    return app


def recommendation_from_case(actor, app, **overrides):
    """A draft answering `app`, recorded on it as its measure (the case page's form does the same)."""
    data = {
        "addressee": app.respondents.first(),
        "kind": "urgent",
        "text_az": "Polis şöbələri vətəndaşların şikayətlərini müraciət edildiyi gün qeydiyyata alsın.",
    }
    data.update(overrides)
    return services.draft_from_application(actor, app, **data)

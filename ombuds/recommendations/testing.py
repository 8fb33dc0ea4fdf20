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

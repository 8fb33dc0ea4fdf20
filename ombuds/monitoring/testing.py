"""Factory helpers for places and visits (through the services)."""

from __future__ import annotations

from datetime import date

from ombuds.accounts.models import OrgUnit
from ombuds.core.models import District
from ombuds.monitoring import services


def make_place(actor=None, **overrides):
    data = {
        "name_az": "Şüvəlan istintaq təcridxanası",
        "name_en": "Shuvalan pre-trial isolator",
        "place_type": "pretrial_isolator",
        "district": District.objects.get(code="baku"),
        "capacity": 1050,
    }
    data.update(overrides)
    if isinstance(data["district"], str):
        data["district"] = District.objects.get(code=data["district"])
    return services.register_place(actor, **data)


def make_visit(actor=None, place=None, **overrides):
    """A visit led by `actor` (or, scheduled by the system, by a new NPM member) unless `team` says."""
    if "team" not in overrides:
        leader = actor
        if leader is None:
            from ombuds.accounts.testing import make_user

            leader = make_user(roles=["npm_member"], unit="npg")
        overrides["team"] = [(leader, "leader")]
    data = {
        "place": place or make_place(actor),
        "unit": OrgUnit.objects.get(code="npg"),
        "visit_type": "in_depth",
        "planned_date": date(2025, 10, 15),
        "announced": False,
        "trigger": "Complaints about overcrowding",
    }
    data.update(overrides)
    return services.schedule_visit(actor, **data)

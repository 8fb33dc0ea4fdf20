"""The records behind a cell of a dataset, as the person asking may see them.

A frozen figure counts every record; the drill-down lists only those the person may open: each
source model is read through its app's own scoping funnel (`visible_to(user)`, or the visit's for
the parts of a visit), never around it. A row shows what identifies a record to the staff who work
on it and nothing more — its number, date and status, and a link whose page checks scope again:
never a person's name, even for records in the secret tier (the funnel decides whether they are
listed at all).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse


@dataclass(frozen=True)
class DrillRow:
    number: str
    when: date | datetime | None
    status: str
    url: str


@dataclass(frozen=True)
class DrillModel:
    """How to list one model's records: who sees which (`visible`), what to join so that a page of
    rows costs the same few queries whatever its length (`related`), and what to show (`show`)."""

    visible: Callable[[Any], QuerySet]
    show: Callable[[Any], DrillRow]
    related: tuple[str, ...] = ()


def _visible_visits(user) -> QuerySet:
    from ombuds.monitoring.models import Visit

    return Visit.objects.visible_to(user).values("pk")


def _of_visible_visits(model_name: str) -> Callable[[Any], QuerySet]:
    """The parts of a visit (interviews, findings, incidents) are seen with their visit."""

    def visible(user) -> QuerySet:
        from django.apps import apps

        model = apps.get_model("monitoring", model_name)
        return model._default_manager.filter(visit__in=_visible_visits(user))

    return visible


def _scoped(label: str) -> Callable[[Any], QuerySet]:
    def visible(user) -> QuerySet:
        from django.apps import apps

        return apps.get_model(label).objects.visible_to(user)

    return visible


def _info_requests(user) -> QuerySet:
    from ombuds.complaints.models import Application, InfoRequest

    return InfoRequest.objects.filter(application__in=Application.objects.visible_to(user).values("pk"))


def _application_deadlines(user) -> QuerySet:
    """The terms on appeals (timeliness, table A8) are seen with their appeal."""
    from ombuds.complaints.models import Application
    from ombuds.core.models import Deadline

    return Deadline.objects.filter(
        content_type__app_label="complaints",
        content_type__model="application",
        object_id__in=Application.objects.visible_to(user).values("pk"),
    )


def _deadline_row(o) -> DrillRow:
    # The appeal's number and identifier are annotated by the measure's own queryset
    # (reports.measures.applications_outcome), so a page of rows costs no query per row.
    public_id = getattr(o, "application_public_id", None)
    return DrillRow(
        getattr(o, "application_number", "") or "",
        o.due_at,
        f"{o.rule} · {_status(o)}",
        reverse("complaints:detail", args=[public_id]) if public_id else "",
    )


def _places(user) -> QuerySet:
    from ombuds.monitoring.models import Place
    from ombuds.monitoring.permissions import VIEW_PLACE

    # The register of places is public fact; its page needs the register's permission.
    return Place.objects.all() if user.has_perm(VIEW_PLACE) else Place.objects.none()


def _status(obj) -> str:
    return str(obj.get_status_display()) if hasattr(obj, "get_status_display") else ""


def _visit_url(obj) -> str:
    return obj.visit.get_absolute_url() if obj.visit_id else ""


REGISTRY: dict[str, DrillModel] = {
    "complaints.Application": DrillModel(
        _scoped("complaints.Application"),
        lambda o: DrillRow(o.number, o.received_at, _status(o), o.get_absolute_url()),
    ),
    "complaints.Call": DrillModel(
        _scoped("complaints.Call"),
        # A call has no page of its own (and its caller's name is never shown): its application's.
        lambda o: DrillRow(
            o.application.number if o.application_id else "",
            o.received_at,
            str(o.topic),
            o.application.get_absolute_url() if o.application_id else "",
        ),
        related=("application", "topic"),
    ),
    "complaints.InfoRequest": DrillModel(
        _info_requests,
        lambda o: DrillRow(o.application.number, o.sent_at, _status(o), o.application.get_absolute_url()),
        related=("application",),
    ),
    "core.Deadline": DrillModel(_application_deadlines, _deadline_row, related=("rule",)),
    "monitoring.Visit": DrillModel(
        _scoped("monitoring.Visit"),
        lambda o: DrillRow(str(o.place), o.planned_date, _status(o), o.get_absolute_url()),
        related=("place",),
    ),
    "monitoring.Place": DrillModel(_places, lambda o: DrillRow(str(o), o.last_visit_at, "", o.get_absolute_url())),
    "monitoring.Interview": DrillModel(
        _of_visible_visits("Interview"),
        # Never the pseudonym: an interview is shown by its visit only.
        lambda o: DrillRow(str(o.visit.place), o.visit.planned_date, "", _visit_url(o)),
        related=("visit__place",),
    ),
    "monitoring.Finding": DrillModel(
        _of_visible_visits("Finding"),
        lambda o: DrillRow(
            str(o.get_area_display()), o.visit.planned_date, str(o.get_severity_display()), _visit_url(o)
        ),
        related=("visit",),
    ),
    "monitoring.AccessIncident": DrillModel(
        _of_visible_visits("AccessIncident"),
        lambda o: DrillRow(str(o.get_kind_display()), o.visit.planned_date, "", _visit_url(o)),
        related=("visit",),
    ),
    "monitoring.ReprisalCase": DrillModel(
        _scoped("monitoring.ReprisalCase"),
        lambda o: DrillRow(str(o.get_measure_display()), o.created_at, _status(o), _visit_url(o)),
        related=("visit",),
    ),
    "monitoring.Allegation": DrillModel(
        _scoped("monitoring.Allegation"),
        lambda o: DrillRow(
            "", o.events_date or o.created_at, _status(o), reverse("monitoring:allegation_detail", args=[o.public_id])
        ),
    ),
    "recommendations.Recommendation": DrillModel(
        _scoped("recommendations.Recommendation"),
        lambda o: DrillRow(o.number, o.issued_on, _status(o), o.get_absolute_url()),
    ),
    "outreach.Event": DrillModel(
        _scoped("outreach.Event"),
        lambda o: DrillRow(str(o), o.starts_at, _status(o), o.get_absolute_url()),
    ),
    # Participant counts (A14) are seen with their event; a row shows the event and its count.
    "outreach.Attendance": DrillModel(
        _scoped("outreach.Attendance"),
        lambda o: DrillRow(str(o.event), o.event.starts_at, str(o.women + o.men), o.event.get_absolute_url()),
        related=("event",),
    ),
}

ORDERING = ("-pk",)  # total, and on every model: the newest record first

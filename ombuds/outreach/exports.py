"""Documents of the outreach app: the action plan's progress as a spreadsheet or a PDF (the
tables of the plan page). Views call these and stay thin.

The spreadsheet goes through core's one writer (`core.exports`): its rows are computed by the
database (events held and participants per item, participants per office) and read in chunks, so a
plan of any size is written with flat memory. The PDF is laid out whole and stays for plans of
page size (the plan page's tables)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ombuds.accounts.models import OrgUnit
from ombuds.core.documents import PDF, attachment, html_pdf
from ombuds.core.exports import Sheet, xlsx_book_response
from ombuds.core.i18n import pick
from ombuds.outreach.choices import EventStatus
from ombuds.outreach.models import ActionPlan, Attendance
from ombuds.outreach.progress import plan_progress

HELD = Q(events__status=EventStatus.HELD)


def item_rows(plan: ActionPlan) -> Iterator[list]:
    """Topic, period, events planned and held, completion and participants, one row per item."""
    items = (
        plan.items.select_related("topic")
        .only(
            "plan", "topic__name_az", "topic__name_en", "topic__name_ru", "planned_from", "planned_to", "target_events"
        )
        .annotate(
            held=Count("events", filter=HELD, distinct=True),
            people=Coalesce(Sum(F("events__attendance__women") + F("events__attendance__men"), filter=HELD), 0),
        )
        .order_by("planned_from", "topic", "pk")
    )
    for item in items.iterator(chunk_size=2000):
        target = item.target_events
        completion = min(100, round(100 * item.held / target)) if target else 100
        period = f"{item.planned_from:%Y-%m-%d} – {item.planned_to:%Y-%m-%d}"
        yield [pick(item.topic, "name"), period, target, item.held, completion, item.people]


def office_rows(plan: ActionPlan) -> Iterator[list]:
    """Participants per office: the office they joined from, else the event's host unit."""
    names = {unit.pk: str(unit) for unit in OrgUnit.objects.all()}
    totals = (
        Attendance.objects.filter(event__plan_item__plan=plan, event__status=EventStatus.HELD)
        .values(unit=Coalesce("office", "event__host_unit"))
        .annotate(total=Sum(F("women") + F("men")))
        .order_by("-total", "unit")
    )
    for row in totals.iterator(chunk_size=2000):
        yield [names.get(row["unit"], ""), row["total"]]


def progress_xlsx(plan: ActionPlan) -> HttpResponse:
    """The plan's progress in the active language: items, then the offices reached."""
    header = [_("Topic"), _("Period"), _("Events planned"), _("Events held"), _("Completion (%)"), _("Participants")]
    sheets = [
        Sheet(_("Progress"), header, item_rows(plan), [48, 24, 16, 16, 16, 16]),
        Sheet(_("Remote reach"), [_("Office"), _("Participants")], office_rows(plan), [48, 16]),
    ]
    return xlsx_book_response(f"action-plan-{plan.year}.xlsx", sheets)


def progress_pdf(plan: ActionPlan) -> HttpResponse:
    html = render_to_string("outreach/plan_progress_pdf.html", {"plan": plan, "progress": plan_progress(plan)})
    return attachment(html_pdf(html), f"action-plan-{plan.year}.pdf", PDF)


FORMATS = {"xlsx": progress_xlsx, "pdf": progress_pdf}

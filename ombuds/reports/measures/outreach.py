"""Measures of awareness raising — annual report table A14 and NPM report table N10.

Two units, never mixed in one measure: the event (`outreach.events*`) and the participant
(`outreach.participants*`). Only events held count (not planned or cancelled ones); an event is
placed in the period by the day it started (`starts_at`, Baku time), and its participants with it.

Participants are the counts recorded per organisation (`Attendance`: women and men, on site or
joining remotely); named participants are personal data and never counted here.

An event may address several audiences and be joined by several remote offices: those two
measures are not additive (their rows are not summed) and give the number of events as their
total; an event with no audience, or no office joining, counts in its own row.
"""

from __future__ import annotations

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.models import OrgUnit
from ombuds.core.models import Region
from ombuds.core.routers import reporting
from ombuds.outreach import choices as oc
from ombuds.outreach.models import Attendance, Audience, Event, Topic
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Category, Custom, Grouped, Measure, Period, choices_categories, register
from ombuds.reports.measures.named import named_categories

STARTED = _("day the event started")
EVENT_MODEL = "outreach.Event"
NONE = "none"


def held() -> QuerySet:
    return Event.objects.filter(status=oc.EventStatus.HELD)


def _held_in(period: Period) -> QuerySet:
    return held().filter(**period.lookup("starts_at"))


def _attendance(period: Period) -> QuerySet:
    return Attendance.objects.filter(event__in=_held_in(period).values("pk"))


def _by_many(relation: str) -> Custom:
    """Held events by a to-many relation (each event once per related row, once in "none" without
    any), with the number of events as the total: two aggregate queries."""

    def count(period: Period) -> dict[str, int]:
        qs = reporting(_held_in(period)).order_by()
        out: dict[str, int] = {}
        rows = qs.values_list(f"{relation}__code").annotate(n=Count("pk", distinct=True))
        for code, n in rows.values_list(f"{relation}__code", "n"):
            key = code or NONE
            out[key] = out.get(key, 0) + n
        out["total"] = qs.count()
        return out

    def records(period: Period, category: str | None) -> QuerySet:
        qs = _held_in(period)
        if category == NONE:
            return qs.filter(**{f"{relation}__isnull": True})
        if category not in (None, "total"):
            return qs.filter(pk__in=held().filter(**{f"{relation}__code": category}).values("pk"))
        return qs

    return Custom(count, records)


def _participants(split: str) -> Custom:
    """Participants of the held events: by sex (the women and men columns) or by presence (on site,
    remote). One aggregate query."""

    def count(period: Period) -> dict[str, int]:
        qs = reporting(_attendance(period)).order_by()
        if split == "sex":
            sums = qs.aggregate(women=Sum("women"), men=Sum("men"))
            return {"women": sums["women"] or 0, "men": sums["men"] or 0}
        out = {"on_site": 0, "remote": 0}
        for remote, women, men in (
            qs.values_list("remote").annotate(w=Sum("women"), m=Sum("men")).values_list("remote", "w", "m")
        ):
            out["remote" if remote else "on_site"] += (women or 0) + (men or 0)
        return out

    def records(period: Period, category: str | None) -> QuerySet:
        qs = _attendance(period)
        if category in ("women", "men"):
            return qs.filter(**{f"{category}__gt": 0})
        if category in ("on_site", "remote"):
            return qs.filter(remote=category == "remote")
        return qs

    return Custom(count, records)


def _remote_offices() -> QuerySet:
    """Every office that has ever joined an event remotely (a zero row then means something)."""
    return OrgUnit.objects.filter(pk__in=Event.remote_offices.through.objects.values("orgunit_id")).order_by(
        "sort_order", "code"
    )


def _with_none(categories, label) -> list[Category]:
    return [*categories(), Category(NONE, label)]


register(
    Measure(
        key="outreach.events",
        title=_("Awareness-raising events held"),
        unit=Unit.EVENT,
        definition=_("Every awareness-raising event held in the year (planned and cancelled ones are not counted)."),
        dated_by=STARTED,
        source=Grouped(held, "starts_at"),
        model=EVENT_MODEL,
    ),
    Measure(
        key="outreach.events_by_kind",
        title=_("Events by kind"),
        unit=Unit.EVENT,
        definition=_("Events held in the year, by kind: training, seminar, round table, other."),
        dated_by=STARTED,
        source=Grouped(held, "starts_at", "kind"),
        categories=choices_categories(oc.EventKind.choices),
        model=EVENT_MODEL,
    ),
    Measure(
        key="outreach.events_by_region",
        title=_("Events by region"),
        unit=Unit.EVENT,
        definition=_("Events held in the year, by the service region they took place in."),
        dated_by=STARTED,
        source=Grouped(held, "starts_at", "region__code"),
        categories=named_categories(Region.objects.all),
        model=EVENT_MODEL,
    ),
    Measure(
        key="outreach.events_by_format",
        title=_("Events by format"),
        unit=Unit.EVENT,
        definition=_("Events held in the year, in person, online or hybrid."),
        dated_by=STARTED,
        source=Grouped(held, "starts_at", "event_format"),
        categories=choices_categories(oc.EventFormat.choices),
        model=EVENT_MODEL,
    ),
    Measure(
        key="outreach.events_by_topic",
        title=_("Events by topic"),
        unit=Unit.EVENT,
        definition=_("Events held in the year, by the topic of the action plan item they carry out."),
        dated_by=STARTED,
        source=Grouped(held, "starts_at", "plan_item__topic__code"),
        categories=named_categories(Topic.objects.all),
        model=EVENT_MODEL,
    ),
    Measure(
        key="outreach.events_by_audience",
        title=_("Events by audience"),
        unit=Unit.EVENT,
        definition=_(
            "Events held in the year, by the audiences they addressed; an event with several audiences "
            "counts in each of their rows."
        ),
        dated_by=STARTED,
        source=_by_many("audiences"),
        categories=lambda: _with_none(named_categories(Audience.objects.all), _("No audience recorded")),
        additive=False,
        model=EVENT_MODEL,
    ),
    Measure(
        key="outreach.events_by_remote_office",
        title=_("Events by office joining remotely"),
        unit=Unit.EVENT,
        definition=_(
            "Events held in the year, by the offices that joined them remotely (the regions reached "
            "without travelling); an event joined by several offices counts in each of their rows."
        ),
        dated_by=STARTED,
        source=_by_many("remote_offices"),
        categories=lambda: _with_none(named_categories(_remote_offices), _("No office joined remotely")),
        additive=False,
        model=EVENT_MODEL,
    ),
    Measure(
        key="outreach.participants_by_sex",
        title=_("Participants by sex"),
        unit=Unit.PARTICIPANT,
        definition=_("Participants of the events held in the year, as counted at each event: women and men."),
        dated_by=STARTED,
        source=_participants("sex"),
        categories=[Category("women", _("Women")), Category("men", _("Men"))],
        model="outreach.Attendance",
    ),
    Measure(
        key="outreach.participants_by_presence",
        title=_("Participants on site and remote"),
        unit=Unit.PARTICIPANT,
        definition=_("Participants of the events held in the year, present on site or joining remotely."),
        dated_by=STARTED,
        source=_participants("presence"),
        categories=[Category("on_site", _("On site")), Category("remote", _("Remote"))],
        model="outreach.Attendance",
    ),
)

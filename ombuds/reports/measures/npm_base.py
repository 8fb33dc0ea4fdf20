"""What the NPM measures share: which visits were carried out, the day that places a visit (and
what was recorded on it) in the period, and the sources the counts of a Grouped cannot give
(sums, counts without a drill-down).

A visit is *carried out* once the team has arrived: its status is past the arrival (in progress,
on-site work completed, report drafted … closed), never planned, requested, prepared or
cancelled. It is placed in the period by the day of arrival (Baku time); a visit carried out
without a recorded arrival (an imported one) by its planned date. The interviews, findings,
incidents and on-site counts of a visit are placed by the same day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, CharField, Exists, OuterRef, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ombuds.core.i18n import pick
from ombuds.core.routers import reporting
from ombuds.monitoring import choices as mc
from ombuds.reports.measures.base import NOT_RECORDED, Category, Grouped, Period

VISIT_DAY = _("day of the visit (arrival, Baku time; the planned date if no arrival was recorded)")
NOT_CARRIED_OUT = [*mc.BEFORE_ARRIVAL, mc.VisitStatus.CANCELLED]


def carried_out(prefix: str = "") -> Q:
    """Visits (or records of visits, through `prefix`, e.g. "visit__") the team carried out."""
    return ~Q(**{f"{prefix}status__in": NOT_CARRIED_OUT})


def visit_day(prefix: str = "") -> Coalesce:
    """The day that places a visit in the period (see the module's docstring)."""
    return Coalesce(
        TruncDate(f"{prefix}arrival_at", tzinfo=timezone.get_default_timezone()),
        f"{prefix}planned_date",
    )


def visits_carried_out() -> QuerySet:
    from ombuds.monitoring.models import Visit

    return Visit.objects.filter(carried_out()).annotate(visit_day=visit_day())


def of_visits(model, **extra) -> Callable[[], QuerySet]:
    """Records of `model` recorded on a visit carried out, annotated with the visit's day."""

    def queryset() -> QuerySet:
        return model.objects.filter(carried_out("visit__")).annotate(visit_day=visit_day("visit__"), **extra)

    return queryset


def labelled(obj) -> Category:
    """A category for a reference row, labelled with its name in each language (az/en/ru)."""
    return Category(str(getattr(obj, "code", None) or obj.public_id), lazy(pick, str)(obj, "name"))


def either(condition: Q, yes: str, no: str) -> Case:
    """A two-valued category key from a condition (a yes/no flag as a readable key)."""
    return Case(When(condition, then=Value(yes)), default=Value(no), output_field=CharField())


def has_role(role: str) -> Exists:
    from ombuds.monitoring.models import TeamMember

    return Exists(TeamMember.objects.filter(visit=OuterRef("pk"), role=role))


@dataclass
class Summed(Grouped):
    """Like Grouped, but the figure is the sum of a numeric expression over the rows (e.g. the
    people in group interviews), not the number of rows."""

    summed: object = None

    def count(self, period: Period) -> dict[str, int]:
        qs = reporting(self._base(period)).order_by()
        total = Sum(self.summed)
        if self.by is None:
            return {"total": qs.aggregate(n=total)["n"] or 0}
        fields = (self.by,) if isinstance(self.by, str) else tuple(self.by)
        out: dict[str, int] = {}
        for *values, n in qs.values_list(*fields).annotate(n=total).values_list(*fields, "n"):
            key = "|".join(NOT_RECORDED if value in (None, "") else str(value) for value in values)
            out[key] = out.get(key, 0) + int(n or 0)
        return out


@dataclass
class CountsOnly(Grouped):
    """A Grouped count of secret-tier records (allegations, reprisal cases): only the
    enumerations are read, and the reports never list the records (no drill-down); staff open
    them in the monitoring app, where only the team, the NPM lead and the Commissioner see them."""

    def records(self, period: Period, category: str | None) -> None:  # type: ignore[override]
        return None


__all__ = [
    "VISIT_DAY",
    "CountsOnly",
    "Summed",
    "carried_out",
    "either",
    "has_role",
    "labelled",
    "of_visits",
    "visit_day",
    "visits_carried_out",
]

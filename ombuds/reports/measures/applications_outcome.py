"""Measures of what became of appeals — annual report tables A7 (admissibility and outcome), A8
(timeliness against the legal terms) and A9 (persons received).

A7 follows the appeals received in the period to their state at the end of the period (a decision
or a conclusion recorded later counts as pending), so its breakdowns reconcile with
`applications.total`. A8 counts the terms (core.Deadline) started on appeals in the period.

A9's persons received at field receptions are not recorded by the system: they are entered
figures (reports.EnteredFigure with measure "received.persons", one category per unit or place),
frozen in the dataset under data["entered"]["received.persons"].
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from django.db.models import Case, CharField, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.complaints import choices as cc
from ombuds.complaints.models import Application
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import Deadline, DeadlineRule
from ombuds.core.routers import reporting
from ombuds.reports.choices import Unit
from ombuds.reports.measures.applications import MODEL, RECEIVED, UNITS
from ombuds.reports.measures.applications_common import Keyed, ManyGrouped, reference_categories
from ombuds.reports.measures.base import (
    Category,
    Custom,
    Grouped,
    Measure,
    Period,
    choices_categories,
    register,
)

# --- A7 ---------------------------------------------------------------------------------------


def _admissibility(period: Period):
    """The admissibility decision as it stood at the end of the period."""
    undecided = Q(decided_at__isnull=True) | Q(decided_at__gte=period.until)
    refused = [When(refusal_ground=g, then=Value(f"refused_{g}")) for g in cc.RefusalGround.values]
    return Case(
        When(undecided, then=Value("pending")),
        *refused,
        When(status=cc.Status.REFUSED, then=Value("refused_not_recorded")),
        When(referred_to__isnull=False, then=Value("referred")),
        default=Value("accepted"),
        output_field=CharField(),
    )


ADMISSIBILITY = [
    Category("accepted", _("Accepted for consideration")),
    *[Category(f"refused_{value}", label) for value, label in cc.RefusalGround.choices],
    Category("refused_not_recorded", _("Refused, ground not recorded")),
    Category("referred", _("Referred to another body")),
    Category("pending", _("Admissibility not decided at the end of the period")),
]


def _accepted(period: Period) -> QuerySet:
    """Appeals accepted for consideration by the end of the period."""
    return Application.objects.filter(decided_at__lt=period.until, refusal_ground="", referred_to__isnull=True).exclude(
        status=cc.Status.REFUSED
    )


def _outcome(period: Period):
    concluded = [When(concluded_at__lt=period.until, outcome=o, then=Value(o)) for o in cc.Outcome.values]
    return Case(*concluded, default=Value("pending"), output_field=CharField())


OUTCOMES = [
    *choices_categories(cc.Outcome.choices),
    Category("pending", _("Under consideration at the end of the period")),
]

CONCLUDED = _("date of the conclusion")

# --- A8 ---------------------------------------------------------------------------------------

# The terms the complaints services start on an appeal (complaints/services: intake, case).
APPLICATION_RULES = [
    "acknowledgement",
    "urgent_triage",
    "reasoned_refusal",
    "consideration",
    "consideration_access_to_information",
    "applicant_notification",
    "urgent_measure_response",
]
RULES = reference_categories(lambda: DeadlineRule.objects.filter(code__in=APPLICATION_RULES).order_by("code"))
STARTED = _("date the term started")


def _deadlines() -> QuerySet:
    """The terms on appeals, each with its appeal's number and identifier for the drill-down's rows
    (read in the same query: a deadline points at its appeal by a generic key)."""
    appeal = Application.objects.filter(pk=OuterRef("object_id"))
    return Deadline.objects.filter(
        content_type__app_label="complaints", content_type__model="application", rule__code__in=APPLICATION_RULES
    ).annotate(
        application_number=Subquery(appeal.values("number")[:1]),
        application_public_id=Subquery(appeal.values("public_id")[:1]),
    )


def _state():
    """A term's state when the figures are taken: met within the term, met late, still open and
    past due, still open within the term, or cancelled (the act was no longer needed)."""
    now = timezone.now()
    return Case(
        When(status=DeadlineStatus.CANCELLED, then=Value("cancelled")),
        When(closed_at__isnull=False, closed_at__lte=F("due_at"), then=Value("met")),
        When(closed_at__isnull=False, then=Value("late")),
        When(due_at__lt=now, then=Value("overdue")),
        default=Value("running"),
        output_field=CharField(),
    )


STATES = [
    Category("met", _("Met within the term")),
    Category("late", _("Met after the term")),
    Category("overdue", _("Still open, past the term")),
    Category("running", _("Still open, within the term")),
    Category("cancelled", _("No longer applicable")),
]


def _closed_rows(period: Period):
    return (
        reporting(_deadlines().filter(**period.lookup("started_at")))
        .filter(closed_at__isnull=False)
        .exclude(status=DeadlineStatus.CANCELLED)
        .order_by()
        .values_list("rule__code", "started_at", "closed_at")
    )


def _median_days(period: Period) -> dict[str, int]:
    """Median calendar days (Baku dates) from a term's start to the act that closed it, per rule
    (one query); "total" is the median over all of them."""
    per_rule: dict[str, list[int]] = defaultdict(list)
    everything: list[int] = []
    for rule, started, closed in _closed_rows(period):
        days = (timezone.localtime(closed).date() - timezone.localtime(started).date()).days
        per_rule[rule].append(days)
        everything.append(days)
    out = {rule: round(statistics.median(days)) for rule, days in per_rule.items()}
    out["total"] = round(statistics.median(everything)) if everything else 0
    return out


def _list_closed(period: Period, category: str | None) -> QuerySet:
    qs = (
        _deadlines()
        .filter(**period.lookup("started_at"), closed_at__isnull=False)
        .exclude(status=DeadlineStatus.CANCELLED)
    )
    return qs if category in (None, "total") else qs.filter(rule__code=category)


# --- A9 ---------------------------------------------------------------------------------------

IN_PERSON = [cc.Channel.WALK_IN, cc.Channel.REGIONAL_OFFICE]

register(
    Measure(
        key="applications.admissibility",
        title=_("Appeals by admissibility decision"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals received in the period, by the admissibility decision recorded by its end: accepted for "
            "consideration, refused (by ground), referred to another body, or not yet decided (including appeals "
            "for which more information was asked of the applicant)."
        ),
        dated_by=RECEIVED,
        source=Keyed(lambda period: Application.objects.all(), "received_at", _admissibility),
        categories=ADMISSIBILITY,
        model=MODEL,
    ),
    Measure(
        key="applications.outcome",
        title=_("Accepted appeals by outcome"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals received in the period and accepted for consideration by its end, by the outcome of the "
            "consideration concluded by the end of the period; the others are shown as under consideration. "
            "The rows add up to the appeals accepted."
        ),
        dated_by=RECEIVED,
        source=Keyed(_accepted, "received_at", _outcome),
        categories=OUTCOMES,
        model=MODEL,
    ),
    Measure(
        key="applications.concluded",
        title=_("Appeals concluded in the period, by outcome"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals whose consideration was concluded in the period, whenever they were received, by outcome."
        ),
        dated_by=CONCLUDED,
        source=Grouped(lambda: Application.objects.all(), "concluded_at", "outcome"),
        categories=choices_categories(cc.Outcome.choices),
        model=MODEL,
    ),
    Measure(
        key="applications.rights_restored",
        title=_("Appeals concluded with the applicant's rights restored"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals whose consideration was concluded in the period with the rights of the applicant recorded "
            "as restored, whatever the outcome chosen."
        ),
        dated_by=CONCLUDED,
        source=Grouped(lambda: Application.objects.filter(rights_restored=True), "concluded_at"),
        model=MODEL,
    ),
    Measure(
        key="applications.with_measures",
        title=_("Appeals in which measures were taken, by kind of measure"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals in which the institution took a measure in the period (a letter to the authority, an urgent "
            "measure, a recommendation), by kind. An appeal with measures of several kinds is counted in each, "
            "so the rows do not add up: the total is the number of appeals. Disciplinary measures the "
            "authorities took against their officials are not recorded by the system."
        ),
        dated_by=_("date the measure was taken"),
        source=ManyGrouped(lambda: Application.objects.all(), "measures__taken_at", "measures__kind"),
        categories=choices_categories(cc.MeasureKind.choices),
        additive=False,
        model=MODEL,
    ),
    Measure(
        key="applications.timeliness",
        title=_("Terms on appeals, by rule and by how they were kept"),
        unit=Unit.DEADLINE,
        definition=_(
            "The legal and institutional terms started on appeals in the period (acknowledgement, urgent "
            "triage, reasoned refusal, consideration, notification of the applicant, response to an urgent "
            "measure), by rule and by their state when the figures were taken: met within the term (extensions "
            "included), met late, still open past the term, still open within it, or no longer applicable."
        ),
        dated_by=STARTED,
        source=Grouped(lambda: _deadlines().annotate(state=_state()), "started_at", ("rule__code", "state")),
        categories=RULES,
        columns=STATES,
        model="core.Deadline",
    ),
    Measure(
        key="applications.extended",
        title=_("Terms on appeals extended, by rule"),
        unit=Unit.DEADLINE,
        definition=_(
            "Terms started on appeals in the period that were extended at least once (the consideration term "
            "may be extended once, with the reason recorded and the applicant informed)."
        ),
        dated_by=STARTED,
        source=Grouped(lambda: _deadlines().filter(extensions__gt=0), "started_at", "rule__code"),
        categories=RULES,
        model="core.Deadline",
    ),
    Measure(
        key="applications.median_days",
        title=_("Median days from the start of a term to the act, by rule"),
        unit=Unit.DAY,
        definition=_(
            "For the terms started on appeals in the period and closed by the act they waited for, the median "
            "number of calendar days (Baku dates) from the start of the term to the act, per rule; 0 where none "
            "was closed. The total line is the median over all these terms together. A median, not a count: "
            "the rows are never added."
        ),
        dated_by=STARTED,
        source=Custom(_median_days, _list_closed),
        categories=RULES,
        additive=False,
        model="core.Deadline",
    ),
    Measure(
        key="applications.in_person",
        title=_("Appeals handed in in person, by receiving unit"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals handed in in person at the Citizens Reception Centre or at a regional centre, by the unit "
            "that registered them. These are appeals, not persons: one visitor may hand in several appeals, and "
            "persons received without an appeal are not included."
        ),
        dated_by=RECEIVED,
        source=Grouped(lambda: Application.objects.filter(channel__in=IN_PERSON), "received_at", "unit__code"),
        categories=UNITS,
        model=MODEL,
    ),
)

"""Measures of the 916 line — annual report table A10. The unit is the call (never the appeal: a
call registered as an appeal is counted here as a call and in A1 as an appeal). A call is placed in
the period by the time it was taken (`received_at`, Baku time).

`calls.by_topic` counts what the quarterly 916 table of the call log (`complaints.listing.
call_counts`) counts for the same days: every call, by its topic; that table shows only the topics
with calls, this one keeps every topic with its zero.
"""

from __future__ import annotations

from django.db.models import Case, CharField, Value, When
from django.db.models.functions import ExtractMonth, ExtractQuarter
from django.utils.translation import gettext_lazy as _

from ombuds.complaints.models import Call, RightTopic
from ombuds.reports.choices import Unit
from ombuds.reports.measures.applications import MONTHS
from ombuds.reports.measures.base import Category, Grouped, Measure, register
from ombuds.reports.measures.named import named_categories

TAKEN = _("time of the call")
MODEL = "complaints.Call"

APPEAL, ADVICE = "appeal", "advice"
URGENT, ROUTINE = "urgent", "routine"
QUARTERS = [Category(str(q), label) for q, label in enumerate((_("Q1"), _("Q2"), _("Q3"), _("Q4")), start=1)]
RESULTS = [
    Category(APPEAL, _("Registered as an appeal")),
    Category(ADVICE, _("Advice or information only")),
]
URGENCY = [Category(URGENT, _("Urgent")), Category(ROUTINE, _("Not urgent"))]


def _calls():
    return Call.objects.all()


def _with_result():
    # A call converted into an application keeps the link (`Call.application`); every other call
    # ended with advice or information given on the line. Referrals are not recorded on a call.
    return Call.objects.annotate(
        result=Case(
            When(application__isnull=False, then=Value(APPEAL)), default=Value(ADVICE), output_field=CharField()
        )
    )


def _with_urgency():
    return Call.objects.annotate(
        urgency=Case(When(urgent=True, then=Value(URGENT)), default=Value(ROUTINE), output_field=CharField())
    )


register(
    Measure(
        key="calls.total",
        title=_("Calls to the 916 line"),
        unit=Unit.CALL,
        definition=_("Every call logged on the 916 line, whatever its topic or result (the calls are anonymous)."),
        dated_by=TAKEN,
        source=Grouped(_calls, "received_at"),
        model=MODEL,
    ),
    Measure(
        key="calls.by_month",
        title=_("Calls by month"),
        unit=Unit.CALL,
        definition=_("Calls to the 916 line, by the month they were taken in (Baku time)."),
        dated_by=TAKEN,
        source=Grouped(lambda: Call.objects.annotate(month=ExtractMonth("received_at")), "received_at", "month"),
        categories=MONTHS,
        model=MODEL,
    ),
    Measure(
        key="calls.by_quarter",
        title=_("Calls by quarter"),
        unit=Unit.CALL,
        definition=_("Calls to the 916 line, by the quarter they were taken in (Baku time)."),
        dated_by=TAKEN,
        source=Grouped(lambda: Call.objects.annotate(quarter=ExtractQuarter("received_at")), "received_at", "quarter"),
        categories=QUARTERS,
        model=MODEL,
    ),
    Measure(
        key="calls.by_topic",
        title=_("Calls by topic"),
        unit=Unit.CALL,
        definition=_(
            "Calls to the 916 line, by the right or issue the caller raised (one topic per call), every topic "
            "of the list shown; the same count as the call log's quarterly 916 table."
        ),
        dated_by=TAKEN,
        source=Grouped(_calls, "received_at", "topic__code"),
        categories=named_categories(RightTopic.objects.all),
        model=MODEL,
    ),
    Measure(
        key="calls.by_result",
        title=_("Calls by result"),
        unit=Unit.CALL,
        definition=_(
            "Calls to the 916 line registered as an appeal (converted into an application) and calls that "
            "ended with advice or information given on the line."
        ),
        dated_by=TAKEN,
        source=Grouped(_with_result, "received_at", "result"),
        categories=RESULTS,
        model=MODEL,
    ),
    Measure(
        key="calls.urgent",
        title=_("Urgent calls"),
        unit=Unit.CALL,
        definition=_("Calls to the 916 line marked urgent when they were taken, and the others."),
        dated_by=TAKEN,
        source=Grouped(_with_urgency, "received_at", "urgency"),
        categories=URGENCY,
        model=MODEL,
    ),
)

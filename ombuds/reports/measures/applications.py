"""Measures of appeals (applications) — annual report tables A1, A2, A4 and A5. The unit is the
appeal; one appeal is placed in the period by the date it was received (`received_at`, Baku time).
Respondents and applicants (A3, A6) are in `applications_parties`, admissibility, outcome,
timeliness and persons received (A7–A9) in `applications_outcome`."""

from __future__ import annotations

from datetime import date

from django.db.models.functions import ExtractMonth, ExtractQuarter
from django.utils import formats
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.models import OrgUnit
from ombuds.complaints import choices as cc
from ombuds.complaints.models import Application, RightTopic
from ombuds.core.models import District, Region
from ombuds.reports.choices import Unit
from ombuds.reports.measures.applications_common import ManyGrouped, reference_categories
from ombuds.reports.measures.base import Category, Grouped, Measure, choices_categories, register

RECEIVED = _("date of receipt")
MODEL = "complaints.Application"


def _applications():
    return Application.objects.all()


def _month_name(month: int) -> str:
    return formats.date_format(date(2000, month, 1), "F")


MONTHS = [Category(str(m), lazy(_month_name, str)(m)) for m in range(1, 13)]
QUARTERS = [
    Category("1", _("January–March")),
    Category("2", _("April–June")),
    Category("3", _("July–September")),
    Category("4", _("October–December")),
]
# Every unit of the institution is a row (zeros shown), in the order of the units list.
UNITS = reference_categories(lambda: OrgUnit.objects.order_by("sort_order", "code"))

register(
    Measure(
        key="applications.total",
        title=_("Appeals received"),
        unit=Unit.APPEAL,
        definition=_("Every appeal registered in the year, whatever its type, channel or outcome."),
        dated_by=RECEIVED,
        source=Grouped(_applications, "received_at"),
        model=MODEL,
    ),
    Measure(
        key="applications.by_type",
        title=_("Appeals by type"),
        unit=Unit.APPEAL,
        definition=_("Appeals received, by type: complaint, petition, proposal, request for information."),
        dated_by=RECEIVED,
        source=Grouped(_applications, "received_at", "app_type"),
        categories=choices_categories(cc.ApplicationType.choices),
        model=MODEL,
    ),
    Measure(
        key="applications.by_month",
        title=_("Appeals by month of receipt"),
        unit=Unit.APPEAL,
        definition=_("Appeals received, by the month they were received in (Baku time)."),
        dated_by=RECEIVED,
        source=Grouped(lambda: Application.objects.annotate(month=ExtractMonth("received_at")), "received_at", "month"),
        categories=MONTHS,
        model=MODEL,
    ),
    Measure(
        key="applications.by_channel",
        title=_("Appeals by channel"),
        unit=Unit.APPEAL,
        definition=_("Appeals received, by the channel they came through."),
        dated_by=RECEIVED,
        source=Grouped(_applications, "received_at", "channel"),
        categories=choices_categories(cc.Channel.choices),
        model=MODEL,
    ),
)

register(
    Measure(
        key="applications.by_quarter",
        title=_("Appeals by quarter of receipt"),
        unit=Unit.APPEAL,
        definition=_("Appeals received, by the quarter they were received in (Baku time)."),
        dated_by=RECEIVED,
        source=Grouped(
            lambda: Application.objects.annotate(quarter=ExtractQuarter("received_at")), "received_at", "quarter"
        ),
        categories=QUARTERS,
        model=MODEL,
    ),
    Measure(
        key="applications.by_unit",
        title=_("Appeals by receiving unit"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals received, by the unit of the institution that registered them: a head-office department, "
            "the Citizens Reception Centre, the 916 Call Centre or a regional centre. An appeal transferred "
            "later is counted under the unit that holds it now."
        ),
        dated_by=RECEIVED,
        source=Grouped(_applications, "received_at", "unit__code"),
        categories=UNITS,
        model=MODEL,
    ),
    Measure(
        key="applications.by_right",
        title=_("Appeals by right or subject"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals received, by each right or issue recorded on them (the institution's list of rights and "
            "issues). One appeal may concern several rights, so the rows do not add up: the total is the number "
            "of appeals. Appeals with no right recorded are shown as not recorded."
        ),
        dated_by=RECEIVED,
        source=ManyGrouped(_applications, "received_at", "rights__code"),
        categories=reference_categories(lambda: RightTopic.objects.order_by("sort_order", "code"), not_recorded=True),
        additive=False,
        model=MODEL,
    ),
    Measure(
        key="applications.by_region",
        title=_("Appeals by region"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals received, by the service region of the district where the matter arose (Baku and the "
            "regions served by the regional centres)."
        ),
        dated_by=RECEIVED,
        source=Grouped(_applications, "received_at", "region__code"),
        categories=reference_categories(lambda: Region.objects.order_by("sort_order", "code")),
        model=MODEL,
    ),
    Measure(
        key="applications.by_district",
        title=_("Appeals by district"),
        unit=Unit.APPEAL,
        definition=_("Appeals received, by the city or district where the matter arose, as recorded on the appeal."),
        dated_by=RECEIVED,
        source=Grouped(_applications, "received_at", "district__code"),
        categories=reference_categories(lambda: District.objects.order_by("region__sort_order", "name_az")),
        model=MODEL,
    ),
)

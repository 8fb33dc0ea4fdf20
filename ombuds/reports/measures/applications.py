"""Measures of appeals (applications) — annual report tables A1–A8. The unit is the appeal; one
appeal is placed in the period by the date it was received (`received_at`, Baku time)."""

from __future__ import annotations

from datetime import date

from django.db.models.functions import ExtractMonth
from django.utils import formats
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ombuds.complaints import choices as cc
from ombuds.complaints.models import Application
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Category, Grouped, Measure, choices_categories, register

RECEIVED = _("date of receipt")
MODEL = "complaints.Application"


def _applications():
    return Application.objects.all()


def _month_name(month: int) -> str:
    return formats.date_format(date(2000, month, 1), "F")


MONTHS = [Category(str(m), lazy(_month_name, str)(m)) for m in range(1, 13)]

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

"""Staff pages: how timely each authority answers and how it uses the portal (figures.py), its
export, and one authority's portal activity. For holders of `accounts.view_aggregates` or
`focal.manage_focal_points`; others get 403 (a focal point 404, from the confinement middleware).

Counts link to a staff list only where one selects exactly what the row counts against: the
recommendations register filters by addressee and year of issue (for those who may use it);
there is no list of information requests, so their counts are not links."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ombuds.core import audit
from ombuds.core.exports import csv_response, xlsx_response
from ombuds.core.models import Authority
from ombuds.core.routers import reporting
from ombuds.focal import figures
from ombuds.focal.models import FocalPoint, Opening, Receipt
from ombuds.focal.permissions import may_see_timeliness
from ombuds.recommendations.permissions import may_use_register

FIRST_YEAR = 2002  # the Commissioner's office opened in 2002
RECENT = 50  # openings and receipts shown on an authority's page


def _allowed(user) -> None:
    if not may_see_timeliness(user):
        raise PermissionDenied


class PeriodForm(forms.Form):
    """A calendar year, or from/to dates (both, the later not before the earlier)."""

    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, required=False)
    start = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("With both dates given, the dates are shown instead of the year."),
    )
    end = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, y) for y in range(this_year, FIRST_YEAR - 1, -1)]
        self.fields["year"].initial = this_year

    def clean(self):
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if bool(start) != bool(end):
            raise forms.ValidationError(_("Give both dates, or neither."))
        if start and end and end < start:
            self.add_error("end", _("The end cannot be before the start."))
        return data

    def period(self) -> figures.Period:
        """The period asked for; this year when nothing (valid) was asked."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("start") and data.get("end"):
            return figures.Period(data["start"], data["end"])
        return figures.Period.year(data.get("year") or timezone.localdate().year)


def _period(request) -> tuple[PeriodForm, figures.Period]:
    form = PeriodForm(request.GET or None)
    return form, form.period()


def _register_link(user, period: figures.Period):
    """A function giving the register's URL of an authority's recommendations issued in the
    period, or None when the user may not use the register or it cannot select the period."""
    if not may_use_register(user) or not period.is_year:
        return lambda code: None
    register = reverse("recommendations:list")
    return lambda code: f"{register}?{urlencode({'addressee': code, 'year': period.start.year})}"


def _query(period: figures.Period) -> str:
    if period.is_year:
        return urlencode({"year": period.start.year})
    return urlencode({"start": period.start.isoformat(), "end": period.end.isoformat()})


def timeliness(request):
    """The table per authority for a year (or dates), with its totals row."""
    _allowed(request.user)
    form, period = _period(request)
    table = figures.table(period)
    link = _register_link(request.user, period)
    context = {
        "form": form,
        "period": period,
        "table": table,
        "rows": [(row, link(row.code)) for row in table.rows],
        "total": table.total,
        "query": _query(period),
    }
    template = "focal/staff/_timeliness_table.html" if request.htmx else "focal/staff/timeliness.html"
    return render(request, template, context)


def _percent(value: float | None):
    return None if value is None else round(value, 1)


def _median(value: float | None):
    return None if value is None else round(value, 1)


def header() -> list[str]:
    return [
        _("Authority"),
        _("Code"),
        _("Information requests sent"),
        _("Answered on time"),
        _("Answered late"),
        _("Not answered"),
        _("Not yet due"),
        _("Answered on time, per cent of those due"),
        _("Median days to reply (calendar days, answered)"),
        _("Recommendations issued"),
        _("First response on time"),
        _("First response late"),
        _("No response"),
        _("Response not yet due"),
        _("No response deadline recorded"),
        _("Median days to first response (calendar days, answered)"),
        _("Active focal points"),
        _("Items opened in the portal"),
        _("Requests answered in the portal"),
        _("Recommendations answered in the portal"),
        _("Answered online, per cent of answered requests"),
        _("Last portal sign-in"),
    ]


def export_rows(table: figures.Table):
    for row in [*table.rows, table.total]:
        yield [
            row.name,
            row.code,
            row.sent,
            row.on_time,
            row.late,
            row.not_answered,
            row.not_yet_due,
            _percent(row.on_time_share),
            _median(row.median_reply_days),
            row.issued,
            row.rec_on_time,
            row.rec_late,
            row.no_response,
            row.rec_not_yet_due,
            row.no_deadline,
            _median(row.median_response_days),
            row.focal_points,
            row.opened,
            row.ir_online,
            row.rec_online,
            _percent(row.online_share),
            timezone.localtime(row.last_sign_in).strftime("%Y-%m-%d %H:%M") if row.last_sign_in else "",
        ]


def timeliness_export(request, fmt):
    """The same table as CSV or XLSX (formula-safe through core.exports); who exported it is audited."""
    _allowed(request.user)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, period = _period(request)
    table = figures.table(period)
    audit.record(
        "focal.focalpoint.timeliness_exported",
        actor=request.user,
        object_type="core.authority",
        changes={"format": fmt, "from": period.start.isoformat(), "to": period.end.isoformat()},
    )
    filename = f"timeliness-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        return csv_response(filename, header(), export_rows(table))
    return xlsx_response(filename, _("Timeliness"), header(), export_rows(table))


def _item_label(entry) -> str:
    """What an opening or a receipt is about, without its content: a recommendation's number,
    an information request's day of sending."""
    if entry.recommendation_id:
        return _("Recommendation %(number)s") % {"number": entry.recommendation.number}
    sent: date = timezone.localtime(entry.info_request.sent_at).date()
    return _("Information request of %(date)s") % {"date": sent.isoformat()}


def authority_activity(request, code):
    """One authority: its figures for the period, its focal points with their last sign-in, and
    the latest openings and receipts (dates and references only, never an item's content)."""
    _allowed(request.user)
    body = get_object_or_404(Authority, code=code)
    form, period = _period(request)
    table = figures.table(period, authority_ids=[body.pk])
    points = reporting(FocalPoint.objects.filter(user__authority=body)).select_related("user", "place")
    points = points.order_by("user__last_name", "user__first_name", "pk")
    openings = (
        reporting(Opening.objects.filter(focal_point__user__authority=body))
        .select_related("focal_point__user", "info_request", "recommendation")
        .only(
            "first_opened_at",
            "last_opened_at",
            "times",
            "focal_point__user__first_name",
            "focal_point__user__last_name",
            "focal_point__user__username",
            "info_request__sent_at",
            "recommendation__number",
        )
        .order_by("-last_opened_at", "-pk")[:RECENT]
    )
    receipts = (
        reporting(Receipt.objects.filter(focal_point__user__authority=body))
        .select_related("focal_point__user", "info_request", "recommendation")
        .only(
            "reference",
            "kind",
            "submitted_at",
            "via_api",
            "focal_point__user__first_name",
            "focal_point__user__last_name",
            "focal_point__user__username",
            "info_request__sent_at",
            "recommendation__number",
        )
        .order_by("-submitted_at", "-pk")[:RECENT]
    )
    context = {
        "body": body,
        "form": form,
        "period": period,
        "row": table.rows[0],
        "points": [(fp, figures.is_active(fp)) for fp in points],
        "openings": [(o, _item_label(o)) for o in openings],
        "receipts": [(r, _item_label(r)) for r in receipts],
        "register_url": _register_link(request.user, period)(body.code),
        "query": _query(period),
        "recent": RECENT,
    }
    return render(request, "focal/staff/authority_activity.html", context)

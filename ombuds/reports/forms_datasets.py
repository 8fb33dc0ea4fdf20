"""Forms of the datasets pages: a new snapshot (a calendar year or any period)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.core.once import OnceFormMixin

FIRST_YEAR = 2002  # the Commissioner's office opened in 2002


class SnapshotForm(OnceFormMixin, forms.Form):
    """A calendar year (the usual case: last year, for the annual and NPM reports) or any period."""

    YEAR, CUSTOM = "year", "custom"

    kind = forms.ChoiceField(
        label=_("Period"),
        choices=[(YEAR, _("A calendar year")), (CUSTOM, _("Another period"))],
        initial=YEAR,
        widget=forms.RadioSelect,
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=FIRST_YEAR)
    period_start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    period_end = forms.DateField(
        label=_("To (inclusive)"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Why this snapshot was taken (e.g. “after the late registrations of December”)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].initial = this_year - 1
        self.fields["year"].max_value = this_year
        self.fields["year"].widget.attrs["max"] = this_year

    def clean(self):
        data = super().clean()
        if data.get("kind") == self.CUSTOM:
            for name in ("period_start", "period_end"):
                if not data.get(name):
                    self.add_error(name, _("Give both the first and the last day of the period."))
        elif data.get("kind") == self.YEAR:
            year = data.get("year")
            if not year:
                self.add_error("year", _("Give the year."))
            elif year > timezone.localdate().year:
                self.add_error("year", _("A dataset cannot cover a year that has not begun."))
        return data

    def period(self) -> tuple[date, date]:
        data = self.cleaned_data
        if data["kind"] == self.CUSTOM:
            return data["period_start"], data["period_end"]
        year = data["year"]
        # The current year is cut at today: the service refuses days that have not happened yet.
        return date(year, 1, 1), min(date(year, 12, 31), timezone.localdate())

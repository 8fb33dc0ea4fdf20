"""Forms of the report pages: a new report, a chapter's text, recipients, the lifecycle steps."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.core.models import Authority
from ombuds.core.once import OnceFormMixin
from ombuds.reports.choices import RecipientRole, ReportKind
from ombuds.reports.forms_datasets import FIRST_YEAR
from ombuds.reports.models import Dataset

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportNewForm(OnceFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices, widget=forms.RadioSelect)
    year = forms.IntegerField(
        label=_("Year"),
        min_value=FIRST_YEAR,
        help_text=_("The year the report covers: it must have ended. Its latest dataset is used (taken now if none)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 1


class NarrativeForm(forms.Form):
    text_az = forms.CharField(label=_("Text (Azerbaijani)"), required=False, widget=forms.Textarea(attrs={"rows": 12}))
    text_en = forms.CharField(label=_("Text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 12}))
    text_ru = forms.CharField(label=_("Text (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 12}))


class RecipientForm(forms.Form):
    authority = forms.ModelChoiceField(
        label=_("Body"),
        queryset=Authority.objects.filter(is_active=True, parent__isnull=True),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    role = forms.ChoiceField(
        label=_("As"),
        choices=RecipientRole.choices,
        initial=RecipientRole.COPY,
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class PresentForm(forms.Form):
    presented_on = forms.DateField(label=_("Presented on"), widget=DATE)


class SubmitForm(forms.Form):
    """The day the report went out and, per recipient, the reference of its cover letter."""

    submitted_on = forms.DateField(label=_("Submitted on"), widget=DATE)

    def __init__(self, *args, recipients=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.recipients = list(recipients)
        for recipient in self.recipients:
            self.fields[f"ref_{recipient.public_id}"] = forms.CharField(
                label=_("Outgoing reference: %(body)s") % {"body": recipient.authority},
                max_length=100,
                required=False,
                initial=recipient.reference,
            )

    def references(self) -> dict[str, str]:
        return {str(r.public_id): self.cleaned_data.get(f"ref_{r.public_id}", "") for r in self.recipients}


class DatasetsForm(forms.Form):
    dataset = forms.ModelChoiceField(label=_("Dataset of the year"), queryset=Dataset.objects.none())
    previous_dataset = forms.ModelChoiceField(
        label=_("Dataset of the year before"), queryset=Dataset.objects.none(), required=False
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        from ombuds.reports.services.reports import year_period

        start, end = year_period(report.year)
        self.fields["dataset"].queryset = Dataset.objects.filter(period_start=start, period_end=end)
        start, end = year_period(report.year - 1)
        self.fields["previous_dataset"].queryset = Dataset.objects.filter(period_start=start, period_end=end)
        self.fields["dataset"].initial = report.dataset_id
        self.fields["previous_dataset"].initial = report.previous_dataset_id

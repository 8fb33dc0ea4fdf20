"""Forms of the recommendations section of the visit page: drafting from the visit's findings and
the follow-up checklist of the place's open recommendations."""

from __future__ import annotations

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from ombuds.core.models import Authority
from ombuds.core.once import OnceFormMixin
from ombuds.monitoring.choices import ThematicArea
from ombuds.recommendations import choices as c


class FindingChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.get_area_display()}: {Truncator(obj.text).words(16)}"


class VisitDraftForm(OnceFormMixin, forms.Form):
    """A draft answering one or several of the visit's findings. The SMART checklist is a
    self-check: what is left unticked comes back as warnings after drafting, never as a refusal."""

    prefix = "rec"

    findings = FindingChoiceField(
        label=_("Findings it answers"), queryset=None, to_field_name="public_id", widget=forms.CheckboxSelectMultiple
    )  # the visit's own, set in __init__
    addressee = forms.ModelChoiceField(label=_("Addressee"), queryset=Authority.objects.filter(is_active=True))
    kind = forms.ChoiceField(label=_("Kind"), choices=c.Kind.choices, initial=c.Kind.AFTER_VISIT)
    priority = forms.ChoiceField(label=_("Priority"), choices=c.Priority.choices, initial=c.Priority.MEDIUM)
    area = forms.ChoiceField(
        label=_("Thematic area"),
        choices=[("", "—"), *ThematicArea.choices],
        required=False,
        help_text=_("Left empty, the area of the chosen findings."),
    )
    text_az = forms.CharField(label=_("Text (Azerbaijani)"), widget=forms.Textarea(attrs={"rows": 3}))
    text_en = forms.CharField(label=_("Text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    text_ru = forms.CharField(label=_("Text (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    rationale = forms.CharField(label=_("Rationale"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    smart = forms.MultipleChoiceField(
        label=_("SMART checklist"), choices=c.SMART, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, visit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["findings"].queryset = visit.findings.order_by("created_at")
        if not self.is_bound and visit.place.authority_id:
            # The supervising authority of the place is the usual addressee.
            self.initial.setdefault("addressee", visit.place.authority_id)

    def service_kwargs(self) -> dict:
        """The cleaned input as `draft_recommendation` takes it; the area follows the findings."""
        data = dict(self.cleaned_data)
        data.pop("once", None)
        findings = list(data["findings"])
        if not data["area"]:
            areas = [f.area for f in findings]
            data["area"] = max(areas, key=areas.count) if areas else ""
        data["findings"] = findings
        data["smart"] = {key: key in data["smart"] for key, _label in c.SMART}
        return data


class FollowUpChecksForm(OnceFormMixin, forms.Form):
    """One line per open recommendation of the place: what the team observed, and a note. A line
    left without an observation is not recorded."""

    prefix = "chk"

    def __init__(self, *args, recommendations, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommendations = list(recommendations)
        for rec in self.recommendations:
            key = rec.public_id.hex[:12]
            self.fields[f"observed_{key}"] = forms.ChoiceField(
                label=_("Observed: %(number)s") % {"number": rec.number},
                choices=[("", "—"), *c.Observed.choices],
                required=False,
            )
            self.fields[f"note_{key}"] = forms.CharField(
                label=_("Note: %(number)s") % {"number": rec.number},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 1}),
            )
            rec.check_fields = (self[f"observed_{key}"], self[f"note_{key}"])

    def lines(self) -> list[tuple]:
        """(recommendation, observed, note) for each line with an observation."""
        result = []
        for rec in self.recommendations:
            key = rec.public_id.hex[:12]
            observed = self.cleaned_data.get(f"observed_{key}")
            if observed:
                result.append((rec, observed, self.cleaned_data.get(f"note_{key}", "")))
        return result

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.lines():
            raise forms.ValidationError(_("Say what the team observed for at least one recommendation."))
        return cleaned

    def line_error(self, rec, message: str) -> None:
        self.add_error(f"observed_{rec.public_id.hex[:12]}", message)

"""The form drafting a recommendation from a case (an application in which a violation is found)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ombuds.complaints.models import RightTopic
from ombuds.core.models import Authority
from ombuds.core.once import OnceFormMixin
from ombuds.recommendations import choices as c

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 4})
# "After a visit" belongs to the visits; a case leads to the other kinds.
CASE_KINDS = [(value, label) for value, label in c.Kind.choices if value != c.Kind.AFTER_VISIT]


class CaseRecommendationForm(OnceFormMixin, forms.Form):
    """Built for one application: the addressee defaults to the case's first respondent authority
    and the right is one of the case's rights."""

    addressee = forms.ModelChoiceField(label=_("Addressee"), queryset=Authority.objects.filter(is_active=True))
    right = forms.ModelChoiceField(label=_("Right or issue"), queryset=RightTopic.objects.none(), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=CASE_KINDS)
    priority = forms.ChoiceField(label=_("Priority"), choices=c.Priority.choices, initial=c.Priority.MEDIUM)
    text_az = forms.CharField(label=_("Text (Azerbaijani)"), widget=TEXT)
    text_en = forms.CharField(label=_("Text (English)"), widget=TEXT, required=False)
    text_ru = forms.CharField(label=_("Text (Russian)"), widget=TEXT, required=False)
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    smart = forms.MultipleChoiceField(
        label=_("SMART checklist"),
        choices=c.SMART,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what the text already does; what is left unticked is shown as a warning, not a block."),
    )
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty to take the legal term from the day it is issued."),
    )
    due_reason = forms.CharField(label=_("Reason for the due date"), max_length=300, required=False)
    uhri_reference = forms.CharField(
        label=_("UN human rights index or treaty-body reference"), max_length=200, required=False
    )

    def __init__(self, *args, respondents: list, rights: list, **kwargs):
        super().__init__(*args, **kwargs)
        if respondents:
            self.fields["addressee"].initial = respondents[0].pk
            names = ", ".join(str(r) for r in respondents)
            self.fields["addressee"].help_text = _("The case's respondents: %(names)s.") % {"names": names}
        right = self.fields["right"]
        right.queryset = RightTopic.objects.filter(pk__in=[r.pk for r in rights])  # type: ignore[attr-defined]
        if len(rights) == 1:
            right.initial = rights[0].pk

    def service_fields(self) -> dict:
        """The cleaned data as `draft_from_application` takes it (the checklist as a dict)."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "once"}
        data["smart"] = dict.fromkeys(data["smart"], True)
        return data

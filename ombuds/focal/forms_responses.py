"""Forms of the portal's recommendation pages: the answer with its evidence files and the list's filter."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ombuds.core.once import OnceFormMixin
from ombuds.core.uploads import FILES_HELP, MultipleFileField
from ombuds.recommendations import choices as rc


class RecommendationAnswerForm(OnceFormMixin, forms.Form):
    """The body's answer to a recommendation: its stance, the reasons or what was done, evidence."""

    stance = forms.ChoiceField(label=_("Your answer"), widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Reasons, or what was done and the evidence of it"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        help_text=_("When you report the recommendation implemented, describe the evidence and attach it."),
    )
    files = MultipleFileField(label=_("Evidence files"), required=False, help_text=FILES_HELP)

    def __init__(self, *args, stances=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stance"].choices = [(s, rc.Stance(s).label) for s in stances]


class RecommendationFilterForm(forms.Form):
    """The portal's list of recommendations: by status, or open and closed ones."""

    STATES = [("", _("All")), ("open", _("Open (not yet closed)")), ("closed", _("Closed"))]

    state = forms.ChoiceField(label=_("Open or closed"), choices=STATES, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any")), *((s, s.label) for s in rc.Status if s != rc.Status.DRAFT)]

"""The checker's questions. Every answer but the date is a required yes/no or a choice, so a
missing answer is named next to its question instead of being guessed."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.complaints.admissibility import Facts
from ombuds.portal.checker.advice import COURT_BODY, PRESIDENT_OR_MP

YES, NO = "yes", "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]

RESPONDENTS = [
    (
        "state",
        _(
            "A state body: a ministry, the police, the prosecutor's office, a state agency or a local executive "
            "authority"
        ),
    ),
    ("municipality", _("A municipality")),
    ("state_entity", _("A state-owned company or a public institution, such as a hospital, a school or a utility")),
    (COURT_BODY, _("A court or a judge")),
    (PRESIDENT_OR_MP, _("The President or a member of the Milli Majlis (parliament)")),
    ("private", _("A private person or a private company")),
    ("nakhchivan", _("A body of the Nakhchivan Autonomous Republic")),
]


class YesNo(forms.ChoiceField):
    def __init__(self, label, *, required=True, help_text=""):
        super().__init__(
            label=label,
            choices=YES_NO,
            required=required,
            help_text=help_text,
            widget=forms.RadioSelect,
            error_messages={"required": _("Answer yes or no.")},
        )


class CheckerForm(forms.Form):
    respondent = forms.ChoiceField(
        label=_("Who is your complaint about?"),
        choices=RESPONDENTS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who your complaint is about.")},
    )
    court_delay = YesNo(
        _("Is it about a court's delay, lost court documents, or a judgment that is not carried out?"),
    )
    when = forms.DateField(
        label=_("When did it happen, or when did you learn of it?"),
        required=False,
        help_text=_(
            "For example 15.03.2025. If it is still going on, give today's date. Leave it empty if you do not know."
        ),
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y"],
        error_messages={"invalid": _("Enter a real date, for example 15.03.2025.")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    court_pending = YesNo(_("Is a court examining the same matter now?"))
    anonymous = YesNo(_("Do you want to stay anonymous?"))
    evidence = YesNo(
        _("Do you have documents, photos or other evidence?"),
        required=False,
        help_text=_("Answer this if you want to stay anonymous."),
    )
    detention = YesNo(
        _(
            "Are you, or the person concerned, held in a prison, a detention centre, police custody or another "
            "place people may not leave?"
        )
    )
    urgent = YesNo(
        _(
            "Is it urgent: is someone's life or health at risk, is someone being tortured or ill-treated, or is a "
            "child in danger?"
        )
    )

    def clean_when(self):
        when = self.cleaned_data.get("when")
        if when and when > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return when

    def clean(self):
        data = super().clean()
        if data.get("anonymous") == YES and not data.get("evidence"):
            self.add_error("evidence", _("You want to stay anonymous: say whether you have evidence."))
        return data

    def facts(self) -> Facts:
        data = self.cleaned_data
        respondent = data["respondent"]
        anonymous = data["anonymous"] == YES
        return Facts(
            anonymous=anonymous,
            has_evidence=anonymous and data.get("evidence") == YES,
            violation_date=data.get("when"),
            excluded_bodies=(respondent,) if respondent in (COURT_BODY, PRESIDENT_OR_MP) else (),
            private_respondent=respondent == "private",
            nakhchivan=respondent == "nakhchivan",
            about_court_delay=data["court_delay"] == YES,
            court_pending=data["court_pending"] == YES,
            in_detention=data["detention"] == YES,
            urgent=data["urgent"] == YES,
        )

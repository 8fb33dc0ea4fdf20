from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.models import OrgUnit, User
from ombuds.core.models import Authority
from ombuds.core.once import OnceFormMixin
from ombuds.core.versions import VersionedForm
from ombuds.core.widgets import LookupField
from ombuds.monitoring import choices as c
from ombuds.monitoring.models import Interview

DATE = forms.DateInput(attrs={"type": "date"})
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PlaceFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    place_type = forms.ChoiceField(label=_("Place type"), required=False, choices=[("", "—"), *c.PlaceType.choices])
    overdue = forms.BooleanField(label=_("Overdue for a visit"), required=False)


class ScheduleForm(OnceFormMixin, forms.Form):
    place = LookupField("places", label=_("Place"))
    unit = forms.ModelChoiceField(
        label=_("Lead unit"), queryset=OrgUnit.objects.filter(kind__in=["npg", "regional_centre"])
    )
    visit_type = forms.ChoiceField(label=_("Visit type"), choices=c.VisitType.choices)
    planned_date = forms.DateField(label=_("Planned date"), widget=DATE)
    announced = forms.BooleanField(label=_("Announced to the administration"), required=False)
    trigger = forms.CharField(label=_("What prompted the visit"), max_length=300)


class TeamForm(OnceFormMixin, forms.Form):
    user = forms.ModelChoiceField(
        label=_("Staff member"),
        queryset=User.objects.filter(is_active=True)
        .filter(roles__code__in=["npm_member", "npm_medical", "regional_officer", "department_head"])
        .distinct(),
    )
    role = forms.ChoiceField(label=_("Role"), choices=c.TeamRole.choices)


class TextForm(OnceFormMixin, forms.Form):
    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class VisitPlanForm(VersionedForm):
    """The plan of a visit before the team arrives: date, objectives, what prompted it."""

    planned_date = forms.DateField(label=_("Planned date"), widget=DATE)
    objectives = forms.CharField(label=_("Objectives"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    trigger = forms.CharField(label=_("What prompted the visit"), required=False, max_length=300)

    @classmethod
    def initial_for(cls, visit) -> dict:
        return {name: getattr(visit, name) for name in ("version", "planned_date", "objectives", "trigger")}


class ArrivalForm(OnceFormMixin, forms.Form):
    arrival_at = forms.DateTimeField(label=_("Arrival"), widget=DATETIME)
    access_at = forms.DateTimeField(label=_("Access granted"), widget=DATETIME)


class FindingForm(OnceFormMixin, forms.Form):
    area = forms.ChoiceField(label=_("Thematic area"), choices=c.ThematicArea.choices)
    subtopic = forms.CharField(label=_("Subtopic"), required=False, max_length=200)
    text = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 3}))
    sources = forms.MultipleChoiceField(
        label=_("Sources"), choices=c.FindingSource.choices, widget=forms.CheckboxSelectMultiple
    )
    severity = forms.ChoiceField(label=_("Severity"), choices=c.Severity.choices)


class InterviewForm(OnceFormMixin, forms.Form):
    pseudonym = forms.CharField(label=_("Pseudonym"), max_length=60)
    kind = forms.ChoiceField(label=_("Interviewee"), choices=c.IntervieweeKind.choices)
    private = forms.BooleanField(label=_("Private (without witnesses)"), required=False, initial=True)
    group_size = forms.IntegerField(label=_("People in a group interview"), min_value=1, initial=1)
    identity = forms.CharField(label=_("Real identity (sealed)"), required=False, max_length=300)
    consent_anonymised_use = forms.BooleanField(label=_("Consents to anonymised use"), required=False)
    consent_disclose_to_authority = forms.BooleanField(
        label=_("Consents to disclosure to the authority"), required=False
    )
    consent_publish = forms.BooleanField(label=_("Consents to publication"), required=False)
    consent_medical_exam = forms.BooleanField(label=_("Consents to a medical examination"), required=False)
    consent_refer_allegation = forms.BooleanField(label=_("Consents to the referral of an allegation"), required=False)
    reprisal_risk = forms.BooleanField(label=_("High risk of reprisals"), required=False)
    is_minor = forms.BooleanField(label=_("Minor"), required=False)


class IncidentForm(OnceFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=c.ObstructionKind.choices)
    official = forms.CharField(label=_("Official responsible"), required=False, max_length=200)
    minutes_lost = forms.IntegerField(label=_("Minutes lost"), min_value=0, initial=0)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 2}))
    protocol_reference = forms.CharField(label=_("Administrative offence protocol"), required=False, max_length=100)


class CompleteForm(OnceFormMixin, forms.Form):
    people_held = forms.IntegerField(label=_("People held on the day"), min_value=0, required=False)
    immediate_observations = forms.CharField(
        label=_("Immediate observations to the management"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AdvanceForm(OnceFormMixin, forms.Form):
    """Report and follow-up steps; only those the state machine allows from the visit's state.
    "Recommendations issued" is not among them: issuing the visit's recommendations reaches it."""

    STEPS = ("report_draft", "factual_check", "report_final", "follow_up", "closed")
    target = forms.ChoiceField(label=_("Next step"), choices=[(s, c.VisitStatus(s).label) for s in STEPS])

    @classmethod
    def targets_from(cls, status: str) -> list[str]:
        return [s for s in cls.STEPS if s in c.VISIT_TRANSITIONS.get(status, set())]

    def __init__(self, *args, visit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visit is not None:
            self.fields["target"].choices = [(s, c.VisitStatus(s).label) for s in self.targets_from(visit.status)]


class CancelForm(OnceFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class AllegationForm(OnceFormMixin, forms.Form):
    """An allegation is recorded against one of the visit's interviews (by pseudonym)."""

    interview = forms.ModelChoiceField(label=_("Interview (pseudonym)"), queryset=Interview.objects.none())
    events_date = forms.DateField(label=_("Date of the events"), required=False, widget=DATE)
    detaining_authority = forms.ModelChoiceField(
        label=_("Detaining authority"), required=False, queryset=Authority.objects.filter(is_active=True)
    )
    methods = forms.CharField(label=_("Methods, duration and frequency"), widget=forms.Textarea(attrs={"rows": 2}))
    injuries = forms.CharField(label=_("Injuries reported"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, visit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interview"].queryset = visit.interviews.all() if visit is not None else Interview.objects.all()


class VisitFilterForm(forms.Form):
    place = LookupField("places", label=_("Place"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", "—"), *c.VisitStatus.choices])
    visit_type = forms.ChoiceField(label=_("Visit type"), required=False, choices=[("", "—"), *c.VisitType.choices])
    q = forms.CharField(label=_("Search in findings"), required=False, max_length=100)
    mine = forms.BooleanField(label=_("My current visits"), required=False)


class PlanItemForm(OnceFormMixin, forms.Form):
    place = LookupField("places", label=_("Place"))
    quarter = forms.TypedChoiceField(label=_("Quarter"), choices=[(q, q) for q in range(1, 5)], coerce=int)
    visit_type = forms.ChoiceField(label=_("Visit type"), choices=c.VisitType.choices)
    theme = forms.CharField(label=_("Theme"), required=False, max_length=200)


class PlanForm(OnceFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=250)


class OnSiteApplicationForm(OnceFormMixin, forms.Form):
    surname = forms.CharField(label=_("Surname"), required=False, max_length=100)
    given_name = forms.CharField(label=_("Name"), required=False, max_length=100)
    summary = forms.CharField(label=_("Summary of the complaint"), widget=forms.Textarea(attrs={"rows": 2}))


class ReprisalForm(OnceFormMixin, forms.Form):
    pseudonym = forms.CharField(label=_("Pseudonym"), max_length=60)
    measure = forms.ChoiceField(label=_("Alleged measure"), choices=c.ReprisalMeasure.choices)
    risk = forms.ChoiceField(label=_("Risk"), choices=c.Risk.choices)
    account = forms.CharField(label=_("What was reported"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DateOnlyForm(OnceFormMixin, forms.Form):
    planned_date = forms.DateField(label=_("Planned date"), widget=DATE)


class ReferralForm(forms.Form):
    to = forms.ModelChoiceField(label=_("Referred to"), queryset=Authority.objects.filter(is_active=True))
    on = forms.DateField(label=_("Referred on"), widget=DATE)


class MedicalForm(forms.Form):
    """Up to two lesions per submission, each with the Istanbul Protocol consistency opinion."""

    examined_on = forms.DateField(label=_("Examined on"), widget=DATE)
    location_1 = forms.CharField(label=_("Location on the body (1)"), max_length=100)
    description_1 = forms.CharField(label=_("Description (1)"), widget=forms.Textarea(attrs={"rows": 2}))
    consistency_1 = forms.ChoiceField(label=_("Consistency (1)"), choices=c.Consistency.choices)
    location_2 = forms.CharField(label=_("Location on the body (2)"), required=False, max_length=100)
    description_2 = forms.CharField(
        label=_("Description (2)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    consistency_2 = forms.ChoiceField(
        label=_("Consistency (2)"), required=False, choices=[("", "—"), *c.Consistency.choices]
    )

    def lesions(self) -> list[dict]:
        d = self.cleaned_data
        rows = [{"location": d["location_1"], "description": d["description_1"], "consistency": d["consistency_1"]}]
        if d.get("location_2"):
            rows.append(
                {"location": d["location_2"], "description": d["description_2"], "consistency": d["consistency_2"]}
            )
        return rows


class ReprisalStepForm(forms.Form):
    target = forms.ChoiceField(
        label=_("Next step"),
        choices=[(s, c.ReprisalStatus(s).label) for s in ("risk_assessed", "action_taken", "monitoring", "closed")],
    )
    risk = forms.ChoiceField(label=_("Risk"), required=False, choices=[("", "—"), *c.Risk.choices])
    note = forms.CharField(label=_("Action taken"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    outcome = forms.CharField(label=_("Outcome"), required=False, max_length=200)


class FindingEditForm(VersionedForm, FindingForm):
    standard = forms.CharField(label=_("Standard"), required=False, max_length=200)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why the finding is withdrawn"), max_length=300)


class FirstContactForm(OnceFormMixin, forms.Form):
    """The first contact with a person at risk of reprisals, for an interview flagged so."""

    interview = forms.ModelChoiceField(label=_("Interview (pseudonym)"), queryset=Interview.objects.none())
    note = forms.CharField(label=_("How and when the person was reached"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, visit=None, **kwargs):
        super().__init__(*args, **kwargs)
        interviews = visit.interviews.all() if visit is not None else Interview.objects.all()
        self.fields["interview"].queryset = interviews.filter(reprisal_risk=True)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=DATE)
    end = forms.DateField(label=_("To"), required=False, widget=DATE)

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.models import OrgUnit
from ombuds.core.models import Region
from ombuds.core.once import OnceFormMixin
from ombuds.core.versions import VersionedForm
from ombuds.outreach import choices as c
from ombuds.outreach.models import Audience, Topic

DATE = forms.DateInput(attrs={"type": "date"})
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
REMOTE = OrgUnit.objects.filter(kind__in=["regional_centre", "partner_institution"])


class TitlesForm(forms.Form):
    """The title in the three content languages; Azerbaijani is required, the others fall back to it."""

    title_az = forms.CharField(label=_("Title (Azerbaijani)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300, required=False)


class PlanForm(OnceFormMixin, TitlesForm):
    field_order = ["year", "title_az", "title_en", "title_ru"]

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    goals = forms.CharField(label=_("Goals"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PlanItemForm(OnceFormMixin, forms.Form):
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all())
    audiences = forms.ModelMultipleChoiceField(
        label=_("Target audiences"),
        queryset=Audience.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    planned_from = forms.DateField(label=_("Planned from"), widget=DATE)
    planned_to = forms.DateField(label=_("Planned to"), widget=DATE)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False)
    event_format = forms.ChoiceField(label=_("Format"), choices=c.EventFormat.choices)
    responsible_unit = forms.ModelChoiceField(label=_("Responsible unit"), queryset=OrgUnit.objects.all())
    target_events = forms.IntegerField(label=_("Events planned"), min_value=1, initial=1)
    target_participants = forms.IntegerField(label=_("Participants planned"), min_value=0, initial=0)


class EventForm(OnceFormMixin, TitlesForm):
    field_order = ["kind", "title_az", "title_en", "title_ru"]

    kind = forms.ChoiceField(label=_("Kind"), choices=c.EventKind.choices)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME)
    host_unit = forms.ModelChoiceField(label=_("Host unit"), queryset=OrgUnit.objects.all())
    venue = forms.CharField(label=_("Venue"), required=False, max_length=200)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all())
    event_format = forms.ChoiceField(label=_("Format"), choices=c.EventFormat.choices)
    remote_offices = forms.ModelMultipleChoiceField(
        label=_("Offices joining remotely"), queryset=REMOTE, required=False, widget=forms.CheckboxSelectMultiple
    )
    target_organisations = forms.CharField(
        label=_("Target organisations"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RemoteForm(OnceFormMixin, VersionedForm):
    remote_offices = forms.ModelMultipleChoiceField(
        label=_("Offices joining remotely"), queryset=REMOTE, required=False, widget=forms.CheckboxSelectMultiple
    )


class AttendanceForm(OnceFormMixin, forms.Form):
    organisation = forms.CharField(label=_("Organisation"), max_length=300)
    women = forms.IntegerField(label=_("Women"), min_value=0, initial=0)
    men = forms.IntegerField(label=_("Men"), min_value=0, initial=0)
    remote = forms.BooleanField(label=_("Joined remotely"), required=False)
    office = forms.ModelChoiceField(label=_("From office"), queryset=REMOTE, required=False)


class SpeakerForm(OnceFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    topic = forms.CharField(label=_("Topic of the presentation"), required=False, max_length=300)


class MaterialForm(OnceFormMixin, forms.Form):
    file = forms.FileField(label=_("Material (slides, leaflet, poster)"))


class OutcomeForm(OnceFormMixin, forms.Form):
    questions = forms.CharField(
        label=_("Questions asked and answers given"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    pre_test_score = forms.DecimalField(
        label=_("Average pre-test score (%)"), required=False, min_value=0, max_value=100
    )
    post_test_score = forms.DecimalField(
        label=_("Average post-test score (%)"), required=False, min_value=0, max_value=100
    )
    satisfied_share = forms.DecimalField(
        label=_("Satisfied participants (%)"), required=False, min_value=0, max_value=100
    )
    follow_up = forms.CharField(label=_("Follow-up actions"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EmptyForm(OnceFormMixin, forms.Form):
    pass


class ParticipantForm(OnceFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=300)
    consent = forms.BooleanField(label=_("The participant consents to be listed by name"), required=False)


class CancelForm(OnceFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

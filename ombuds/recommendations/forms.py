"""Forms of the recommendation page's actions and of a new recommendation from a report."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.models import User
from ombuds.complaints.models import RightTopic
from ombuds.core.i18n import CONTENT_LANGUAGES
from ombuds.core.models import Authority
from ombuds.core.once import OnceFormMixin
from ombuds.core.versions import VersionedForm
from ombuds.core.widgets import LOOKUPS, SEPARATOR
from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.monitoring.models import Visit
from ombuds.recommendations import choices as c

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 4})
NOTE = forms.Textarea(attrs={"rows": 2})
LANGUAGES = [("az", "Azərbaycanca"), ("en", "English"), ("ru", "Русский")]
# Who may be responsible for a recommendation's follow-up: the roles that manage them.
RESPONSIBLE_ROLES = ["commissioner", "department_head", "complaints_officer", "regional_officer", "npm_member"]
FILE_HELP = _("PDF, JPEG, PNG, DOCX, XLSX, ODT or text; up to 20 MB.")


def _blank(choices) -> list:
    return [("", "—"), *choices]


class PlacesField(forms.CharField):
    """Places one per line, each resolved like the place lookup (a name in any language, or a
    suggestion "name — district"): a list of every place would be megabytes."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("One place per line, as named in the register of places."))
        super().__init__(required=False, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(LOOKUPS["places"].label(place) for place in value)
        return value

    def clean(self, value):
        text = super().clean(value)
        places, errors = [], []
        for line in (text or "").splitlines():
            if not line.strip():
                continue
            try:
                place = LOOKUPS["places"].resolve(line)
            except ValidationError as exc:
                errors.extend(exc.messages)
            else:
                if place not in places:
                    places.append(place)
        if errors:
            raise ValidationError(errors)
        return places


class SmartField(forms.MultipleChoiceField):
    """The Double-SMART checklist as checkboxes; cleans to {"specific": True, ...}."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(label=_("SMART checklist"), required=False, choices=c.SMART, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, dict):
            return [key for key, ticked in value.items() if ticked]
        return value

    def clean(self, value):
        ticked = set(super().clean(value))
        return {key: key in ticked for key, _label in c.SMART}


class _Content(forms.Form):
    """What a draft says and to whom: shared by the edit form and the new-recommendation form."""

    addressee = forms.ModelChoiceField(label=_("Addressee"), queryset=Authority.objects.filter(is_active=True))
    area = forms.ChoiceField(label=_("Thematic area"), required=False, choices=_blank(ThematicArea.choices))
    right = forms.ModelChoiceField(
        label=_("Right or issue"), required=False, queryset=RightTopic.objects.filter(is_active=True)
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=c.Kind.choices)
    priority = forms.ChoiceField(label=_("Priority"), choices=c.Priority.choices, initial=c.Priority.MEDIUM)
    places = PlacesField(label=_("Places"))
    place_type = forms.ChoiceField(label=_("Place type"), required=False, choices=_blank(PlaceType.choices))
    text_az = forms.CharField(label=_("Text (Azerbaijani)"), widget=TEXT)
    text_en = forms.CharField(label=_("Text (English)"), required=False, widget=TEXT)
    text_ru = forms.CharField(label=_("Text (Russian)"), required=False, widget=TEXT)
    rationale = forms.CharField(label=_("Rationale"), required=False, widget=NOTE)
    smart = SmartField()
    due_date = forms.DateField(label=_("Due date set by hand"), required=False, widget=DATE)
    due_reason = forms.CharField(label=_("Reason for the due date"), required=False, max_length=300)
    uhri_reference = forms.CharField(
        label=_("UN human rights index or treaty-body reference"), required=False, max_length=200
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible staff member"),
        required=False,
        queryset=User.objects.filter(is_active=True, roles__code__in=RESPONSIBLE_ROLES).distinct(),
    )

    def clean(self):
        data = super().clean()
        if data.get("due_date") and not (data.get("due_reason") or "").strip():
            self.add_error("due_reason", _("Say why the due date is set by hand."))
        if data.get("due_date") and data["due_date"] <= timezone.localdate():
            self.add_error("due_date", _("The due date must be in the future."))
        return data


class DraftEditForm(VersionedForm, _Content):
    """Correct a draft before it is issued (core.versions: a stale edit is redrawn, 409)."""

    FIELDS = (
        "addressee",
        "area",
        "right",
        "kind",
        "priority",
        "places",
        "place_type",
        "text_az",
        "text_en",
        "text_ru",
        "rationale",
        "smart",
        "due_date",
        "due_reason",
        "uhri_reference",
        "responsible",
    )

    @classmethod
    def initial_for(cls, rec) -> dict:
        initial = {name: getattr(rec, name) for name in cls.FIELDS if name != "places"}
        initial["places"] = list(rec.places.select_related("district"))
        initial["version"] = rec.version
        if not rec.due_set_by_hand:
            initial["due_date"] = None
        return initial


class NewFromReportForm(OnceFormMixin, _Content):
    """A draft from a thematic report or the annual report (visits and cases have their own)."""

    source = forms.ChoiceField(
        label=_("Source"),
        choices=[(s, s.label) for s in (c.Source.THEMATIC_REPORT, c.Source.ANNUAL_REPORT)],
    )
    report_title = forms.CharField(label=_("Report"), max_length=300)

    field_order = ["source", "report_title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = c.Kind.THEMATIC


class IssueForm(OnceFormMixin, forms.Form):
    language = forms.ChoiceField(label=_("Language of the letter"), choices=LANGUAGES)
    due_date = forms.DateField(
        label=_("Due date set by hand"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for the legal clock's date."),
    )
    due_reason = forms.CharField(label=_("Reason for the due date"), required=False, max_length=300)

    def __init__(self, *args, rec=None, **kwargs):
        super().__init__(*args, **kwargs)
        if rec is not None:
            written = [lang for lang in CONTENT_LANGUAGES if getattr(rec, f"text_{lang}", "").strip()]
            self.fields["language"].choices = [(code, label) for code, label in LANGUAGES if code in written]
            self.fields["language"].initial = rec.letter_language if rec.letter_language in written else "az"


class ResponseForm(OnceFormMixin, forms.Form):
    stance = forms.ChoiceField(label=_("The authority"), choices=c.Stance.choices)
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    text = forms.CharField(label=_("Response"), widget=TEXT)
    # What came through the portal was recorded there by the focal point, with its receipt.
    channel = forms.ChoiceField(
        label=_("Received by"), choices=[(ch, ch.label) for ch in c.ResponseChannel if ch != c.ResponseChannel.PORTAL]
    )
    reference = forms.CharField(label=_("The authority's reference"), required=False, max_length=100)
    file = forms.FileField(label=_("The letter or file received"), required=False, help_text=FILE_HELP)


# Evidence a person may choose for an outcome (the clock's own is the system's).
OUTCOME_EVIDENCE = [(e, e.label) for e in c.Evidence if e != c.Evidence.CLOCK]
OUTCOME_STATUSES = [
    c.Status.IN_PROGRESS,
    c.Status.IMPLEMENTED,
    c.Status.PARTIALLY_IMPLEMENTED,
    c.Status.NOT_IMPLEMENTED,
]


def outcome_targets(status: str) -> list[str]:
    """The outcomes the state machine allows from `status` (what `record_outcome` accepts)."""
    return [s for s in OUTCOME_STATUSES if s in c.TRANSITIONS.get(status, set())]


class OutcomeForm(OnceFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Degree of implementation"), choices=[(s, s.label) for s in OUTCOME_STATUSES])
    evidence = forms.ChoiceField(label=_("Evidence"), choices=OUTCOME_EVIDENCE)
    happened_on = forms.DateField(label=_("Date"), widget=DATE, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=NOTE)
    visit = forms.ModelChoiceField(label=_("Follow-up visit"), required=False, queryset=Visit.objects.none())
    file = forms.FileField(label=_("Document"), required=False, help_text=FILE_HELP)

    def __init__(self, *args, rec=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if rec is not None:
            self.fields["status"].choices = [(s, c.Status(s).label) for s in outcome_targets(rec.status)]
            # Visits to the recommendation's places that the person may open, once on site.
            self.fields["visit"].queryset = (
                Visit.objects.visible_to(user)
                .filter(place__in=rec.places.all(), arrival_at__isnull=False)
                .select_related("place")
                .order_by("-planned_date")
            )
            self.fields["visit"].label_from_instance = lambda v: f"{v.planned_date:%Y-%m-%d}{SEPARATOR}{v.place}"

    def clean(self):
        data = super().clean()
        if data.get("evidence") == c.Evidence.DOCUMENT and not data.get("file"):
            self.add_error("file", _("Attach the document."))
        if data.get("evidence") == c.Evidence.FOLLOW_UP_VISIT and not data.get("visit"):
            self.add_error("visit", _("Choose the follow-up visit."))
        return data


class ReasonForm(OnceFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=NOTE)


class EscalationForm(OnceFormMixin, forms.Form):
    step = forms.ChoiceField(label=_("Step"), choices=c.Escalation.choices)
    taken_on = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(label=_("Note"), required=False, widget=NOTE)


class EmptyForm(OnceFormMixin, forms.Form):
    pass

"""Forms for the intake desks and the case file. Validation messages are translated."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, RightTopic
from ombuds.core import refcache
from ombuds.core.models import Authority, District
from ombuds.core.once import OnceFormMixin
from ombuds.core.uploads import FILES_HELP, MultipleFileField
from ombuds.core.versions import VersionedForm

DATE = forms.DateInput(attrs={"type": "date"})
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

# Which optional sections each desk's form shows (a short form fit for its desk).
CHANNEL_SECTIONS = {
    c.Channel.POST: {"applicant", "detention", "dates", "court"},
    c.Channel.WALK_IN: {"applicant", "dates", "court"},
    c.Channel.REGIONAL_OFFICE: {"applicant", "dates", "court"},
    c.Channel.EMAIL: {"applicant", "dates", "court"},
    c.Channel.ONLINE: {"applicant", "dates", "court"},
    c.Channel.CALL_916: {"applicant"},
    c.Channel.TORTURE_HOTLINE: {"applicant"},
    c.Channel.DURING_VISIT: {"applicant", "detention"},
    c.Channel.OWN_INITIATIVE: {"dates"},
}
# The fields of each optional section. A desk's form has only the fields it shows: a field the
# page does not show can never be required, nor refuse the form without the clerk seeing why.
SECTION_FIELDS = {
    "dates": ("violation_date", "awareness_date"),
    "court": ("court_status", "about_court_delay"),
    "detention": ("from_detention", "detention_place", "facility_received_at", "facility_forwarded_at"),
}


class RegisterForm(OnceFormMixin, forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=c.Channel.choices, widget=forms.HiddenInput)
    received_at = forms.DateTimeField(label=_("Received at"), widget=DATETIME, initial=timezone.now)
    app_type = forms.ChoiceField(
        label=_("Type"), choices=c.ApplicationType.choices, initial=c.ApplicationType.COMPLAINT
    )
    applicant_kind = forms.ChoiceField(label=_("Applicant"), choices=c.ApplicantKind.choices)
    surname = forms.CharField(label=_("Surname"), required=False, max_length=100)
    given_name = forms.CharField(label=_("Name"), required=False, max_length=100)
    patronymic = forms.CharField(label=_("Patronymic"), required=False, max_length=100)
    organisation = forms.CharField(label=_("Organisation name"), required=False, max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=c.Sex.choices, initial=c.Sex.UNKNOWN)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = forms.CharField(label=_("Address"), required=False, max_length=300)
    contacts_secret = forms.BooleanField(label=_("Keep the contact details secret"), required=False)
    summary = forms.CharField(label=_("Summary of the complaint"), widget=forms.Textarea(attrs={"rows": 5}))
    repeat_of = forms.CharField(
        label=_("Repeats application no."),
        required=False,
        max_length=40,
        help_text=_("The registration number of the earlier application, for example 2025/MUR/00012."),
    )
    new_facts = forms.BooleanField(label=_("The repeat application gives new facts"), required=False)
    district = forms.ModelChoiceField(label=_("District concerned"), queryset=District.objects.order_by("name_az"))
    respondents = forms.ModelMultipleChoiceField(
        label=_("Respondent authorities"), required=False, queryset=Authority.objects.filter(is_active=True)
    )
    rights = forms.ModelMultipleChoiceField(
        label=_("Rights and issues"), required=False, queryset=RightTopic.objects.filter(is_active=True)
    )
    violation_date = forms.DateField(label=_("Date of the violation"), required=False, widget=DATE)
    awareness_date = forms.DateField(label=_("Date the applicant learned of it"), required=False, widget=DATE)
    court_status = forms.ChoiceField(
        label=_("Court proceedings"), choices=c.CourtStatus.choices, initial=c.CourtStatus.NONE
    )
    about_court_delay = forms.BooleanField(
        label=_("About court red tape or non-execution of a judgment"), required=False
    )
    has_evidence = forms.BooleanField(label=_("Supported by documents or other evidence"), required=False)
    from_detention = forms.BooleanField(label=_("From a place of detention"), required=False)
    detention_place = forms.CharField(label=_("Place of detention"), required=False, max_length=200)
    facility_received_at = forms.DateTimeField(label=_("Received by the facility"), required=False, widget=DATETIME)
    facility_forwarded_at = forms.DateTimeField(label=_("Forwarded by the facility"), required=False, widget=DATETIME)
    urgent_life = forms.BooleanField(label=_("Risk to life"), required=False)
    urgent_torture = forms.BooleanField(label=_("Torture or ill-treatment"), required=False)
    urgent_child = forms.BooleanField(label=_("Child at risk"), required=False)
    on_behalf = forms.BooleanField(label=_("Submitted on behalf of the victim"), required=False)
    victim_consent = forms.BooleanField(label=_("The victim's consent is recorded"), required=False)
    victim_surname = forms.CharField(label=_("Victim's surname"), required=False, max_length=100)
    victim_given_name = forms.CharField(label=_("Victim's name"), required=False, max_length=100)
    victim_is_minor = forms.BooleanField(label=_("The victim is a minor"), required=False)
    sensitivity = forms.ChoiceField(label=_("Sensitivity"), choices=c.Sensitivity.choices, initial=c.Sensitivity.NORMAL)

    def __init__(self, *args, channel: str = "", user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.sections = CHANNEL_SECTIONS.get(channel, set())
        for section, names in SECTION_FIELDS.items():
            if section not in self.sections:
                for name in names:
                    del self.fields[name]

    def clean_repeat_of(self):
        """The earlier application by its number, among those the clerk may see (an unknown and an
        unseen number get the same answer)."""
        number = self.cleaned_data["repeat_of"].strip()
        if not number:
            return None
        earlier = Application.objects.visible_to(self.user).filter(number__iexact=number).first()
        if earlier is None:
            raise forms.ValidationError(_("No application with this number is open to you."))
        return earlier

    def clean(self):
        data = super().clean()
        if data.get("new_facts") and not data.get("repeat_of"):
            self.add_error("repeat_of", _("New facts are recorded for a repeat application: give its number."))
        kind = data.get("applicant_kind")
        if kind == c.ApplicantKind.PERSON and not (data.get("surname") or data.get("given_name")):
            self.add_error("surname", _("Give the applicant's name, or choose “Anonymous”."))
        if kind == c.ApplicantKind.LEGAL_ENTITY and not data.get("organisation"):
            self.add_error("organisation", _("Give the organisation's name."))
        received, forwarded = data.get("facility_received_at"), data.get("facility_forwarded_at")
        if received and forwarded and forwarded < received:
            self.add_error("facility_forwarded_at", _("The letter cannot be forwarded before it was received."))
        return data

    def service_kwargs(self) -> dict:
        d = self.cleaned_data
        applicant = None
        if d["applicant_kind"] != c.ApplicantKind.ANONYMOUS:
            applicant = {
                k: d[k]
                for k in (
                    "surname",
                    "given_name",
                    "patronymic",
                    "organisation",
                    "sex",
                    "phone",
                    "email",
                    "address",
                    "contacts_secret",
                )
            }
            applicant["district"] = d["district"]
        keys = (
            "channel",
            "received_at",
            "app_type",
            "applicant_kind",
            "summary",
            "district",
            "respondents",
            "rights",
            "violation_date",
            "awareness_date",
            "court_status",
            "about_court_delay",
            "has_evidence",
            "from_detention",
            "detention_place",
            "facility_received_at",
            "facility_forwarded_at",
            "urgent_life",
            "urgent_torture",
            "urgent_child",
            "sensitivity",
            "repeat_of",
            "new_facts",
        )
        victims = []
        if d.get("victim_surname") or d.get("victim_given_name"):
            victims.append(
                {"surname": d["victim_surname"], "given_name": d["victim_given_name"], "is_minor": d["victim_is_minor"]}
            )
        return {
            "applicant": applicant,
            "victims": victims,
            "on_behalf": d["on_behalf"],
            "victim_consent": d["victim_consent"],
            # Fields of the sections this desk does not show keep the model's defaults.
            **{k: d[k] for k in keys if k in d},
        }


class CallForm(OnceFormMixin, forms.Form):
    received_at = forms.DateTimeField(label=_("Time of the call"), widget=DATETIME, initial=timezone.now)
    caller_name = forms.CharField(label=_("Caller (if given)"), required=False, max_length=150)
    caller_phone = forms.CharField(label=_("Caller's phone"), required=False, max_length=40)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=RightTopic.objects.filter(is_active=True))
    district = forms.ModelChoiceField(
        label=_("District"), required=False, queryset=District.objects.order_by("name_az")
    )
    urgent = forms.BooleanField(label=_("Urgent"), required=False)
    note = forms.CharField(label=_("Short note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


def share_choices(page_forms, *, token: str | None = None) -> None:
    """Forms of one page that offer the same option list (the authorities of the decision, the
    information request and the measure) read it once: each list is evaluated for the first
    field that offers it and handed to the others. Lists of reference data (authorities, units)
    are built once per process and language until it changes (core/refcache.py; `token` shares
    the page's read of its version); validation still asks the queryset."""
    read: dict[str, list] = {}
    for form in page_forms:
        for field in form.fields.values():
            if isinstance(field, forms.ModelChoiceField) and not form.is_bound:
                key = str(field.queryset.query)
                if key not in read:
                    # iter: list() would ask the queryset for a COUNT
                    build = lambda field=field: list(iter(field.choices))  # noqa: E731
                    if refcache.is_reference(field.queryset.model):
                        token = token or refcache.version()
                        read[key] = refcache.cached(f"complaints.choices:{key}", build, token=token)
                    else:
                        read[key] = build()
                field.choices = read[key]


class DecideForm(OnceFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept for consideration")),
            ("refuse", _("Refuse")),
            ("refer", _("Refer to another body")),
            ("request_info", _("Ask the applicant for more information")),
        ],
    )
    ground = forms.ChoiceField(label=_("Refusal ground"), required=False, choices=[("", "—"), *c.RefusalGround.choices])
    # A case is referred to a body that still exists (the list is then the one the information
    # request and the measure offer, read once for the page).
    referred_to = forms.ModelChoiceField(
        label=_("Referred to"), required=False, queryset=Authority.objects.filter(is_active=True)
    )
    reason = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AssignForm(OnceFormMixin, VersionedForm):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=User.objects.none())

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        staff = User.objects.filter(is_active=True, roles__isnull=False).distinct().order_by("last_name")
        self.fields["assignee"].queryset = staff.filter(org_unit=unit) if unit else staff


class TransferForm(OnceFormMixin, VersionedForm):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.filter(is_active=True))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ApplicationEditForm(VersionedForm):
    """Correct the summary, the district concerned, the respondents and the rights at issue."""

    summary = forms.CharField(label=_("Summary of the complaint"), widget=forms.Textarea(attrs={"rows": 5}))
    district = forms.ModelChoiceField(label=_("District concerned"), queryset=District.objects.order_by("name_az"))
    respondents = forms.ModelMultipleChoiceField(
        label=_("Respondent authorities"), required=False, queryset=Authority.objects.filter(is_active=True)
    )
    rights = forms.ModelMultipleChoiceField(
        label=_("Rights and issues"), required=False, queryset=RightTopic.objects.filter(is_active=True)
    )

    @classmethod
    def initial_for(cls, app: Application) -> dict:
        return {
            "version": app.version,
            "summary": app.summary,
            "district": app.district_id,
            "respondents": list(app.respondents.all()),
            "rights": list(app.rights.all()),
        }


class TextForm(OnceFormMixin, forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))


class InfoRequestForm(OnceFormMixin, forms.Form):
    addressee = forms.ModelChoiceField(label=_("Addressee"), queryset=Authority.objects.filter(is_active=True))
    basis = forms.ChoiceField(label=_("Legal basis"), choices=c.InfoRequestBasis.choices)
    questions = forms.CharField(label=_("Questions"), widget=forms.Textarea(attrs={"rows": 3}))


class ReplyForm(OnceFormMixin, forms.Form):
    text = forms.CharField(label=_("Reply received"), widget=forms.Textarea(attrs={"rows": 2}))
    # Staff type in replies that came by letter or e-mail; a portal reply is the focal point's own.
    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(v, c.ReplyChannel(v).label) for v in (c.ReplyChannel.LETTER, c.ReplyChannel.EMAIL)],
        initial=c.ReplyChannel.LETTER,
        required=False,  # a letter unless said otherwise
    )
    # The letter scanned, the documents it enclosed: kept with the reply, open to the case's staff.
    files = MultipleFileField(label=_("Files received"), required=False, help_text=FILES_HELP)


class EscalateForm(OnceFormMixin, forms.Form):
    text = forms.CharField(label=_("Reason"), max_length=500)


class MeasureForm(OnceFormMixin, forms.Form):
    # A recommendation is drafted from the case page's "Recommendations" section instead.
    kind = forms.ChoiceField(label=_("Kind"), choices=c.MANUAL_MEASURE_KINDS)
    addressee = forms.ModelChoiceField(label=_("Addressee"), queryset=Authority.objects.filter(is_active=True))
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))


class MeasureResponseForm(OnceFormMixin, forms.Form):
    response = forms.CharField(label=_("The authority's response"), widget=forms.Textarea(attrs={"rows": 3}))


class ConcludeForm(OnceFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=c.Outcome.choices)
    rights_restored = forms.BooleanField(label=_("Rights restored"), required=False)
    reason = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EmptyForm(OnceFormMixin, forms.Form):
    pass


class AttachForm(OnceFormMixin, forms.Form):
    file = forms.FileField(label=_("Document"), help_text=_("PDF, JPEG, PNG, DOCX, XLSX, ODT or text; up to 20 MB."))


class StatusKeyForm(OnceFormMixin, forms.Form):
    """The language of the slip with the applicant's reference and PIN (complaints/views_status.py)."""

    language = forms.ChoiceField(
        label=_("Language of the slip"),
        choices=[("az", _("Azerbaijani")), ("en", _("English")), ("ru", _("Russian"))],
        initial="az",
    )

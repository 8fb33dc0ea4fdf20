"""The public online application form: no identity number is ever asked, so that foreigners,
stateless people, detainees and children can apply like anyone else.

The form is plain HTML (it works without JavaScript). Its raw answers are what a draft keeps
(`draft_answers`), and `service_data` maps the cleaned answers to the complaints intake service.
"""

from __future__ import annotations

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.complaints import choices as c
from ombuds.core import refcache
from ombuds.core.collation import collated
from ombuds.core.models import District
from ombuds.core.once import new_token, nonce_of
from ombuds.core.uploads import FILES_HELP, MultipleFileField

DATE = forms.DateInput(attrs={"type": "date"})
HONEYPOT = "website"
ONCE = "once"
LANGUAGES = [("az", "Azərbaycanca"), ("en", "English"), ("ru", "Русский")]
# What a draft keeps: every answer except the files, the one-time token and the honeypot.
NOT_IN_DRAFT = {ONCE, HONEYPOT, "attachments", "csrfmiddlewaretoken", "action"}


def district_choices() -> list[tuple[str, str]]:
    """Districts by code, in the alphabet of the page's language (built once per language)."""

    def build():
        rows = collated(District.objects.only("code", "name_az", "name_en", "name_ru"), key=lambda d: d.name)
        return [("", _("Choose a district")), *((d.code, d.name) for d in rows)]

    return refcache.cached("portal.apply.districts", build)


def _text(label, *, required=False, max_length=200, autocomplete="", **attrs):
    widget_attrs = {"autocomplete": autocomplete} if autocomplete else {}
    widget_attrs.update(attrs)
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=forms.TextInput(attrs=widget_attrs)
    )


class ApplyForm(forms.Form):
    # Who you are.
    anonymous = forms.BooleanField(label=_("I want to apply anonymously"), required=False)
    surname = _text(_("Surname"), max_length=100, autocomplete="family-name")
    given_name = _text(_("Name"), max_length=100, autocomplete="given-name")
    patronymic = _text(_("Patronymic (if you have one)"), max_length=100, autocomplete="additional-name")
    citizenship = forms.ChoiceField(
        label=_("Citizenship"),
        choices=[
            (c.Citizenship.AZ, _("Citizen of Azerbaijan")),
            (c.Citizenship.FOREIGN, _("Citizen of another country")),
            (c.Citizenship.STATELESS, _("Stateless person")),
            (c.Citizenship.UNKNOWN, _("I prefer not to say")),
        ],
        initial=c.Citizenship.UNKNOWN,
        widget=forms.RadioSelect,
    )
    is_minor = forms.BooleanField(label=_("I am under 18"), required=False)
    # How to reach you.
    phone = _text(_("Phone"), max_length=40, autocomplete="tel", type="tel")
    email = forms.EmailField(
        label=_("E-mail"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    address = _text(_("Postal address"), max_length=300, autocomplete="street-address")
    contacts_secret = forms.BooleanField(label=_("Keep my contact details confidential"), required=False)
    # On someone's behalf.
    on_behalf = forms.BooleanField(label=_("I am applying on behalf of someone else"), required=False)
    victim_name = _text(_("Their full name"), max_length=200, autocomplete="off")
    victim_relation = _text(_("Your relation to them"), max_length=100, autocomplete="off")
    victim_is_minor = forms.BooleanField(label=_("They are under 18"), required=False)
    victim_consent = forms.BooleanField(label=_("They agree that I apply for them"), required=False)
    no_consent_reason = forms.CharField(
        label=_("If they cannot agree, say why"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # The complaint.
    respondent = _text(_("Which body or official is your complaint about?"), required=True, max_length=300)
    what_happened = forms.CharField(
        label=_("What happened?"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Say what happened, where, who was involved and what you are asking for."),
    )
    violation_date = forms.DateField(label=_("When did it happen?"), required=False, widget=DATE)
    awareness_date = forms.DateField(label=_("When did you learn of it?"), required=False, widget=DATE)
    district = forms.ChoiceField(label=_("District or city where it happened"), choices=())
    court_status = forms.ChoiceField(
        label=_("Is there a court case about this?"),
        choices=[
            (c.CourtStatus.NONE, _("No")),
            (c.CourtStatus.PENDING, _("Yes, a court is still examining it")),
            (c.CourtStatus.DECIDED, _("Yes, a court has decided it")),
        ],
        initial=c.CourtStatus.NONE,
        widget=forms.RadioSelect,
    )
    from_detention = forms.BooleanField(label=_("The person concerned is in detention"), required=False)
    detention_place = _text(_("Place of detention"), max_length=200, autocomplete="off")
    urgent_life = forms.BooleanField(label=_("Someone's life is at risk"), required=False)
    urgent_torture = forms.BooleanField(label=_("Someone is being tortured or ill-treated"), required=False)
    urgent_child = forms.BooleanField(label=_("A child is at risk"), required=False)
    attachments = MultipleFileField(label=_("Documents or photos (optional)"), required=False, help_text=FILES_HELP)
    language = forms.ChoiceField(label=_("Language of your receipt and our letters"), choices=LANGUAGES)
    # Left empty by people; filled by robots that fill every field (instead of a CAPTCHA).
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    once = forms.CharField(widget=forms.HiddenInput, required=False, initial=new_token)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = district_choices()
        self.once_nonce = ""

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT):
            raise forms.ValidationError(_("This field must be left empty."), code="honeypot")
        return ""

    def clean_once(self):
        token = self.cleaned_data.get(ONCE, "")
        if token:
            try:
                self.once_nonce = nonce_of(token)
            except signing.BadSignature:
                # An old page (the token expired) is no reason to refuse an application: this
                # submit simply goes without the double-submit guard, and the form gets a new one.
                self.once_nonce = ""
        return token

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for name in ("violation_date", "awareness_date"):
            if data.get(name) and data[name] > today:
                self.add_error(name, _("This date is in the future."))
        if not data.get("anonymous") and not (data.get("surname") or data.get("given_name")):
            self.add_error("given_name", _("Give your name, or choose to apply anonymously."))
        if data.get("on_behalf"):
            if not data.get("victim_name"):
                self.add_error("victim_name", _("Give the name of the person you are applying for."))
            if not data.get("victim_relation"):
                self.add_error("victim_relation", _("Say how you are related to them."))
            if not data.get("victim_consent") and not data.get("no_consent_reason"):
                self.add_error("victim_consent", _("Confirm that they agree, or say below why they cannot agree."))
        if data.get("from_detention") and not data.get("detention_place"):
            self.add_error("detention_place", _("Name the place of detention."))
        return data

    def draft_answers(self) -> dict:
        """The raw answers as typed (valid or not): what a draft keeps and the redrawn form shows."""
        answers = {}
        for name in self.fields:
            if name in NOT_IN_DRAFT:
                continue
            value = self.data.get(self.add_prefix(name))
            if value not in (None, ""):
                answers[name] = str(value)[:20000]
        return answers

    def service_data(self) -> dict:
        """The cleaned answers for `submit_online_application` (files travel separately)."""
        return {k: v for k, v in self.cleaned_data.items() if k not in NOT_IN_DRAFT}


def blank_form(answers: dict | None = None, *, language: str = "az") -> ApplyForm:
    """The form drawn afresh, with a draft's answers (if any) and a new one-time token."""
    initial = {"language": language, **(answers or {})}
    form = ApplyForm(initial=initial)
    form.fields[ONCE].initial = new_token()
    return form

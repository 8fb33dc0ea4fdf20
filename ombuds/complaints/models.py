"""The register of applications (complaints) and what hangs off them: parties, 916 calls,
information requests to authorities, measures and case notes. Rules: domain.md §1.1, §2, §3.1.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.scoping import Scope, ScopedQuerySet
from ombuds.complaints import choices as c
from ombuds.complaints.permissions import urgent_from_every_unit
from ombuds.core.data_classes import DataClass
from ombuds.core.fields import EncryptedTextField, TierEncryptedTextField
from ombuds.core.models import Authority, BaseModel, District, Region, TranslatedName

CONF, INT, SECRET, PUB = DataClass.CONFIDENTIAL, DataClass.INTERNAL, DataClass.SECRET, DataClass.PUBLIC


class RightTopic(TranslatedName):
    """Rights and issues concerned (domain.md §6), a list the institution edits."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    DATA_CLASSES = {**TranslatedName.DATA_CLASSES, "code": PUB, "sort_order": PUB, "is_active": PUB}

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("right or issue")
        verbose_name_plural = _("rights and issues")


class Party(BaseModel):
    """An applicant or victim: a natural person or a legal entity.

    Identity is confidential (need-to-know); contact details are stored encrypted, and when the
    person asks for it (`contacts_secret`) only the assignee, the NPM lead and the Commissioner
    see them. `phone_index` is a keyed blind index so a repeat caller can be found; `name_key` one
    of the folded surname and given name (complaints.tokens.name_key), filled by the services,
    so that the same person is recognised however the name was typed, sealed or not.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=c.ApplicantKind.choices, default=c.ApplicantKind.PERSON)
    # Names, organisation and vulnerability are sealed when the party is in the secret tier.
    surname = TierEncryptedTextField(_("surname"), max_length=100, blank=True)
    given_name = TierEncryptedTextField(_("name"), max_length=100, blank=True)
    patronymic = TierEncryptedTextField(_("patronymic"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=c.Sex.choices, default=c.Sex.UNKNOWN)
    citizenship = models.CharField(
        _("citizenship"), max_length=12, choices=c.Citizenship.choices, default=c.Citizenship.UNKNOWN
    )
    organisation = TierEncryptedTextField(_("organisation name"), max_length=200, blank=True)
    is_ngo = models.BooleanField(_("non-governmental organisation"), default=False)
    district = models.ForeignKey(District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district"))
    address = EncryptedTextField(_("address"))
    phone = EncryptedTextField(_("phone"))
    email = EncryptedTextField(_("e-mail"))
    phone_index = models.CharField(max_length=64, blank=True, db_index=True)  # blind index of `phone`
    name_key = models.CharField(max_length=32, blank=True, editable=False)
    contacts_secret = models.BooleanField(_("contacts kept secret at the person's request"), default=False)
    is_minor = models.BooleanField(_("minor"), default=False)
    vulnerability = TierEncryptedTextField(
        _("vulnerability"), max_length=200, blank=True, help_text=_("For example: disability, elderly, migrant")
    )
    # Derived: a party of a highly sensitive application (set when it is registered).
    is_secret = models.BooleanField(default=False, editable=False)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "kind",
                "surname",
                "given_name",
                "patronymic",
                "birth_date",
                "sex",
                "citizenship",
                "organisation",
                "is_ngo",
                "district",
                "contacts_secret",
                "is_minor",
                "vulnerability",
            ],
            CONF,
        ),
        **dict.fromkeys(["address", "phone", "email"], SECRET),
        "phone_index": INT,
        "name_key": INT,
        "is_secret": INT,
    }

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        indexes = [
            # The same person under another application, however the name was typed.
            models.Index(fields=["name_key"], name="complaints_party_name_key_idx"),
        ]

    def __str__(self) -> str:
        if self.kind == c.ApplicantKind.LEGAL_ENTITY:
            return self.organisation
        return " ".join(p for p in (self.surname, self.given_name, self.patronymic) if p)


class Application(BaseModel):
    """One application in the register, from registration to closure."""

    number = models.CharField(_("registration number"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="applications", verbose_name=_("unit")
    )
    channel = models.CharField(_("channel"), max_length=20, choices=c.Channel.choices)
    app_type = models.CharField(
        _("type"), max_length=16, choices=c.ApplicationType.choices, default=c.ApplicationType.COMPLAINT
    )
    received_at = models.DateTimeField(_("received at"))
    applicant_kind = models.CharField(_("applicant"), max_length=16, choices=c.ApplicantKind.choices)
    applicant = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="applications", verbose_name=_("applicant")
    )
    victims = models.ManyToManyField(Party, blank=True, related_name="victim_in", verbose_name=_("victims"))
    on_behalf = models.BooleanField(_("submitted on behalf of the victim"), default=False)
    victim_consent = models.BooleanField(_("victim's consent recorded"), default=False)
    has_evidence = models.BooleanField(_("supported by documents or other evidence"), default=False)
    # Sealed in the secret tier: found there only by whole words through SearchToken.
    summary = TierEncryptedTextField(_("summary of the complaint"))
    district = models.ForeignKey(District, on_delete=models.PROTECT, verbose_name=_("district concerned"))
    # Copied from the district when registered: the regional scope filters on it without a join.
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", editable=False)
    respondents = models.ManyToManyField(
        Authority, blank=True, related_name="applications", verbose_name=_("respondent authorities")
    )
    rights = models.ManyToManyField(
        RightTopic, blank=True, related_name="applications", verbose_name=_("rights and issues")
    )
    violation_date = models.DateField(_("date of the violation"), null=True, blank=True)
    awareness_date = models.DateField(_("date the applicant learned of it"), null=True, blank=True)
    court_status = models.CharField(
        _("court proceedings"), max_length=12, choices=c.CourtStatus.choices, default=c.CourtStatus.NONE
    )
    about_court_delay = models.BooleanField(
        _("about court red tape or non-execution of a judgment"),
        default=False,
        help_text=_("These are examined even though courts are otherwise outside the mandate."),
    )
    repeat_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="repeats", verbose_name=_("repeat of")
    )
    new_facts = models.BooleanField(_("brings new facts"), default=False)
    from_detention = models.BooleanField(_("from a place of detention"), default=False)
    detention_place = models.CharField(_("place of detention"), max_length=200, blank=True)
    facility_received_at = models.DateTimeField(_("received by the facility"), null=True, blank=True)
    facility_forwarded_at = models.DateTimeField(_("forwarded by the facility"), null=True, blank=True)
    forwarding_breach = models.BooleanField(_("forwarding took longer than allowed"), default=False)
    urgent_life = models.BooleanField(_("risk to life"), default=False)
    urgent_torture = models.BooleanField(_("torture or ill-treatment"), default=False)
    urgent_child = models.BooleanField(_("child at risk"), default=False)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=20, choices=c.Sensitivity.choices, default=c.Sensitivity.NORMAL
    )
    is_secret = models.BooleanField(default=False, editable=False)  # derived: highly sensitive = secret tier
    disclosure_consent = models.CharField(
        _("identity disclosure"), max_length=16, choices=c.DisclosureConsent.choices, default=c.DisclosureConsent.NONE
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_applications",
        verbose_name=_("assigned to"),
    )
    status = models.CharField(_("status"), max_length=24, choices=c.Status.choices, default=c.Status.REGISTERED)
    # Derived: still with the desk that registered it (until the admissibility decision or a transfer).
    in_intake = models.BooleanField(default=True, editable=False)
    refusal_ground = models.CharField(_("refusal ground"), max_length=20, choices=c.RefusalGround.choices, blank=True)
    referred_to = models.ForeignKey(
        Authority, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("referred to")
    )
    decision_reason = TierEncryptedTextField(_("reasons"), blank=True)
    decided_at = models.DateTimeField(_("admissibility decided at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=24, choices=c.Outcome.choices, blank=True)
    rights_restored = models.BooleanField(_("rights restored"), default=False)
    concluded_at = models.DateTimeField(_("concluded at"), null=True, blank=True)
    notified_at = models.DateTimeField(_("applicant notified at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The number the application had in the institution's earlier system (imported registers).
    legacy_number = models.CharField(_("number in the earlier register"), max_length=60, blank=True)

    # Region = where the matter arose: a regional centre sees the cases of its districts.
    SCOPE = Scope(
        unit="unit",
        region="region",
        assignees="assignee",
        creator="created_by",
        intake_open="in_intake",
        restricted="is_secret",
        also=urgent_from_every_unit,
    )
    objects = ScopedQuerySet.as_manager()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "number",
                "year",
                "sequence",
                "unit",
                "region",
                "channel",
                "app_type",
                "received_at",
                "applicant_kind",
                "district",
                "respondents",
                "rights",
                "court_status",
                "about_court_delay",
                "repeat_of",
                "from_detention",
                "detention_place",
                "facility_received_at",
                "facility_forwarded_at",
                "forwarding_breach",
                "urgent_life",
                "urgent_torture",
                "urgent_child",
                "sensitivity",
                "is_secret",
                "assignee",
                "status",
                "in_intake",
                "refusal_ground",
                "referred_to",
                "decided_at",
                "outcome",
                "rights_restored",
                "concluded_at",
                "notified_at",
                "closed_at",
                "new_facts",
                "has_evidence",
                "on_behalf",
                "victim_consent",
                "disclosure_consent",
                "legacy_number",
            ],
            INT,
        ),
        **dict.fromkeys(
            ["applicant", "victims", "summary", "violation_date", "awareness_date", "decision_reason"], CONF
        ),
    }

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        permissions = [
            ("handle_application", _("Decide on and work a case file")),
            ("import_register", _("Import a register of applications from an earlier system")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "unit", "sequence"], name="complaints_application_number_unique"),
            # An imported register row goes in once: a second import of it is refused by number.
            models.UniqueConstraint(
                fields=["legacy_number"], condition=~models.Q(legacy_number=""), name="complaints_app_legacy_unique"
            ),
        ]
        indexes = [
            # The register list: newest first within a status (and the scoped variants by unit and region).
            models.Index(fields=["status", "-received_at"], name="complaints_app_status_recv_idx"),
            models.Index(fields=["unit", "status", "-received_at"], name="complaints_app_unit_status_idx"),
            models.Index(fields=["region", "status", "-received_at"], name="complaints_app_region_idx"),
            # The unfiltered list ("all I may see"), newest first.
            models.Index(fields=["-received_at"], name="complaints_app_received_idx"),
            # "My cases".
            models.Index(fields=["assignee", "status"], name="complaints_app_assignee_idx"),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("complaints:detail", args=[self.public_id])

    @property
    def is_urgent(self) -> bool:
        return self.urgent_life or self.urgent_torture or self.urgent_child


class SearchToken(models.Model):
    """A keyed digest (crypto.blind_index) of one word of an application's applicant and victim
    names, and of its summary in the secret tier, folded by core.names: the register finds
    applications by these, without decrypting or storing a readable word. Also one digest per
    pair of the applicant's name key and a respondent: the repeat hint (complaints.tokens)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="search_tokens")
    digest = models.CharField(max_length=32)

    DATA_CLASSES = {"application": INT, "digest": INT}

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "digest"], name="complaints_searchtoken_unique"),
        ]
        indexes = [
            # The register search: applications holding a given digest.
            models.Index(fields=["digest", "application"], name="complaints_searchtoken_idx"),
        ]

    def __str__(self) -> str:
        return f"token of {self.application_id}"


class RegisterCounter(models.Model):
    """The last sequence number per year and unit; locked while a number is drawn."""

    year = models.PositiveSmallIntegerField()
    unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    last = models.PositiveIntegerField(default=0)

    DATA_CLASSES = {"year": INT, "unit": INT, "last": INT}

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "unit"], name="complaints_counter_unique")]

    def __str__(self) -> str:
        return f"{self.year}/{self.unit_id}: {self.last}"


class Call(BaseModel):
    """A call to the 916 line: logged in under a minute, may become an application."""

    received_at = models.DateTimeField(_("time of the call"))
    caller_name = models.CharField(_("caller (if given)"), max_length=150, blank=True)
    caller_phone = EncryptedTextField(_("caller's phone"))
    topic = models.ForeignKey(RightTopic, on_delete=models.PROTECT, verbose_name=_("topic"))
    district = models.ForeignKey(District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district"))
    urgent = models.BooleanField(_("urgent"), default=False)
    note = models.TextField(_("short note"), blank=True)
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, null=True, blank=True, related_name="call", verbose_name=_("application")
    )

    # The person who took the call keeps it; their unit (the 916 centre) sees its calls.
    SCOPE = Scope(unit="created_by__org_unit", assignees="created_by", creator=None)
    objects = ScopedQuerySet.as_manager()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["received_at", "topic", "district", "urgent", "application"], INT),
        **dict.fromkeys(["caller_name", "note"], CONF),
        "caller_phone": SECRET,
    }

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("916 call")
        verbose_name_plural = _("916 calls")
        indexes = [models.Index(fields=["topic", "received_at"], name="complaints_call_topic_idx")]  # quarterly stats

    def __str__(self) -> str:
        return f"916 {self.received_at:%Y-%m-%d %H:%M}"


class InfoRequest(BaseModel):
    """A request for information to an authority, with its reply deadline (§3.6)."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="info_requests", verbose_name=_("application")
    )
    addressee = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="info_requests", verbose_name=_("addressee")
    )
    basis = models.CharField(_("legal basis"), max_length=24, choices=c.InfoRequestBasis.choices)
    questions = models.TextField(_("questions"))
    sent_at = models.DateTimeField(_("sent at"))
    due_at = models.DateTimeField(_("reply due"))
    status = models.CharField(
        _("status"), max_length=12, choices=c.InfoRequestStatus.choices, default=c.InfoRequestStatus.SENT
    )
    reminders = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    reply_at = models.DateTimeField(_("reply received at"), null=True, blank=True)
    reply = models.TextField(_("reply"), blank=True)
    # Empty until the reply is recorded; its files are attachments of the request (core.uploads).
    reply_channel = models.CharField(_("reply received by"), max_length=12, choices=c.ReplyChannel.choices, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "application",
                "addressee",
                "basis",
                "sent_at",
                "due_at",
                "status",
                "reminders",
                "reply_at",
                "reply_channel",
            ],
            INT,
        ),
        **dict.fromkeys(["questions", "reply"], CONF),
    }

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        indexes = [models.Index(fields=["status", "due_at"], name="complaints_inforeq_due_idx")]  # overdue by authority

    def __str__(self) -> str:
        return f"{self.application.number} → {self.addressee}"


class Measure(BaseModel):
    """A measure taken when a violation is found: a letter, an urgent measure, a recommendation."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="measures", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=c.MeasureKind.choices)
    addressee = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="+", verbose_name=_("addressee"))
    text = models.TextField(_("text"))
    taken_at = models.DateTimeField(_("taken at"))
    recommendation_ref = models.CharField(
        _("recommendation number"),
        max_length=60,
        blank=True,
        editable=False,
        help_text=_("The number of the recommendation drafted from the case (set by the recommendations register)."),
    )

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["application", "kind", "addressee", "taken_at", "recommendation_ref"], INT),
        "text": CONF,
    }

    class Meta:
        ordering = ["taken_at"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.addressee}"


class CaseNote(BaseModel):
    """An internal note on the case file."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="notes", verbose_name=_("application")
    )
    text = models.TextField(_("note"))

    DATA_CLASSES = {**BaseModel.DATA_CLASSES, "application": INT, "text": CONF}

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")

    def __str__(self) -> str:
        return f"note on {self.application_id}"


class StatusKey(models.Model):
    """The applicant's key to the public status lookup: a reference and a PIN.

    Given on the portal's receipt for an online application, or handed over by the clerk who
    registers one on another channel (a new PIN replaces the old one). The reference is random, not
    the register number (which would tell the unit and the year's count). Only an HMAC of the PIN
    is stored; wrong PINs are counted and lock the reference for a while
    (`OMBUDS_STATUS_LOCKOUT_*` settings, complaints/services/status.py)."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="status_key", verbose_name=_("application")
    )
    reference = models.CharField(_("reference"), max_length=16, unique=True)
    pin_digest = models.CharField(max_length=64)
    language = models.CharField(_("language"), max_length=2, default="az")
    failures = models.PositiveSmallIntegerField(_("wrong PINs in a row"), default=0)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    DATA_CLASSES = {
        "application": INT,
        "reference": CONF,
        "pin_digest": CONF,
        "language": INT,
        "failures": INT,
        "locked_until": INT,
        "issued_at": INT,
        "issued_by": INT,
    }

    class Meta:
        verbose_name = _("status key")
        verbose_name_plural = _("status keys")

    def __str__(self) -> str:
        return self.reference

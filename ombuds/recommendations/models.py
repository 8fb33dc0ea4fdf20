"""Recommendations to authorities and their verified follow-up (domain.md §1.4, §2, §3.3).

A recommendation answers one source — a visit and the findings it addresses, an application in
which a violation was found, a thematic report or the annual report — and is addressed to one
authority. Its status moves only through the services (ombuds/recommendations/services/); each
move leaves a dated `StatusChange` carrying its evidence, so the history is the record of how
implementation was verified.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.scoping import Scope, ScopedQuerySet
from ombuds.core.data_classes import DataClass
from ombuds.core.i18n import pick
from ombuds.core.models import Authority, BaseModel, Region
from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.recommendations import choices as c
from ombuds.recommendations.scoping import also_visible

PUB, INT, CONF = DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL


class RecommendationQuerySet(ScopedQuerySet):
    def issued(self):
        """Recommendations that left the institution (drafts never count in rates or reports)."""
        return self.exclude(status=c.Status.DRAFT).filter(issued_on__isnull=False)

    def overdue(self, today=None):
        """Due date passed without being implemented (domain.md §3.3)."""
        today = today or timezone.localdate()
        return self.filter(due_date__lt=today).exclude(status__in=[*c.CLOSED, c.Status.DRAFT])

    def published(self):
        return self.filter(is_published=True).exclude(status=c.Status.DRAFT)


class Recommendation(BaseModel):
    number = models.CharField(_("number"), max_length=24, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    source = models.CharField(_("source"), max_length=16, choices=c.Source.choices)
    visit = models.ForeignKey(
        "monitoring.Visit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("visit"),
    )
    findings = models.ManyToManyField(
        "monitoring.Finding", blank=True, related_name="recommendations", verbose_name=_("findings answered")
    )
    application = models.ForeignKey(
        "complaints.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("application"),
    )
    report_title = models.CharField(
        _("report"), max_length=300, blank=True, help_text=_("The thematic or annual report it comes from")
    )
    addressee = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("addressee")
    )
    places = models.ManyToManyField(
        "monitoring.Place", blank=True, related_name="recommendations", verbose_name=_("places")
    )
    place_type = models.CharField(_("place type"), max_length=32, choices=PlaceType.choices, blank=True)
    area = models.CharField(_("thematic area"), max_length=24, choices=ThematicArea.choices, blank=True)
    right = models.ForeignKey(
        "complaints.RightTopic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("right or issue"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=c.Kind.choices)
    priority = models.CharField(_("priority"), max_length=8, choices=c.Priority.choices, default=c.Priority.MEDIUM)
    text_az = models.TextField(_("text (Azerbaijani)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    # The Double-SMART checklist answered while drafting: {"specific": true, ...}; warnings, not blocks.
    smart = models.JSONField(_("SMART checklist"), default=dict, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    due_set_by_hand = models.BooleanField(_("due date set by hand"), default=False)
    due_reason = models.CharField(_("reason for the due date"), max_length=300, blank=True)
    repeats = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="repeated_by",
        verbose_name=_("repeats"),
    )
    uhri_reference = models.CharField(_("UN human rights index or treaty-body reference"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=24, choices=c.Status.choices, default=c.Status.DRAFT)
    status_changed_on = models.DateField(_("status since"), null=True, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    letter_language = models.CharField(_("language of the letter"), max_length=2, default="az")
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("responsible staff member"),
    )
    unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("unit")
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Reminders already sent, so that the periodic job sends each once.
    reminded_before_due = models.BooleanField(default=False, editable=False)
    reminded_after_due = models.BooleanField(default=False, editable=False)

    SCOPE = Scope(unit="unit", region="region", assignees="responsible", creator=None, also=also_visible)
    objects = RecommendationQuerySet.as_manager()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "number",
                "year",
                "sequence",
                "source",
                "visit",
                "findings",
                "application",
                "report_title",
                "addressee",
                "places",
                "place_type",
                "area",
                "right",
                "kind",
                "priority",
                "text_az",
                "text_en",
                "text_ru",
                "smart",
                "due_date",
                "due_set_by_hand",
                "due_reason",
                "repeats",
                "uhri_reference",
                "status",
                "status_changed_on",
                "issued_on",
                "issued_by",
                "letter_language",
                "responsible",
                "unit",
                "region",
                "is_published",
                "published_at",
                "reminded_before_due",
                "reminded_after_due",
            ],
            INT,
        ),
        "rationale": CONF,
    }

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        permissions = [
            ("manage_recommendations", _("Draft recommendations and record their follow-up")),
            ("issue_recommendation", _("Approve and issue recommendations")),
            ("publish_recommendation", _("Publish recommendations in the public tracker")),
            ("import_recommendations", _("Import past recommendations")),
        ]
        constraints = [models.UniqueConstraint(fields=["year", "sequence"], name="recommendations_number_unique")]
        indexes = [
            # The register: newest first within a status; by addressee for the rates and per-authority lists.
            models.Index(fields=["status", "-year", "-sequence"], name="recommendations_status_idx"),
            models.Index(fields=["addressee", "status"], name="recommendations_addressee_idx"),
            models.Index(fields=["due_date", "status"], name="recommendations_due_idx"),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("recommendations:detail", args=[self.public_id])

    @property
    def text(self) -> str:
        """The text in the current language, falling back to Azerbaijani (always present)."""
        return pick(self, "text")

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_date is not None
            and self.due_date < timezone.localdate()
            and self.status not in c.CLOSED
            and self.status != c.Status.DRAFT
        )


class RecommendationCounter(models.Model):
    """The last sequence number per year; locked while a number is drawn."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    DATA_CLASSES = {"year": INT, "last": INT}

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class AuthorityResponse(BaseModel):
    """What the addressee answered: by letter, e-mail, at a meeting or through its portal."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="responses", verbose_name=_("recommendation")
    )
    received_on = models.DateField(_("received on"))
    stance = models.CharField(_("the authority"), max_length=12, choices=c.Stance.choices)
    text = models.TextField(_("response"))
    channel = models.CharField(
        _("received by"), max_length=12, choices=c.ResponseChannel.choices, default=c.ResponseChannel.LETTER
    )
    reference = models.CharField(_("the authority's reference"), max_length=100, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["recommendation", "received_on", "stance", "channel", "reference"], INT),
        "text": INT,
    }

    class Meta:
        ordering = ["received_on", "created_at"]
        verbose_name = _("authority's response")
        verbose_name_plural = _("authorities' responses")

    def __str__(self) -> str:
        return f"{self.recommendation_id} {self.received_on}: {self.stance}"


class StatusChange(BaseModel):
    """One dated step of a recommendation's history, with what it rests on."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="history", verbose_name=_("recommendation")
    )
    old_status = models.CharField(_("from"), max_length=24, choices=c.Status.choices, blank=True)
    new_status = models.CharField(_("to"), max_length=24, choices=c.Status.choices)
    happened_on = models.DateField(_("date"))
    evidence = models.CharField(_("evidence"), max_length=24, choices=c.Evidence.choices)
    note = models.TextField(_("note"), blank=True)
    response = models.ForeignKey(
        AuthorityResponse, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("response")
    )
    visit = models.ForeignKey(
        "monitoring.Visit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("follow-up visit"),
    )
    document = models.ForeignKey(
        "core.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("document")
    )

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            ["recommendation", "old_status", "new_status", "happened_on", "evidence", "response", "visit", "document"],
            INT,
        ),
        "note": CONF,
    }

    class Meta:
        ordering = ["happened_on", "created_at"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.old_status} → {self.new_status} ({self.happened_on})"


class EscalationStep(BaseModel):
    """A step taken when a recommendation is not implemented: a reminder letter, a meeting, a report
    to the Milli Majlis, a public statement."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="escalations", verbose_name=_("recommendation")
    )
    step = models.CharField(_("step"), max_length=20, choices=c.Escalation.choices)
    taken_on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["recommendation", "step", "taken_on"], INT),
        "note": CONF,
    }

    class Meta:
        ordering = ["taken_on", "created_at"]
        verbose_name = _("escalation step")
        verbose_name_plural = _("escalation steps")

    def __str__(self) -> str:
        return f"{self.step} {self.taken_on}"


class FollowUpCheck(BaseModel):
    """A follow-up visit's line for one open recommendation of the place: what the team observed.
    Recording it moves the recommendation with the visit as the verification source."""

    visit = models.ForeignKey(
        "monitoring.Visit", on_delete=models.PROTECT, related_name="recommendation_checks", verbose_name=_("visit")
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="checks", verbose_name=_("recommendation")
    )
    observed = models.CharField(_("observed"), max_length=24, choices=c.Observed.choices)
    note = models.TextField(_("note"), blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["visit", "recommendation", "observed"], INT),
        "note": CONF,
    }

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("follow-up check")
        verbose_name_plural = _("follow-up checks")
        constraints = [models.UniqueConstraint(fields=["visit", "recommendation"], name="recommendations_check_unique")]

    def __str__(self) -> str:
        return f"{self.recommendation_id} on {self.visit_id}: {self.observed}"

"""The authority portal (domain.md §4 "Authority focal point", issue 12).

A focal point is a `accounts.User` of kind "focal_point" with the authority it answers for; its
`FocalPoint` profile adds the optional sub-unit (one place, e.g. one penitentiary institution),
the invitation and the revocation. What it submits is acknowledged by a `Receipt` with a reference
number; what it opened is kept in `Opening` (the staff see which items were opened and answered
online); an answer being written is kept in `Draft`, so an expired session loses nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.core.data_classes import DataClass
from ombuds.core.models import BaseModel

INT, CONF = DataClass.INTERNAL, DataClass.CONFIDENTIAL


class FocalPoint(BaseModel):
    """The portal profile of a focal-point account: created, invited and revoked by staff."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="focal_point_profile",
        verbose_name=_("account"),
    )
    place = models.ForeignKey(
        "monitoring.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focal_points",
        verbose_name=_("only for this place"),
        help_text=_(
            "Leave empty for the whole body. A place-only focal point sees the recommendations about its place."
        ),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    # The invitation link's token is shown once; only its SHA-256 digest is kept.
    invitation_digest = models.CharField(max_length=64, blank=True, db_index=True)
    invitation_expires_at = models.DateTimeField(_("invitation expires at"), null=True, blank=True)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("invitation accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            ["user", "place", "position", "invitation_expires_at", "invited_at", "accepted_at", "revoked_at"], INT
        ),
        **dict.fromkeys(["phone", "invitation_digest", "revoked_reason"], CONF),
    }

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        permissions = [("manage_focal_points", _("Create, invite and revoke authorities' focal points"))]

    def __str__(self) -> str:
        return f"{self.user.display_name} ({self.user.authority})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.user.is_active

    def get_absolute_url(self) -> str:
        """The staff page of the account (focal points never see it)."""
        return reverse("focal_points:detail", args=[self.public_id])

    @property
    def state(self) -> str:
        """ "revoked", "active" (accepted its invitation) or "invited"."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if self.accepted_at is not None else "invited"

    @property
    def state_label(self) -> str:
        return str({"revoked": _("Revoked"), "active": _("Active"), "invited": _("Invited")}[self.state])

    @property
    def invitation_pending(self) -> bool:
        """A link was issued and not yet used (it may have expired)."""
        return bool(self.invitation_digest) and self.revoked_at is None

    @property
    def invitation_expired(self) -> bool:
        """The link issued last was not used in time (staff invite again)."""
        expires = self.invitation_expires_at
        return self.invitation_pending and (expires is None or expires <= timezone.now())


class ReceiptCounter(models.Model):
    """The last receipt number per year; locked while a number is drawn."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    DATA_CLASSES = {"year": INT, "last": INT}

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class ReceiptKind(models.TextChoices):
    INFO_REQUEST_REPLY = "info_request_reply", _("Reply to an information request")
    RECOMMENDATION_RESPONSE = "recommendation_response", _("Response to a recommendation")


class Receipt(BaseModel):
    """The acknowledgement of one answer submitted through the portal or its API."""

    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    focal_point = models.ForeignKey(
        FocalPoint, on_delete=models.PROTECT, related_name="receipts", verbose_name=_("focal point")
    )
    kind = models.CharField(_("kind"), max_length=32, choices=ReceiptKind.choices)
    info_request = models.ForeignKey(
        "complaints.InfoRequest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portal_receipts",
        verbose_name=_("information request"),
    )
    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portal_receipts",
        verbose_name=_("recommendation"),
    )
    response = models.OneToOneField(
        "recommendations.AuthorityResponse",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portal_receipt",
        verbose_name=_("response"),
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    via_api = models.BooleanField(_("through the API"), default=False)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "reference",
                "focal_point",
                "kind",
                "info_request",
                "recommendation",
                "response",
                "submitted_at",
                "via_api",
            ],
            INT,
        ),
    }

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        constraints = [
            models.CheckConstraint(
                condition=Q(info_request__isnull=False, recommendation__isnull=True)
                | Q(info_request__isnull=True, recommendation__isnull=False),
                name="focal_receipt_one_item",
            )
        ]

    def __str__(self) -> str:
        return self.reference


class Opening(models.Model):
    """A focal point opened an item: when first and last, and how often (the staff see it)."""

    focal_point = models.ForeignKey(FocalPoint, on_delete=models.CASCADE, related_name="openings")
    info_request = models.ForeignKey(
        "complaints.InfoRequest", on_delete=models.CASCADE, null=True, blank=True, related_name="portal_openings"
    )
    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="portal_openings",
    )
    first_opened_at = models.DateTimeField(_("first opened at"))
    last_opened_at = models.DateTimeField(_("last opened at"))
    times = models.PositiveIntegerField(_("times opened"), default=1)

    DATA_CLASSES = dict.fromkeys(
        ["focal_point", "info_request", "recommendation", "first_opened_at", "last_opened_at", "times"], INT
    )

    class Meta:
        verbose_name = _("opening")
        verbose_name_plural = _("openings")
        constraints = [
            models.UniqueConstraint(
                fields=["focal_point", "info_request"],
                condition=Q(info_request__isnull=False),
                name="focal_opening_info_request_once",
            ),
            models.UniqueConstraint(
                fields=["focal_point", "recommendation"],
                condition=Q(recommendation__isnull=False),
                name="focal_opening_recommendation_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focal_point_id}: {self.info_request_id or self.recommendation_id}"


class Draft(models.Model):
    """An answer being written, saved as the focal point types (and when a session expired on
    submit), until it is submitted or discarded. `key` names the item: "info_request:<uuid>" or
    "recommendation:<uuid>"."""

    focal_point = models.ForeignKey(FocalPoint, on_delete=models.CASCADE, related_name="drafts")
    key = models.CharField(max_length=80)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    DATA_CLASSES = {"focal_point": INT, "key": INT, "data": CONF, "updated_at": INT}

    class Meta:
        verbose_name = _("draft answer")
        verbose_name_plural = _("draft answers")
        constraints = [models.UniqueConstraint(fields=["focal_point", "key"], name="focal_draft_once")]

    def __str__(self) -> str:
        return self.key


class ReminderTerm(models.TextChoices):
    """Which due date a reminder is about."""

    INFO_REQUEST_REPLY = "info_request_reply", _("Reply to an information request")
    RECOMMENDATION_RESPONSE = "recommendation_response", _("Response to a recommendation")
    RECOMMENDATION_IMPLEMENTATION = "recommendation_implementation", _("Implementation of a recommendation")


class ReminderMoment(models.TextChoices):
    BEFORE = "before", _("Before the due date")
    AFTER = "after", _("After the due date")


class Reminder(models.Model):
    """A reminder e-mailed to a focal point (`services/reminders.py`): kept so that each focal point
    hears of each due date of an item at most once before it and once after it."""

    focal_point = models.ForeignKey(FocalPoint, on_delete=models.CASCADE, related_name="reminders")
    info_request = models.ForeignKey(
        "complaints.InfoRequest", on_delete=models.CASCADE, null=True, blank=True, related_name="portal_reminders"
    )
    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="portal_reminders",
    )
    term = models.CharField(_("term"), max_length=32, choices=ReminderTerm.choices)
    moment = models.CharField(_("when"), max_length=8, choices=ReminderMoment.choices)
    due_on = models.DateField(_("due on"))
    sent_at = models.DateTimeField(_("sent at"))

    DATA_CLASSES = dict.fromkeys(
        ["focal_point", "info_request", "recommendation", "term", "moment", "due_on", "sent_at"], INT
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.CheckConstraint(
                condition=Q(info_request__isnull=False, recommendation__isnull=True)
                | Q(info_request__isnull=True, recommendation__isnull=False),
                name="focal_reminder_one_item",
            ),
            models.UniqueConstraint(
                fields=["focal_point", "info_request", "term", "moment"],
                condition=Q(info_request__isnull=False),
                name="focal_reminder_info_request_once",
            ),
            models.UniqueConstraint(
                fields=["focal_point", "recommendation", "term", "moment"],
                condition=Q(recommendation__isnull=False),
                name="focal_reminder_recommendation_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focal_point_id}: {self.term} {self.moment}"

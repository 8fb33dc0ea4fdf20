"""Reference geography shared by every app.

Region is the Ombudsman's *service* region (who serves a district): the head office in Baku,
the four regional centres, and the Nakhchivan Ombudsman as a partner institution. It is the
tenant for need-to-know scoping: a regional officer sees the records of their own region.
District is a first-level administrative unit (city, rayon, unit of the Nakhchivan AR),
loaded from the sourced reference list in ombuds/core/data/.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.core.choices import DistrictKind
from ombuds.core.data_classes import DataClass
from ombuds.core.i18n import TranslatedNameMixin, pick


class BaseModel(models.Model):
    """Base of every domain record: a UUID for URLs and the API (sequential ids stay internal),
    timestamps, and who created and last changed it. Services set the actors."""

    public_id = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    DATA_CLASSES = dict.fromkeys(
        ["public_id", "created_at", "updated_at", "created_by", "updated_by"], DataClass.INTERNAL
    )

    class Meta:
        abstract = True


class TranslatedName(TranslatedNameMixin, models.Model):
    """Abstract base for reference data named in az (required), en and ru."""

    DATA_CLASSES = {"name_az": DataClass.PUBLIC, "name_en": DataClass.PUBLIC, "name_ru": DataClass.PUBLIC}

    name_az = models.CharField(_("name (Azerbaijani)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class Region(TranslatedName):
    """A service region: HQ (Baku), North, South, West, Northwest, Nakhchivan (partner)."""

    DATA_CLASSES = {
        **TranslatedName.DATA_CLASSES,
        **dict.fromkeys(["code", "centre_az", "centre_en", "centre_ru", "is_partner", "sort_order"], DataClass.PUBLIC),
    }

    code = models.SlugField(_("code"), max_length=32, unique=True)
    centre_az = models.CharField(_("seat (Azerbaijani)"), max_length=120, blank=True)
    centre_en = models.CharField(_("seat (English)"), max_length=120, blank=True)
    centre_ru = models.CharField(_("seat (Russian)"), max_length=120, blank=True)
    is_partner = models.BooleanField(
        _("partner institution"),
        default=False,
        help_text=_("Served by a partner institution (the Nakhchivan Ombudsman), not by the Ombudsman's own offices."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("service region")
        verbose_name_plural = _("service regions")

    @property
    def centre(self) -> str:
        return pick(self, "centre")


class District(TranslatedName):
    """A city, district (rayon) or unit of the Nakhchivan AR, with the region that serves it."""

    DATA_CLASSES = {
        **TranslatedName.DATA_CLASSES,
        **dict.fromkeys(["code", "kind", "economic_region", "region", "source", "note"], DataClass.PUBLIC),
    }

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=DistrictKind.choices)
    economic_region = models.CharField(_("economic region"), max_length=60, blank=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="districts", verbose_name=_("service region")
    )
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name_az"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class AuditEvent(models.Model):
    """One entry of the append-only, hash-chained audit trail (see ombuds/core/audit.py).

    The primary key is the sequence number. `actor_id` is deliberately not a foreign key with
    a database constraint: the row must never be updated, not even when a user row changes.
    """

    DATA_CLASSES = {
        **dict.fromkeys(
            [
                "occurred_at",
                "actor_id",
                "actor_label",
                "action",
                "object_type",
                "object_id",
                "changes",
                "purpose",
                "request_id",
                "prev_hash",
                "hash",
            ],
            DataClass.INTERNAL,
        ),
        "ip": DataClass.CONFIDENTIAL,
    }

    occurred_at = models.DateTimeField(_("when (UTC)"), db_index=True)
    actor_id = models.BigIntegerField(_("actor id"), null=True, blank=True, db_index=True)
    actor_label = models.CharField(_("actor"), max_length=150)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    changes = models.JSONField(_("changed fields"), default=dict, blank=True)
    purpose = models.TextField(_("stated purpose"), blank=True)
    request_id = models.CharField(_("request id"), max_length=36, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        # The auditor's view filters by object: "everything that happened to this record".
        indexes = [models.Index(fields=["object_type", "object_id"], name="core_audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action}"


class AuditCheckpoint(models.Model):
    """A signed chain head; a copy goes to a file outside the database (OMBUDS_AUDIT_ANCHOR_PATH)."""

    DATA_CLASSES = dict.fromkeys(["seq", "head_hash", "signature", "signed_at"], DataClass.INTERNAL)

    seq = models.BigIntegerField(_("sequence number"), unique=True)
    head_hash = models.CharField(_("head hash"), max_length=64)
    signature = models.CharField(_("signature"), max_length=64)
    signed_at = models.DateTimeField(_("signed at"), auto_now_add=True)

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("signed audit head")
        verbose_name_plural = _("signed audit heads")

    def __str__(self) -> str:
        return f"head #{self.seq}"

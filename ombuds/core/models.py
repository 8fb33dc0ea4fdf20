"""Reference geography shared by every app.

Region is the Ombudsman's *service* region (who serves a district): the head office in Baku,
the four regional centres, and the Nakhchivan Ombudsman as a partner institution. It is the
tenant for need-to-know scoping: a regional officer sees the records of their own region.
District is a first-level administrative unit (city, rayon, unit of the Nakhchivan AR),
loaded from the sourced reference list in ombuds/core/data/.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.core.choices import (
    AuthorityKind,
    BasisCertainty,
    CalendarDayKind,
    DeadlineStatus,
    DistrictKind,
    ImportState,
    TermUnit,
)
from ombuds.core.data_classes import DataClass
from ombuds.core.fields import EncryptedTextField
from ombuds.core.i18n import TranslatedNameMixin, pick


class BaseModel(models.Model):
    """Base of every domain record: a UUID for URLs and the API (sequential ids stay internal),
    timestamps, who created and last changed it (services set the actors), and a version.

    The version counts the saves of the row: every save of an existing record adds one in the
    UPDATE itself (`version = version + 1`), so two writers never both get the same number. Pages
    carry it in a hidden field and the API in ETag/If-Match; a service given the version its
    caller read refuses to write over a newer one (`core.services.check_version`).
    """

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

    # Adding the column to a large table must be a catalogue change, not a rewrite or a scan: a
    # database default (kept, so rows written by bulk loaders that leave it out start at 1) and
    # no CHECK constraint (PositiveIntegerField's would be validated against every row).
    version = models.IntegerField(_("version"), default=1, db_default=1, editable=False)

    DATA_CLASSES = dict.fromkeys(
        ["public_id", "created_at", "updated_at", "created_by", "updated_by", "version"], DataClass.INTERNAL
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if self._state.adding or kwargs.get("force_insert") or (update_fields is not None and not update_fields):
            super().save(*args, **kwargs)
            return
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        read = self.version
        # Incremented by the database, not from the copy in memory: a writer that did not lock
        # the row still cannot hand out a number another writer also got.
        self.version = models.F("version") + 1
        try:
            super().save(*args, **kwargs)
        except BaseException:
            self.version = read
            raise
        # At most the stored number (exact when the row was locked): a client holding it can only
        # be told of a conflict too many, never of one too few.
        self.version = read + 1


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


class Authority(TranslatedName):
    """A public body: respondent of applications, addressee of requests and recommendations.

    `excluded_from_mandate` marks the President, members of the Milli Majlis and the courts,
    whose activity the Commissioner does not review — except judicial red tape, lost or late
    documents and delayed execution of judgments (Constitutional Law Art. 1.6).
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=AuthorityKind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent body")
    )
    excluded_from_mandate = models.BooleanField(_("outside the mandate"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)

    DATA_CLASSES = {
        **TranslatedName.DATA_CLASSES,
        **dict.fromkeys(
            ["code", "kind", "parent", "excluded_from_mandate", "is_active", "source", "note"], DataClass.PUBLIC
        ),
    }

    class Meta:
        ordering = ["name_az"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")


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


class JobRun(models.Model):
    """The claim of one periodic job for one period (ombuds/core/jobs.py): the unique pair makes a job
    that several machines' schedulers start at once run on one of them only."""

    DATA_CLASSES = dict.fromkeys(
        ["job", "period_start", "host", "started_at", "finished_at", "outcome"], DataClass.INTERNAL
    )

    job = models.CharField(_("job"), max_length=64)
    period_start = models.DateTimeField(_("period"))
    host = models.CharField(_("run by"), max_length=255)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=255, blank=True)

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")
        constraints = [models.UniqueConstraint(fields=["job", "period_start"], name="core_jobrun_once_per_period")]

    def __str__(self) -> str:
        return f"{self.job} @ {self.period_start:%Y-%m-%d %H:%M}"


class CalendarDay(models.Model):
    """A dated exception to the Monday–Friday working week (Labour Code Art. 105).

    Holidays and transferred rest days are non-working; a transferred working day is worked even
    though it falls on a weekend (or would have been a carried-over rest day). The Cabinet of
    Ministers announces the Islamic holidays and the swaps each December: staff add the rows in
    the admin. Several rows may share a date (Novruz and Ramadan Bayram in 2026).
    """

    date = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=24, choices=CalendarDayKind.choices)
    name_az = models.CharField(_("name (Azerbaijani)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)

    DATA_CLASSES = dict.fromkeys(["date", "kind", "name_az", "name_en", "source", "note"], DataClass.PUBLIC)

    class Meta:
        ordering = ["date", "kind"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        constraints = [
            models.UniqueConstraint(fields=["date", "kind", "name_az"], name="core_calendarday_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name_az}"


class DeadlineRule(TranslatedName):
    """A legal or institutional term as configuration (domain.md §3.7), with its basis."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    term = models.PositiveIntegerField(_("term"))
    unit = models.CharField(_("unit"), max_length=16, choices=TermUnit.choices)
    roll_to_working_day = models.BooleanField(
        _("move to the next working day"),
        default=True,
        help_text=_("When the last day falls on a non-working day, the term ends on the next working day."),
    )
    extension_term = models.PositiveIntegerField(_("extension"), default=0, help_text=_("0 = cannot be extended"))
    max_extensions = models.PositiveSmallIntegerField(_("maximum number of extensions"), default=0)
    legal_basis = models.TextField(_("legal basis"))
    certainty = models.CharField(_("certainty of the basis"), max_length=16, choices=BasisCertainty.choices)
    is_active = models.BooleanField(_("active"), default=True)

    DATA_CLASSES = {
        **TranslatedName.DATA_CLASSES,
        **dict.fromkeys(
            [
                "code",
                "term",
                "unit",
                "roll_to_working_day",
                "extension_term",
                "max_extensions",
                "legal_basis",
                "certainty",
                "is_active",
            ],
            DataClass.PUBLIC,
        ),
    }

    class Meta:
        ordering = ["code"]
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")


class Deadline(BaseModel):
    """A running term on one object (an application, an information request, a visit report).

    The due time is computed from the rule by the legal clock, never by ad-hoc arithmetic; it
    can be paused, resumed and extended with a reason, and every change is audited
    (ombuds/core/deadlines.py).
    """

    rule = models.ForeignKey(DeadlineRule, on_delete=models.PROTECT, related_name="deadlines", verbose_name=_("rule"))
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    started_at = models.DateTimeField(_("started at"))
    due_at = models.DateTimeField(_("due at"), db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=DeadlineStatus.choices, default=DeadlineStatus.RUNNING
    )
    paused_at = models.DateTimeField(_("paused at"), null=True, blank=True)
    extensions = models.PositiveSmallIntegerField(_("extensions used"), default=0)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name=_("responsible"),
    )

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "rule",
                "content_type",
                "object_id",
                "started_at",
                "due_at",
                "status",
                "paused_at",
                "extensions",
                "closed_at",
                "responsible",
            ],
            DataClass.INTERNAL,
        ),
    }

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        indexes = [
            # "Deadlines of this application" on every case page.
            models.Index(fields=["content_type", "object_id"], name="core_deadline_subject_idx"),
            # The overdue job: running deadlines whose due time has passed.
            models.Index(fields=["status", "due_at"], name="core_deadline_status_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.rule.code} → {self.due_at:%Y-%m-%d %H:%M}"


class Notification(BaseModel):
    """An in-app notice for one staff member (overdue deadlines, assignments, alerts).

    The text is built from translatable templates at display time from `kind` and `params`, so
    the reader sees it in their own language; params hold identifiers, never personal data.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=60)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["recipient", "kind", "params", "link", "read_at", "emailed_at"], DataClass.INTERNAL),
    }

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="core_notification_inbox_idx")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"


class Attachment(BaseModel):
    """A file attached to a record, stored outside the web root under a generated name and served
    only through the permission-checked download view (ombuds/core/uploads.py)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("content_type", "object_id")
    original_name = models.CharField(_("file name"), max_length=255)
    stored_name = models.CharField(max_length=80, unique=True)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            ["content_type", "object_id", "stored_name", "mime_type", "size", "sha256"], DataClass.INTERNAL
        ),
        "original_name": DataClass.CONFIDENTIAL,
    }

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["content_type", "object_id"], name="core_attachment_owner_idx")]  # per record

    def __str__(self) -> str:
        return self.original_name


class Import(BaseModel):
    """One file imported in bulk (ombuds/core/imports.py): which file (its SHA-256), how far the
    import got (rows committed so far) and what it did. The same file with the same options is one
    import: running it again continues after the last committed batch instead of starting over."""

    kind = models.CharField(_("kind"), max_length=40)
    file_name = models.CharField(_("file name"), max_length=255)
    stored_name = models.CharField(max_length=200)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    options = models.JSONField(_("options"), default=dict, blank=True)  # e.g. a register import's mapping
    options_sha256 = models.CharField(max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=12)  # messages are written in the importer's
    state = models.CharField(_("state"), max_length=16, choices=ImportState.choices, default=ImportState.QUEUED)
    rows_total = models.PositiveIntegerField(_("rows in the file"), null=True, blank=True)
    rows_done = models.PositiveIntegerField(_("rows processed"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    rejected_count = models.PositiveIntegerField(_("rejected"), default=0)
    message = models.TextField(_("message"), blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "kind",
                "stored_name",
                "sha256",
                "options",
                "options_sha256",
                "language",
                "state",
                "rows_total",
                "rows_done",
                "created_count",
                "updated_count",
                "rejected_count",
                "finished_at",
            ],
            DataClass.INTERNAL,
        ),
        **dict.fromkeys(["file_name", "message"], DataClass.CONFIDENTIAL),
    }

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        constraints = [
            # The resume rule: one import per file and options.
            models.UniqueConstraint(fields=["kind", "sha256", "options_sha256"], name="core_import_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name}"

    def get_absolute_url(self) -> str:
        return reverse("core:import_detail", args=[self.public_id])

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 100 if self.state == ImportState.DONE else 0
        return min(100, round(100 * self.rows_done / self.rows_total))

    @property
    def is_active(self) -> bool:
        return self.state in (ImportState.QUEUED, ImportState.RUNNING)


class ImportProblem(models.Model):
    """A row an import rejected: its number in the file, the column and why (in the importer's language)."""

    batch = models.ForeignKey(Import, on_delete=models.CASCADE, related_name="problems")
    row = models.PositiveIntegerField(_("row"))
    column = models.CharField(_("column"), max_length=100, blank=True)
    message = models.TextField(_("message"))

    DATA_CLASSES = {
        **dict.fromkeys(["batch", "row", "column"], DataClass.INTERNAL),
        "message": DataClass.CONFIDENTIAL,  # may quote the rejected value
    }

    class Meta:
        ordering = ["row", "pk"]
        verbose_name = _("rejected row")
        verbose_name_plural = _("rejected rows")

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


class IdempotencyKey(BaseModel):
    """The first answer to a request sent with an `Idempotency-Key` (API) or a one-time form token
    (pages), kept until `expires_at` so that a repeat is answered from here instead of creating a
    second record (ombuds/core/idempotency.py, ombuds/core/once.py).

    The row is inserted in the same transaction as the record it guards: a concurrent repeat
    waits on the unique index until the first commits, then replays its answer.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=300)  # "api:<client key>" or "form:<token nonce>"
    fingerprint = models.CharField(max_length=64)  # sha256 of method, path and body
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    # The answer may carry personal data of the record it created: stored encrypted, like the record.
    response = EncryptedTextField()
    location = models.CharField(max_length=500, blank=True)  # where the first answer pointed
    object_id = models.CharField(max_length=64, blank=True)  # public id of the created record, if any
    expires_at = models.DateTimeField()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            ["user", "key", "fingerprint", "status_code", "location", "object_id", "expires_at"], DataClass.INTERNAL
        ),
        "response": DataClass.SECRET,
    }

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="core_idempotencykey_once")]
        indexes = [models.Index(fields=["expires_at"], name="core_idempotencykey_expiry_idx")]  # the purge job

    def __str__(self) -> str:
        return self.key

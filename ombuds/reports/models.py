"""What the reports app writes: frozen statistics datasets, the two yearly reports built from them,
their narrative, recipients and generated documents (issue 13, domain.md §7).

A `Dataset` is a snapshot of every measure of `reports.measures` for one period, frozen as JSON
with its SHA-256: tables, charts, the narrative's numbers and the public statistics are read from
it, never from live records, so a published figure never moves. A new snapshot of the same period
is a new version; the differences between two versions can be listed (`reports.datasets.diff`).

A `Report` (annual, Art 14; NPM, OPCAT Art 23) is read from one dataset for its year and the
dataset of the year before (the N−1 column). Its narrative is written per chapter in az/en/ru with
figures as references (`{{measure:category}}`), rendered from the dataset, never typed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.core.data_classes import DataClass
from ombuds.core.models import BaseModel
from ombuds.reports import choices as c

INT, PUB = DataClass.INTERNAL, DataClass.PUBLIC


class Dataset(BaseModel):
    """One frozen snapshot of every measure for a period (usually a calendar year, Baku time)."""

    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"), help_text=_("Inclusive."))
    number = models.PositiveIntegerField(_("version"), help_text=_("1 for the first snapshot of the period."))
    snapshot_at = models.DateTimeField(_("snapshot taken at"))
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)
    # {"measures": {key: {"values": {category: n}, "total": n, "labels": {category: {lang: text}}}}}
    data = models.JSONField(_("figures"), default=dict)
    status = models.CharField(_("status"), max_length=12, choices=c.DatasetStatus.choices, default="draft")
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["period_start", "period_end", "number", "snapshot_at", "content_hash", "status"], PUB),
        # Staff-only until published; the public copy suppresses cells under 5 (reports.datasets).
        **dict.fromkeys(["data", "published_at", "published_by", "note"], INT),
    }

    class Meta:
        ordering = ["-period_start", "-number"]
        verbose_name = _("statistics dataset")
        verbose_name_plural = _("statistics datasets")
        constraints = [
            models.UniqueConstraint(fields=["period_start", "period_end", "number"], name="reports_dataset_version"),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="reports_dataset_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period_start:%Y-%m-%d}…{self.period_end:%Y-%m-%d} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("reports:dataset_detail", args=[self.public_id])

    @property
    def is_published(self) -> bool:
        return self.status == c.DatasetStatus.PUBLISHED

    @property
    def year(self) -> int:
        return self.period_start.year


class Report(BaseModel):
    """The annual report (Art 14) or the NPM report (OPCAT Art 23) for one year."""

    kind = models.CharField(_("kind"), max_length=8, choices=c.ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    title_az = models.CharField(_("title (az)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (ru)"), max_length=300, blank=True)
    dataset = models.ForeignKey(
        Dataset, on_delete=models.PROTECT, related_name="reports", verbose_name=_("dataset of the year")
    )
    previous_dataset = models.ForeignKey(
        Dataset,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dataset of the year before"),
        help_text=_("The N−1 column. Empty when there is no dataset of the year before."),
    )
    status = models.CharField(_("status"), max_length=12, choices=c.ReportStatus.choices, default="draft")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    presented_on = models.DateField(_("presented on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["kind", "year", "title_az", "title_en", "title_ru", "status"], PUB),
        **dict.fromkeys(
            ["dataset", "previous_dataset", "approved_at", "approved_by", "submitted_on", "presented_on"], INT
        ),
        "published_at": PUB,
    }

    class Meta:
        ordering = ["-year", "kind"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [
            ("prepare_reports", _("Make statistics datasets and prepare the annual and NPM reports")),
            ("approve_reports", _("Approve, submit, present and publish reports; publish datasets")),
        ]
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="reports_report_once_a_year")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("reports:report_detail", args=[self.public_id])


class Narrative(BaseModel):
    """The text of one chapter of a report, in az/en/ru. Figures are written as references
    (`{{applications.by_channel:post}}`) and rendered from the report's dataset."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="narratives", verbose_name=_("report"))
    chapter = models.CharField(_("chapter"), max_length=40)
    text_az = models.TextField(_("text (az)"), blank=True)
    text_en = models.TextField(_("text (en)"), blank=True)
    text_ru = models.TextField(_("text (ru)"), blank=True)

    DATA_CLASSES = {**BaseModel.DATA_CLASSES, **dict.fromkeys(["report", "chapter"], INT)}
    # The text is checked before publication like any report text: internal until published.
    DATA_CLASSES.update(dict.fromkeys(["text_az", "text_en", "text_ru"], INT))

    class Meta:
        ordering = ["report", "chapter"]
        verbose_name = _("chapter text")
        verbose_name_plural = _("chapter texts")
        constraints = [models.UniqueConstraint(fields=["report", "chapter"], name="reports_narrative_once")]

    def __str__(self) -> str:
        return f"{self.report} — {self.chapter}"


class Recipient(BaseModel):
    """A body the report is sent to (Art 14: the President; copies to the Cabinet of Ministers, the
    Constitutional Court, the Supreme Court and the Prosecutor General), with its cover letter."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("report"))
    authority = models.ForeignKey(
        "core.Authority", on_delete=models.PROTECT, related_name="+", verbose_name=_("recipient")
    )
    role = models.CharField(_("as"), max_length=10, choices=c.RecipientRole.choices, default="copy")
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    reference = models.CharField(_("outgoing reference"), max_length=100, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["report", "authority", "role", "sent_on", "reference"], INT),
    }

    class Meta:
        ordering = ["report", "role", "id"]
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        constraints = [models.UniqueConstraint(fields=["report", "authority"], name="reports_recipient_once")]

    def __str__(self) -> str:
        return str(self.authority)


class Generation(BaseModel):
    """One run of the background job that renders a report as PDF or DOCX in one language; the
    page polls it for the progress bar. The finished file is an `core.Attachment` on it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="generations", verbose_name=_("report"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    output = models.CharField(_("format"), max_length=5, choices=c.OutputFormat.choices)
    state = models.CharField(_("state"), max_length=8, choices=c.GenerationState.choices, default="queued")
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    message = models.TextField(_("message"), blank=True)
    dataset_hash = models.CharField(max_length=64, blank=True)
    file = models.ForeignKey(
        "core.Attachment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("file")
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "report",
                "language",
                "output",
                "state",
                "progress",
                "step",
                "message",
                "dataset_hash",
                "file",
                "finished_at",
            ],
            INT,
        ),
    }

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")

    def __str__(self) -> str:
        return f"{self.report} ({self.language}, {self.output})"

    @property
    def is_active(self) -> bool:
        return self.state in (c.GenerationState.QUEUED, c.GenerationState.RUNNING)


class EnteredFigure(BaseModel):
    """A yearly figure the system does not record itself (pardon petitions, persons received at
    field receptions, repatriations, elections), entered by staff with its source. A snapshot
    freezes it with the computed ones; the report marks it as entered, not counted."""

    year = models.PositiveSmallIntegerField(_("year"))
    measure = models.CharField(_("figure"), max_length=80)
    category = models.CharField(_("category"), max_length=80, blank=True)
    value = models.PositiveIntegerField(_("value"))
    source = models.CharField(_("source"), max_length=300)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["year", "measure", "category", "value", "source"], INT),
    }

    class Meta:
        ordering = ["year", "measure", "category"]
        verbose_name = _("entered figure")
        verbose_name_plural = _("entered figures")
        constraints = [
            models.UniqueConstraint(fields=["year", "measure", "category"], name="reports_entered_figure_once")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.measure}:{self.category} = {self.value}"

"""The portal's own records: news, the staff-edited pages, the accessibility statement and the
drafts of online applications. Everything else the public sees is read from the other apps
(published datasets and reports, the recommendation tracker) or goes through their services
(an online application is filed by `complaints`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.core.data_classes import DataClass
from ombuds.core.fields import EncryptedTextField
from ombuds.core.i18n import pick
from ombuds.core.models import BaseModel, Region, TranslatedName
from ombuds.portal import choices as c

PUB, INT, CONF = DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL
LANGUAGES = ("az", "en", "ru")


class TranslatedText(models.Model):
    """A title and a text in az, en and ru. Any language may be missing: the page says so and links
    the languages that exist (`languages()`)."""

    title_az = models.CharField(_("title (Azerbaijani)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    body_az = models.TextField(_("text (Azerbaijani)"), blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    body_ru = models.TextField(_("text (Russian)"), blank=True)

    DATA_CLASSES = dict.fromkeys(["title_az", "title_en", "title_ru", "body_az", "body_en", "body_ru"], PUB)

    class Meta:
        abstract = True

    def languages(self) -> list[str]:
        """The languages this text is written in (a title and a text both present)."""
        return [code for code in LANGUAGES if getattr(self, f"title_{code}") and getattr(self, f"body_{code}")]

    def title(self, language: str | None = None) -> str:
        return pick(self, "title", language)

    def body(self, language: str | None = None) -> str:
        return pick(self, "body", language)


class NewsTag(TranslatedName):
    code = models.SlugField(_("code"), max_length=60, unique=True)

    DATA_CLASSES = {**TranslatedName.DATA_CLASSES, "code": PUB}

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        ordering = ["code"]


class NewsItem(TranslatedText, BaseModel):
    """One news item. Public only once published; `reads` is the privacy-respecting counter
    (ombuds/portal/reads.py) and `reads_before` what the earlier site had counted."""

    slug = models.SlugField(_("address"), max_length=120, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=c.NewsStatus.choices, default=c.NewsStatus.DRAFT)
    published_on = models.DateField(_("date"), null=True, blank=True)
    summary_az = models.CharField(_("summary (Azerbaijani)"), max_length=500, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=500, blank=True)
    summary_ru = models.CharField(_("summary (Russian)"), max_length=500, blank=True)
    tags = models.ManyToManyField(NewsTag, blank=True, related_name="news", verbose_name=_("tags"))
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    # The action-plan event the item reports on, and the outreach draft it was made from.
    event = models.ForeignKey(
        "outreach.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("event")
    )
    source_draft = models.OneToOneField(
        "outreach.NewsDraft",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_item",
        verbose_name=_("made from the news draft"),
    )
    reads = models.PositiveIntegerField(_("read"), default=0, editable=False)
    reads_before = models.PositiveIntegerField(_("read on the earlier site"), default=0)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **TranslatedText.DATA_CLASSES,
        **dict.fromkeys(
            ["slug", "published_on", "summary_az", "summary_en", "summary_ru", "tags", "region", "reads"], PUB
        ),
        **dict.fromkeys(["status", "event", "source_draft", "reads_before", "reviewed_by", "published_by"], INT),
    }

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        permissions = [
            ("edit_content", _("Write the portal's news items and pages")),
            ("publish_content", _("Approve, publish and withdraw the portal's news items and pages")),
        ]
        indexes = [models.Index(fields=["status", "-published_on"], name="portal_news_public")]

    def __str__(self) -> str:
        return self.title()

    def get_absolute_url(self) -> str:
        """The item's staff page (the public one is `portal:news_detail`, by slug, once published)."""
        return reverse("portal_staff:news_edit", args=[self.public_id])

    @property
    def read_total(self) -> int:
        return self.reads + self.reads_before

    def summary(self, language: str | None = None) -> str:
        return pick(self, "summary", language)


class NewsImage(BaseModel):
    """An image of a news item: the file is a core Attachment owned by the item; the alternative
    text is required in every language the item is written in (checked by the service)."""

    news = models.ForeignKey(NewsItem, on_delete=models.CASCADE, related_name="images", verbose_name=_("news item"))
    attachment = models.OneToOneField(
        "core.Attachment", on_delete=models.PROTECT, related_name="+", verbose_name=_("file")
    )
    alt_az = models.CharField(_("text alternative (Azerbaijani)"), max_length=300)
    alt_en = models.CharField(_("text alternative (English)"), max_length=300, blank=True)
    alt_ru = models.CharField(_("text alternative (Russian)"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["news", "attachment", "alt_az", "alt_en", "alt_ru", "sort_order"], PUB),
    }

    class Meta:
        verbose_name = _("news image")
        verbose_name_plural = _("news images")
        ordering = ["sort_order", "pk"]

    def alt(self, language: str | None = None) -> str:
        return pick(self, "alt", language)


class Page(TranslatedText, BaseModel):
    """A staff-edited page (mandate, how to apply, the NPM, Nakhchivan, the accessibility statement).
    What is published is a copy of the texts (`published_*`), so an edit in progress never shows."""

    slug = models.SlugField(_("page"), max_length=40, unique=True, choices=c.PageSlug.choices)
    published = models.JSONField(_("published text"), default=dict, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **TranslatedText.DATA_CLASSES,
        "slug": PUB,
        "published": PUB,
        "published_at": PUB,
        "published_by": INT,
    }

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.get_slug_display()


class AccessibilityStatement(BaseModel):
    """The fields of the EU model accessibility statement (Implementing Decision (EU) 2018/1523).
    One row; the statement page renders it beside the page text; reviewed within 12 months."""

    compliance = models.CharField(
        _("compliance status"), max_length=8, choices=c.Compliance.choices, default=c.Compliance.PARTIAL
    )
    standard = models.CharField(_("standard"), max_length=120, default="WCAG 2.2 AA")
    non_accessible_az = models.TextField(
        _("non-accessible content, reasons and alternatives (Azerbaijani)"), blank=True
    )
    non_accessible_en = models.TextField(_("non-accessible content, reasons and alternatives (English)"), blank=True)
    non_accessible_ru = models.TextField(_("non-accessible content, reasons and alternatives (Russian)"), blank=True)
    prepared_on = models.DateField(_("statement prepared on"))
    reviewed_on = models.DateField(_("last reviewed on"))
    method_az = models.TextField(_("how the site was assessed (Azerbaijani)"), blank=True)
    method_en = models.TextField(_("how the site was assessed (English)"), blank=True)
    method_ru = models.TextField(_("how the site was assessed (Russian)"), blank=True)
    feedback_email = models.EmailField(_("feedback e-mail"), blank=True)
    feedback_phone = models.CharField(_("feedback phone"), max_length=40, blank=True)
    enforcement_az = models.TextField(_("enforcement procedure (Azerbaijani)"), blank=True)
    enforcement_en = models.TextField(_("enforcement procedure (English)"), blank=True)
    enforcement_ru = models.TextField(_("enforcement procedure (Russian)"), blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "compliance",
                "standard",
                "non_accessible_az",
                "non_accessible_en",
                "non_accessible_ru",
                "prepared_on",
                "reviewed_on",
                "method_az",
                "method_en",
                "method_ru",
                "feedback_email",
                "feedback_phone",
                "enforcement_az",
                "enforcement_en",
                "enforcement_ru",
            ],
            PUB,
        ),
    }

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")


class ApplicationDraft(BaseModel):
    """An online application not yet sent, kept so that closing the browser loses nothing.

    The visitor holds a random token (in a cookie that lasts until the draft expires, and as a
    resume link); only its SHA-256 is stored. The answers are sealed (AEAD). Files are not kept in
    a draft: they are attached when the application is sent. Expired drafts are deleted by the
    periodic job `purge_application_drafts`."""

    token_digest = models.CharField(max_length=64, unique=True)
    data = EncryptedTextField(_("answers"))  # JSON of the form's fields
    language = models.CharField(_("language"), max_length=2, default="az")
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        "token_digest": INT,
        "data": CONF,
        "language": INT,
        "expires_at": INT,
    }

    class Meta:
        verbose_name = _("application draft")
        verbose_name_plural = _("application drafts")

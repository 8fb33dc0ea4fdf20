from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsStatus(models.TextChoices):
    """A news item is written, reviewed, then published by someone with PUBLISH; withdrawn hides it."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


NEWS_TRANSITIONS: dict[str, set[str]] = {
    NewsStatus.DRAFT: {NewsStatus.IN_REVIEW},
    NewsStatus.IN_REVIEW: {NewsStatus.DRAFT, NewsStatus.PUBLISHED},
    NewsStatus.PUBLISHED: {NewsStatus.WITHDRAWN},
    NewsStatus.WITHDRAWN: {NewsStatus.DRAFT},
}


class PageSlug(models.TextChoices):
    """The staff-edited pages; each exists once and is reached by its slug."""

    MANDATE = "mandate", _("Mandate")
    HOW_TO_APPLY = "how-to-apply", _("How to apply")
    NPM = "npm", _("National Preventive Mechanism")
    NAKHCHIVAN = "nakhchivan", _("Nakhchivan Autonomous Republic")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")


class Compliance(models.TextChoices):
    """The EU model accessibility statement's compliance status (Implementing Decision 2018/1523)."""

    FULL = "full", _("Fully compliant")
    PARTIAL = "partial", _("Partially compliant")
    NONE = "none", _("Not compliant")

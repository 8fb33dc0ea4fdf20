"""Fixed states and code lists of the reports app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    """What one counted thing is. Units are never mixed in one table (reports-and-portal.md 2.6)."""

    APPEAL = "appeal", _("appeals")
    PERSON = "person", _("persons")
    CALL = "call", _("calls")
    VISIT = "visit", _("visits")
    PLACE = "place", _("places")
    INTERVIEW = "interview", _("interviews")
    FINDING = "finding", _("findings")
    RECOMMENDATION = "recommendation", _("recommendations")
    INFO_REQUEST = "info_request", _("information requests")
    INCIDENT = "incident", _("incidents")
    CASE = "case", _("cases")
    EVENT = "event", _("events")
    PARTICIPANT = "participant", _("participants")
    PETITION = "petition", _("petitions")
    POSTER = "poster", _("posters")
    DEADLINE = "deadline", _("terms")  # a legal or institutional term (core.Deadline) on a record
    DAY = "day", _("days")
    PERCENT = "percent", _("per cent")


class DatasetStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (staff only)")
    PUBLISHED = "published", _("Published")


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Annual report (Constitutional Law, Art. 14)")
    NPM = "npm", _("NPM report (OPCAT, Art. 23)")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved by the Commissioner")
    SUBMITTED = "submitted", _("Submitted")
    PRESENTED = "presented", _("Presented to the Milli Majlis")
    PUBLISHED = "published", _("Published")


class RecipientRole(models.TextChoices):
    """Who receives the report (Art. 14: to the President, copies to four bodies)."""

    ADDRESSEE = "addressee", _("Addressee")
    COPY = "copy", _("Copy")


class OutputFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"


class GenerationState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being generated")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")

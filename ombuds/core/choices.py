from django.db import models
from django.utils.translation import gettext_lazy as _


class DistrictKind(models.TextChoices):
    CITY = "city", _("City of republican significance")
    DISTRICT = "district", _("District")
    AUTONOMOUS_REPUBLIC_UNIT = "autonomous_republic_unit", _("Unit of the Nakhchivan Autonomous Republic")


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Non-working holiday")
    TRANSFER_REST_DAY = "transfer_rest_day", _("Transferred rest day")
    TRANSFER_WORKING_DAY = "transfer_working_day", _("Transferred working day")


class TermUnit(models.TextChoices):
    HOURS = "hours", _("hours")
    DAYS = "days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    MONTHS = "months", _("months")
    YEARS = "years", _("years")


class BasisCertainty(models.TextChoices):
    """How sure we are of a rule's legal basis (domain.md legend)."""

    VERIFIED = "verified", _("Verified in the cited text")
    NAKHCHIVAN = "nakhchivan", _("Verified only in the Nakhchivan AR law")
    UNVERIFIED = "unverified", _("Unverified: confirm before relying on it")
    DESIGN = "design", _("Design choice, not law")


class DeadlineStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    PAUSED = "paused", _("Paused")
    MET = "met", _("Met")
    OVERDUE = "overdue", _("Overdue")
    CANCELLED = "cancelled", _("Cancelled")


class AuthorityKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    STATE_COMMITTEE = "state_committee", _("State committee")
    STATE_SERVICE = "state_service", _("State service")
    AGENCY = "agency", _("Agency")
    COURT = "court", _("Court")
    PROSECUTION = "prosecution", _("Prosecution")
    LOCAL_EXECUTIVE = "local_executive", _("Local executive authority")
    MUNICIPALITY = "municipality", _("Municipality")
    OTHER = "other", _("Other public body")


class ImportState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Finished")
    REFUSED = "refused", _("Refused: the file cannot be read")
    FAILED = "failed", _("Stopped by an error: import the same file again to continue")

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    POST = "post", _("Post")
    WALK_IN = "walk_in", _("Walk-in at the Reception Centre")
    REGIONAL_OFFICE = "regional_office", _("Walk-in at a regional centre")
    EMAIL = "email", _("E-mail")
    ONLINE = "online", _("Online form")
    CALL_916 = "call_916", _("916 call")
    TORTURE_HOTLINE = "torture_hotline", _("Torture-prevention hotline")
    DURING_VISIT = "during_visit", _("During a monitoring visit")
    OWN_INITIATIVE = "own_initiative", _("Own initiative")


class ApplicationType(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    PETITION = "petition", _("Petition")
    PROPOSAL = "proposal", _("Proposal")
    INFORMATION = "information", _("Request for information")


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("Natural person")
    LEGAL_ENTITY = "legal_entity", _("Legal entity")
    ANONYMOUS = "anonymous", _("Anonymous")


class Citizenship(models.TextChoices):
    AZ = "az", _("Citizen of Azerbaijan")
    FOREIGN = "foreign", _("Foreign citizen")
    STATELESS = "stateless", _("Stateless person")
    UNKNOWN = "unknown", _("Not stated")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNKNOWN = "unknown", _("Not stated")


class CourtStatus(models.TextChoices):
    NONE = "none", _("No court proceedings")
    PENDING = "pending", _("Court proceedings pending on the merits")
    DECIDED = "decided", _("Decided by a court")


class Sensitivity(models.TextChoices):
    NORMAL = "normal", _("Normal")
    SENSITIVE = "sensitive", _("Sensitive")
    HIGHLY_SENSITIVE = "highly_sensitive", _("Highly sensitive (secret tier)")


class DisclosureConsent(models.TextChoices):
    NONE = "none", _("Identity may not be disclosed")
    TO_AUTHORITY = "to_authority", _("May be disclosed to the authority concerned")
    PUBLIC = "public", _("May be made public")


class Status(models.TextChoices):
    """domain.md §3.1. The admissibility decision and the conclusion are recorded alongside."""

    REGISTERED = "registered", _("Registered")
    INFO_REQUESTED = "info_requested", _("Information requested from the applicant")
    REFUSED = "refused", _("Refused")
    REFERRED = "referred", _("Referred to another body")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    CONCLUDED = "concluded", _("Concluded")
    APPLICANT_NOTIFIED = "applicant_notified", _("Applicant notified")
    CLOSED = "closed", _("Closed")


# Allowed transitions; every other move is refused by the services (and tested).
TRANSITIONS: dict[str, set[str]] = {
    Status.REGISTERED: {Status.INFO_REQUESTED, Status.REFUSED, Status.REFERRED, Status.UNDER_CONSIDERATION},
    Status.INFO_REQUESTED: {Status.REFUSED, Status.REFERRED, Status.UNDER_CONSIDERATION},
    Status.REFUSED: {Status.CLOSED},
    Status.REFERRED: {Status.CLOSED},
    Status.UNDER_CONSIDERATION: {Status.CONCLUDED},
    Status.CONCLUDED: {Status.APPLICANT_NOTIFIED},
    Status.APPLICANT_NOTIFIED: {Status.CLOSED},
    Status.CLOSED: {Status.UNDER_CONSIDERATION},  # reopening, only with new facts
}

# Until triage (the admissibility decision) an application is still "in intake": the operator
# who registered it may see it; afterwards only the case-handling scopes apply.
INTAKE_STATUSES = {Status.REGISTERED, Status.INFO_REQUESTED}


class RefusalGround(models.TextChoices):
    TIME_BARRED = "time_barred", _("Submitted after the one-year time limit")
    ANONYMOUS = "anonymous", _("Anonymous without sufficient evidence")
    OUTSIDE_MANDATE = "outside_mandate", _("Outside the Commissioner's competence")
    COURT_PENDING = "court_pending", _("Court proceedings pending on the merits")
    REPEAT = "repeat", _("Repeat application without new facts")


class Outcome(models.TextChoices):
    VIOLATION_FOUND = "violation_found", _("Violation found")
    RIGHTS_RESTORED = "rights_restored", _("Resolved: rights restored")
    NOT_CONFIRMED = "not_confirmed", _("Violation not confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn by the applicant")
    DISCONTINUED_COURT = "discontinued_court", _("Discontinued: a court took up the matter")
    EXPLANATION = "explanation", _("Explanation or legal advice given")


class MeasureKind(models.TextChoices):
    LETTER = "letter", _("Letter to the authority")
    URGENT = "urgent", _("Urgent measure")
    RECOMMENDATION = "recommendation", _("Recommendation")


# The kinds a handler records by hand. A recommendation measure is recorded by the recommendations
# register when a recommendation is drafted from the case, and names it by number.
MANUAL_MEASURE_KINDS = [(value, label) for value, label in MeasureKind.choices if value != MeasureKind.RECOMMENDATION]


class InfoRequestBasis(models.TextChoices):
    ACCESS_TO_INFORMATION = "access_to_information", _("Access-to-information matter (5 working days)")
    GENERAL = "general", _("Other matter")


class InfoRequestStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    OVERDUE = "overdue", _("Overdue")
    REMINDED = "reminded", _("Reminder sent")
    ANSWERED = "answered", _("Answered")
    ESCALATED = "escalated", _("Escalated")


class ReplyChannel(models.TextChoices):
    """How an authority's reply to an information request arrived."""

    LETTER = "letter", _("Letter, entered by staff")
    EMAIL = "email", _("E-mail, entered by staff")
    PORTAL = "portal", _("Authority portal")

"""Fixed states and codes of recommendations (domain.md §1.4, §2, §3.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    VISIT = "visit", _("Monitoring visit")
    APPLICATION = "application", _("Application (violation found)")
    THEMATIC_REPORT = "thematic_report", _("Thematic report")
    ANNUAL_REPORT = "annual_report", _("Annual report")


class Kind(models.TextChoices):
    AFTER_VISIT = "after_visit", _("After a visit")
    THEMATIC = "thematic", _("Thematic")
    URGENT = "urgent", _("Urgent")
    LEGISLATIVE = "legislative", _("Legislative")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Status(models.TextChoices):
    """domain.md §3.3. "Reported implemented, unverified" is the authority's own claim: only a
    verification (follow-up visit, document, staff check of the report) makes it implemented."""

    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued, awaiting response")
    ACCEPTED = "accepted", _("Accepted by the authority")
    REJECTED = "rejected", _("Rejected by the authority")
    NO_RESPONSE = "no_response", _("No response")
    IN_PROGRESS = "in_progress", _("Implementation in progress")
    REPORTED_IMPLEMENTED = "reported_implemented", _("Reported implemented, unverified")
    IMPLEMENTED = "implemented", _("Implemented")
    PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partly implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    NO_LONGER_RELEVANT = "no_longer_relevant", _("No longer relevant")


S = Status
# Not implemented and partly implemented stay open to follow-up (and may be repeated); implemented
# and no longer relevant end the follow-up.
CLOSED = frozenset({S.IMPLEMENTED, S.NO_LONGER_RELEVANT})
OPEN = frozenset(set(S) - CLOSED - {S.DRAFT})
ASSESSED = frozenset({S.IMPLEMENTED, S.PARTIALLY_IMPLEMENTED, S.NOT_IMPLEMENTED})
# A repeat answers an earlier recommendation that was not, or only partly, implemented.
REPEATABLE = frozenset({S.NOT_IMPLEMENTED, S.PARTIALLY_IMPLEMENTED})
# The implementation outcomes a verification may record.
_OUTCOMES = {S.IMPLEMENTED, S.PARTIALLY_IMPLEMENTED, S.NOT_IMPLEMENTED}
_REPORTED = {S.IN_PROGRESS, S.REPORTED_IMPLEMENTED}

TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.ISSUED, S.NO_LONGER_RELEVANT},
    S.ISSUED: {S.ACCEPTED, S.REJECTED, S.NO_RESPONSE, *_REPORTED, *_OUTCOMES, S.NO_LONGER_RELEVANT},
    S.NO_RESPONSE: {S.ACCEPTED, S.REJECTED, *_REPORTED, *_OUTCOMES, S.NO_LONGER_RELEVANT},
    S.ACCEPTED: {*_REPORTED, *_OUTCOMES, S.NO_LONGER_RELEVANT},
    S.REJECTED: {S.ACCEPTED, *_REPORTED, *_OUTCOMES, S.NO_LONGER_RELEVANT},
    S.IN_PROGRESS: {S.REPORTED_IMPLEMENTED, *_OUTCOMES, S.NO_LONGER_RELEVANT},
    S.REPORTED_IMPLEMENTED: {S.IN_PROGRESS, *_OUTCOMES, S.NO_LONGER_RELEVANT},
    S.PARTIALLY_IMPLEMENTED: {*_REPORTED, *_OUTCOMES - {S.PARTIALLY_IMPLEMENTED}, S.NO_LONGER_RELEVANT},
    S.NOT_IMPLEMENTED: {*_REPORTED, *_OUTCOMES - {S.NOT_IMPLEMENTED}, S.NO_LONGER_RELEVANT},
    S.IMPLEMENTED: set(),
    S.NO_LONGER_RELEVANT: set(),
}


class Stance(models.TextChoices):
    """What the authority's response says."""

    ACCEPTS = "accepts", _("Accepts the recommendation")
    REJECTS = "rejects", _("Rejects the recommendation")
    PROGRESS = "progress", _("Reports progress")
    IMPLEMENTED = "implemented", _("Reports it implemented")


# The status an authority's response leads to (never "implemented": that needs verification).
STANCE_STATUS = {
    Stance.ACCEPTS: S.ACCEPTED,
    Stance.REJECTS: S.REJECTED,
    Stance.PROGRESS: S.IN_PROGRESS,
    Stance.IMPLEMENTED: S.REPORTED_IMPLEMENTED,
}


# A repeated report of progress or of implementation is news (what was done since); accepting or
# rejecting again is not.
_REPEATABLE_STANCES = {S.IN_PROGRESS: Stance.PROGRESS, S.REPORTED_IMPLEMENTED: Stance.IMPLEMENTED}


def answerable_stances(status: str) -> list[str]:
    """The stances an authority may answer with in `status` (what the portal offers and takes):
    those the state machine leads on from it, and a new report of what is already reported."""
    if status == S.DRAFT or status in CLOSED:
        return []
    following = TRANSITIONS.get(status, set())
    return [
        stance
        for stance in Stance
        if STANCE_STATUS[stance] in following or _REPEATABLE_STANCES.get(status) == stance  # type: ignore[call-overload]
    ]


class ResponseChannel(models.TextChoices):
    LETTER = "letter", _("Letter")
    EMAIL = "email", _("E-mail")
    MEETING = "meeting", _("Meeting")
    PORTAL = "portal", _("Authority portal")


class Evidence(models.TextChoices):
    """What a status change rests on (domain.md §3.3: verification sources)."""

    AUTHORITY_RESPONSE = "authority_response", _("Authority's response")
    DOCUMENT = "document", _("Document")
    FOLLOW_UP_VISIT = "follow_up_visit", _("Follow-up visit")
    AUTHORITY_REPORT_VERIFIED = "authority_report", _("Authority's report, verified by staff")
    STAFF_DECISION = "staff_decision", _("Staff decision")
    CLOCK = "clock", _("Response term ran out")


# Implemented is reached only through one of these: the authority's word alone is not enough.
VERIFICATION_SOURCES = frozenset({Evidence.DOCUMENT, Evidence.FOLLOW_UP_VISIT, Evidence.AUTHORITY_REPORT_VERIFIED})


class Escalation(models.TextChoices):
    """Steps taken when a recommendation is not implemented (APT follow-up practice)."""

    REMINDER_LETTER = "reminder_letter", _("Reminder letter")
    MEETING = "meeting", _("Meeting with the authority")
    PARLIAMENT = "parliament", _("Report to the Milli Majlis")
    PUBLIC_STATEMENT = "public_statement", _("Public statement")


class Observed(models.TextChoices):
    """What a follow-up visit found for an open recommendation."""

    IMPLEMENTED = "implemented", _("Implemented")
    PARTIALLY_IMPLEMENTED = "partially_implemented", _("Partly implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    NO_LONGER_RELEVANT = "no_longer_relevant", _("No longer relevant")
    NOT_ASSESSED = "not_assessed", _("Not assessed on this visit")


SMART = (
    ("specific", _("Specific: it says exactly what should change")),
    ("measurable", _("Measurable: it can be seen whether it was done")),
    ("achievable", _("Achievable by the addressee")),
    ("relevant", _("Relevant: it answers the finding's root cause")),
    ("time_bound", _("Time-bound: it has a due date")),
)

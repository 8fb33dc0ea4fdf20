"""Issuing, the authority's responses, verified outcomes and publication (domain.md §3.3)."""

from __future__ import annotations

from datetime import date, datetime, time
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ombuds.accounts.choices import RoleCode, UserKind
from ombuds.accounts.scoping import answers_for
from ombuds.core import audit, deadlines, notifications, uploads
from ombuds.core.clock import WorkingCalendar, due_after
from ombuds.core.i18n import CONTENT_LANGUAGES
from ombuds.core.models import DeadlineRule
from ombuds.core.services import lock, move, require, save
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import AuthorityResponse, Recommendation, StatusChange
from ombuds.recommendations.permissions import ISSUE, MANAGE, PUBLISH
from ombuds.recommendations.services.drafting import _visible

RESPONSE_RULE = "recommendation_response"
URGENT_RESPONSE_RULE = "recommendation_response_urgent"
IMPLEMENTATION_RULE = "recommendation_implementation"
RESPONSE_RULES = (RESPONSE_RULE, URGENT_RESPONSE_RULE)


def _today() -> date:
    return timezone.localdate()


def _change(
    actor,
    rec: Recommendation,
    target: str,
    *,
    evidence: str,
    happened_on: date | None = None,
    note: str = "",
    response: AuthorityResponse | None = None,
    visit=None,
    document=None,
) -> StatusChange:
    """Move `rec` (locked by the caller) to `target` and write the dated history line."""
    happened_on = happened_on or _today()
    if happened_on > _today():
        raise ValidationError({"happened_on": _("The date cannot be in the future.")})
    old = move(rec, target, c.TRANSITIONS)
    rec.status_changed_on = happened_on
    save(rec, actor, "status", "status_changed_on")
    change = StatusChange.objects.create(
        recommendation=rec,
        old_status=old,
        new_status=target,
        happened_on=happened_on,
        evidence=evidence,
        note=note.strip(),
        response=response,
        visit=visit,
        document=document,
        created_by=actor,
        updated_by=actor,
    )
    audit.record(
        "recommendations.recommendation.status_changed",
        actor=actor,
        obj=rec,
        changes={"status": [old, target], "evidence": evidence, "on": happened_on.isoformat()},
    )
    if target in c.CLOSED:
        # Nothing awaits the authority's answer any longer.
        for deadline in deadlines.open_for(rec, *RESPONSE_RULES):
            deadlines.close_deadline(actor, deadline, cancelled=True)
    return change


def implementation_due(issued_on: date, cal: WorkingCalendar | None = None, rule: DeadlineRule | None = None) -> date:
    """The due date from the legal clock's implementation rule (configurable, a design default).
    An import passes the rule and the calendar it loaded once, instead of reading them per row."""
    rule = rule or DeadlineRule.objects.get(code=IMPLEMENTATION_RULE)
    start = timezone.make_aware(datetime.combine(issued_on, time(9)))
    due = due_after(start, rule.term, rule.unit, roll=rule.roll_to_working_day, cal=cal or WorkingCalendar.load())
    return timezone.localtime(due).date()


@transaction.atomic
def issue_recommendation(
    actor,
    rec: Recommendation,
    *,
    language: str = "",
    due_date: date | None = None,
    due_reason: str = "",
    issued_on: date | None = None,
) -> Recommendation:
    """Approved and issued by the NPM lead or the Commissioner (or a unit head for its own cases):
    the letter is sent in the addressee's language, the response clock starts and the due date is
    fixed — from the legal clock unless the drafter set it by hand with a reason. `issued_on`
    records a letter that left on an earlier day (imports, demo); the clocks count from it."""
    require(actor, ISSUE)
    rec = lock(rec, "addressee")
    _visible(actor, Recommendation, rec)
    if due_date is not None:
        if not due_reason.strip():
            raise ValidationError({"due_reason": _("Say why the due date is set by hand.")})
        rec.due_date, rec.due_set_by_hand, rec.due_reason = due_date, True, due_reason.strip()
    language = language or rec.letter_language or "az"
    if language not in CONTENT_LANGUAGES:
        raise ValidationError({"language": _("Choose a language of the letter.")})
    if language != "az" and not getattr(rec, f"text_{language}"):
        raise ValidationError({"language": _("The recommendation has no text in the letter's language yet.")})
    from ombuds.recommendations.publication import check_letter

    check_letter(rec)
    today = issued_on or _today()
    if today > _today():
        raise ValidationError({"issued_on": _("The date cannot be in the future.")})
    old = move(rec, c.Status.ISSUED, c.TRANSITIONS)
    rec.issued_on, rec.issued_by, rec.letter_language, rec.status_changed_on = today, actor, language, today
    if not rec.due_set_by_hand:
        rec.due_date = implementation_due(today)
    if rec.due_date is not None and rec.due_date <= today:
        raise ValidationError({"due_date": _("The due date must be after the day of issue.")})
    save(
        rec,
        actor,
        "status",
        "issued_on",
        "issued_by",
        "letter_language",
        "status_changed_on",
        "due_date",
        "due_set_by_hand",
        "due_reason",
    )
    rule = URGENT_RESPONSE_RULE if rec.kind == c.Kind.URGENT else RESPONSE_RULE
    start = timezone.make_aware(datetime.combine(today, time(9))) if issued_on else None
    deadlines.start_deadline(actor, rec, rule, responsible=rec.responsible, start=start)
    # The letter as sent (its response date comes from the clock just started) is kept with the
    # recommendation and linked from the history line. A letter that left on an earlier day
    # (imports, demo) was not written here: there is nothing to keep.
    from ombuds.recommendations import letters  # the letter reads this module's rule codes

    letter = None if issued_on else uploads.store(actor, rec, letters.sent_letter_file(rec))
    StatusChange.objects.create(
        recommendation=rec,
        old_status=old,
        new_status=c.Status.ISSUED,
        happened_on=today,
        evidence=c.Evidence.STAFF_DECISION,
        note=_("Issued; letter in %(language)s.") % {"language": language},
        document=letter,
        created_by=actor,
        updated_by=actor,
    )
    audit.record(
        "recommendations.recommendation.issued",
        actor=actor,
        obj=rec,
        changes={
            "status": [old, rec.status],
            "issued_on": today.isoformat(),
            "due_date": rec.due_date.isoformat() if rec.due_date else None,
        },
    )
    if rec.responsible_id and rec.responsible_id != getattr(actor, "pk", None):
        notifications.notify(
            rec.responsible,
            "recommendations.recommendation.issued",
            {"number": rec.number},
            rec.get_absolute_url(),
        )
    return rec


@transaction.atomic
def issue_visit_recommendations(actor, visit, *, language: str = "") -> list[Recommendation]:
    """Issue every draft of a visit and move the visit to "recommendations issued": the visit's
    step is reached only through this (monitoring refuses it while a draft is left)."""
    from ombuds.monitoring import services as monitoring
    from ombuds.monitoring.choices import VisitStatus

    require(actor, ISSUE)
    drafts = list(Recommendation.objects.filter(visit=visit, status=c.Status.DRAFT).order_by("sequence"))
    if not drafts and not Recommendation.objects.filter(visit=visit).exists():
        raise ValidationError(_("Draft the recommendations of this visit first."))
    issued = [issue_recommendation(actor, rec, language=language) for rec in drafts]
    if visit.status == VisitStatus.REPORT_FINAL:
        monitoring.advance_visit(actor, visit, VisitStatus.RECOMMENDATIONS_ISSUED)
    return issued


# A response carries the letter received or a few files of evidence, not an archive.
MAX_RESPONSE_FILES = 10


def _response_gate(actor, rec: Recommendation) -> bool:
    """Whether `actor` answers for the addressee through its portal (`accounts.scoping.answers_for`,
    in place of the staff permission); otherwise the staff permission and the record's scope."""
    if answers_for(actor, rec.addressee_id):
        return True
    require(actor, MANAGE)
    return False


@transaction.atomic
def record_response(
    actor,
    rec: Recommendation,
    *,
    stance: str,
    received_on: date | None = None,
    text: str,
    channel: str = c.ResponseChannel.LETTER,
    reference: str = "",
    uploaded=None,
    files=(),
) -> AuthorityResponse:
    """The authority answered: the response is kept, its clock stops, and the status follows what
    it says — never "implemented": the authority's own claim gives "reported implemented,
    unverified" until staff verify it. `uploaded`, the letter or file received, and `files`, more
    of them, are kept with the response (safe upload, in the same transaction).

    Staff record what came by letter, e-mail or at a meeting. A focal point of the addressee
    (`accounts.scoping.answers_for`) answers itself: the channel is then the portal and the date
    today, only a stance the present state allows is taken (a repeated report of progress or of
    implementation is; accepting twice is not), and the responsible staff member is told."""
    portal = _response_gate(actor, rec)
    rec = lock(rec)
    if portal:
        if not answers_for(actor, rec.addressee_id):  # the addressee changed meanwhile
            raise PermissionDenied
        channel, received_on = c.ResponseChannel.PORTAL, _today()
    else:
        _visible(actor, Recommendation, rec)
        if channel == c.ResponseChannel.PORTAL:  # the portal's answers are the focal point's own, with a receipt
            raise ValidationError({"channel": _("Only the authority's focal point answers through the portal.")})
    if not text.strip():
        raise ValidationError({"text": _("Enter the response.")})
    if stance not in c.Stance.values:
        raise ValidationError({"stance": _("Say what the authority answered.")})
    if rec.status in (c.Status.DRAFT, *c.CLOSED):
        raise ValidationError(_("This recommendation does not await a response."))
    if portal and stance not in c.answerable_stances(rec.status):
        raise ValidationError(
            {
                "stance": _("In its present state (%(status)s) the recommendation cannot be answered so.")
                % {"status": rec.get_status_display()}
            }
        )
    if received_on is None:
        raise ValidationError({"received_on": _("Enter the date the response was received.")})
    if received_on > _today():
        raise ValidationError({"received_on": _("The date cannot be in the future.")})
    if rec.issued_on and received_on < rec.issued_on:
        raise ValidationError({"received_on": _("The response cannot come before the recommendation was issued.")})
    files = [f for f in (uploaded, *files) if f is not None]
    if len(files) > MAX_RESPONSE_FILES:
        raise ValidationError({"files": _("Attach at most %(count)s files.") % {"count": MAX_RESPONSE_FILES}})
    response = AuthorityResponse.objects.create(
        recommendation=rec,
        received_on=received_on,
        stance=stance,
        text=text.strip(),
        channel=channel,
        reference=reference.strip(),
        created_by=actor,
        updated_by=actor,
    )
    for file in files:
        uploads.store(actor, response, file)
    target = c.STANCE_STATUS[c.Stance(stance)]
    if target != rec.status and target in c.TRANSITIONS.get(rec.status, set()):
        _change(actor, rec, target, evidence=c.Evidence.AUTHORITY_RESPONSE, happened_on=received_on, response=response)
    audit.record(
        "recommendations.authorityresponse.recorded",
        actor=actor,
        obj=response,
        changes={"recommendation": rec.number, "stance": stance, "channel": channel, "files": len(files)},
    )
    deadlines.close_for(actor, rec, *RESPONSE_RULES)
    if portal:
        _tell_staff_of_portal_answer(rec, stance)
    elif target == c.Status.REPORTED_IMPLEMENTED and rec.responsible_id:
        notifications.notify(
            rec.responsible,
            "recommendations.recommendation.reported_implemented",
            {"number": rec.number},
            rec.get_absolute_url(),
        )
    return response


def _tell_staff_of_portal_answer(rec: Recommendation, stance: str) -> None:
    """One notification per answer given online, once it is committed (to each of
    `_staff_to_tell`); a report of implementation asks them to verify it."""
    recipients = _staff_to_tell(rec)
    params: dict[str, str | dict[str, str]]
    if stance == c.Stance.IMPLEMENTED:
        kind, params = "recommendations.recommendation.reported_implemented", {"number": rec.number}
    else:
        kind = "recommendations.recommendation.answered_online"
        params = {"number": rec.number, "stance": _stance_labels(stance)}
    link = rec.get_absolute_url()
    for recipient in recipients:
        transaction.on_commit(partial(notifications.notify, recipient, kind, params, link))


def _staff_to_tell(rec: Recommendation) -> list:
    """Who hears of an authority's online answer: the responsible staff member, else the one who
    issued it, else the heads of its unit, else the Commissioner — an answer must reach someone
    (imported recommendations and those issued by the system have neither person)."""
    for person in (rec.responsible, rec.issued_by):
        if person is not None and person.is_active:
            return [person]
    staff = get_user_model().objects.filter(is_active=True, kind=UserKind.STAFF)
    if rec.unit_id:
        heads = list(staff.filter(org_unit=rec.unit_id, roles__code=RoleCode.DEPARTMENT_HEAD).distinct())
        if heads:
            return heads
    return list(staff.filter(roles__code=RoleCode.COMMISSIONER).distinct())


def _stance_labels(stance: str) -> dict[str, str]:
    """The stance's label in every language of the interface (a notification is read in its
    reader's language)."""
    labels = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            labels[code] = str(c.Stance(stance).label)
    return labels


@transaction.atomic
def record_outcome(
    actor,
    rec: Recommendation,
    status: str,
    *,
    evidence: str,
    happened_on: date | None = None,
    note: str = "",
    visit=None,
    document=None,
    uploaded=None,
) -> StatusChange:
    """Staff record the degree of implementation. Implemented needs a verification source: a
    follow-up visit, a document, or the authority's report checked by staff. The document is an
    Attachment of the recommendation (`document`), or a file `uploaded` now and stored as one."""
    require(actor, MANAGE)
    rec = lock(rec)
    _visible(actor, Recommendation, rec)
    if status not in c.ASSESSED | {c.Status.IN_PROGRESS}:
        raise ValidationError({"status": _("Choose implemented, partly implemented or not implemented.")})
    if evidence not in c.Evidence.values or evidence == c.Evidence.CLOCK:
        raise ValidationError({"evidence": _("Say what the assessment rests on.")})
    if status == c.Status.IMPLEMENTED and evidence not in c.VERIFICATION_SOURCES:
        raise ValidationError(
            {"evidence": _("Implemented needs a verification: a follow-up visit, a document or a checked report.")}
        )
    if evidence == c.Evidence.FOLLOW_UP_VISIT and visit is None:
        raise ValidationError({"visit": _("Choose the follow-up visit.")})
    if evidence == c.Evidence.DOCUMENT and document is None and uploaded is None:
        raise ValidationError({"document": _("Attach the document.")})
    if visit is not None:
        _check_follow_up_visit(actor, rec, visit)
    if document is not None and (
        document.content_type.model_class() is not Recommendation or document.object_id != rec.pk
    ):
        raise ValidationError({"document": _("Choose a document of this recommendation.")})
    if (
        evidence == c.Evidence.AUTHORITY_REPORT_VERIFIED
        and not rec.responses.filter(stance=c.Stance.IMPLEMENTED).exists()
    ):
        raise ValidationError({"evidence": _("The authority has not reported it implemented.")})
    if evidence == c.Evidence.DOCUMENT and uploaded is not None:
        document = uploads.store(actor, rec, uploaded)
    return _change(
        actor, rec, status, evidence=evidence, happened_on=happened_on, note=note, visit=visit, document=document
    )


def _check_follow_up_visit(actor, rec: Recommendation, visit) -> None:
    """A follow-up visit verifies only what it could see: a visit to one of the recommendation's
    places, after it was issued, that the actor may read, once the team has been on site."""
    from ombuds.monitoring.models import Visit

    _visible(actor, Visit, visit)
    if not rec.places.filter(pk=visit.place_id).exists():
        raise ValidationError({"visit": _("Choose a visit to a place the recommendation concerns.")})
    if visit.arrival_at is None:
        raise ValidationError({"visit": _("Choose a visit on which the team has been on site.")})


@transaction.atomic
def mark_no_longer_relevant(actor, rec: Recommendation, reason: str, *, happened_on: date | None = None):
    """From any open state, e.g. the place closed or the law changed."""
    require(actor, MANAGE)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    rec = lock(rec)
    _visible(actor, Recommendation, rec)
    return _change(
        actor,
        rec,
        c.Status.NO_LONGER_RELEVANT,
        evidence=c.Evidence.STAFF_DECISION,
        happened_on=happened_on,
        note=reason,
    )


@transaction.atomic
def publish_recommendation(actor, rec: Recommendation) -> Recommendation:
    """The Commissioner publishes it in the public tracker; nothing identifying an interviewee or
    an applicant without consent can be published (the visit's publication guard)."""
    from ombuds.recommendations.publication import check_publication

    require(actor, PUBLISH)
    rec = lock(rec)
    _visible(actor, Recommendation, rec)
    if rec.status == c.Status.DRAFT:
        raise ValidationError(_("A draft cannot be published."))
    if rec.is_published:
        return rec
    check_publication(rec)
    rec.is_published, rec.published_at = True, timezone.now()
    save(rec, actor, "is_published", "published_at")
    audit.record("recommendations.recommendation.published", actor=actor, obj=rec, changes={"published": True})
    return rec


@transaction.atomic
def unpublish_recommendation(actor, rec: Recommendation, reason: str) -> Recommendation:
    require(actor, PUBLISH)
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    rec = lock(rec)
    _visible(actor, Recommendation, rec)
    if not rec.is_published:
        return rec
    rec.is_published, rec.published_at = False, None
    save(rec, actor, "is_published", "published_at")
    audit.record(
        "recommendations.recommendation.unpublished",
        actor=actor,
        obj=rec,
        changes={"published": False, "reason": reason.strip()},
    )
    return rec

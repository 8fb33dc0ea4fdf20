"""The online application: drafts kept for a visitor, and the submission filed through complaints.

A public visitor has no account, so these services take no actor (audit events carry none).
A draft is found only by its random token, of which only the SHA-256 is stored; its answers are
sealed (ApplicationDraft.data). A submission is one transaction: the application is registered
through `complaints.services.intake.register_application` with channel "online", the files are
stored on it, the applicant's reference and PIN are issued, the draft is deleted and the form's
one-time token claimed. Only after the commit does the visitor see a receipt, and only then is the
e-mail copy sent.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ombuds.accounts.models import OrgUnit
from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, StatusKey
from ombuds.complaints.services.intake import register_application
from ombuds.complaints.services.status import issue_status_key
from ombuds.core import audit, uploads
from ombuds.core.models import DeadlineRule, District
from ombuds.portal.models import ApplicationDraft

log = logging.getLogger(__name__)
ONCE_PREFIX = "portal:apply:once:"


class AlreadySubmitted(Exception):
    """The same drawn form was sent before (back and resend, a double click): nothing is filed twice."""


@dataclass
class Submitted:
    application: Application
    key: StatusKey
    pin: str


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def draft_days() -> int:
    return int(settings.OMBUDS_APPLICATION_DRAFT_DAYS)


def find_application_draft(token: str) -> ApplicationDraft | None:
    """The unexpired draft a token opens, or None. Reads only."""
    if not token or len(token) > 100:
        return None
    return ApplicationDraft.objects.filter(token_digest=token_digest(token), expires_at__gt=timezone.now()).first()


def draft_answers(draft: ApplicationDraft) -> dict:
    try:
        answers = json.loads(draft.data or "{}")
    except ValueError:
        return {}
    return answers if isinstance(answers, dict) else {}


@transaction.atomic
def save_application_draft(answers: dict, *, language: str, token: str = "") -> tuple[ApplicationDraft, str]:
    """Keep a visitor's answers (never files) for `OMBUDS_APPLICATION_DRAFT_DAYS`. With the token
    of a draft still kept, that draft is updated and keeps its token; otherwise a new one is made.
    Returns the draft and its token (in clear: the caller gives it to the visitor, never stores it)."""
    expires = timezone.now() + timedelta(days=draft_days())
    data = json.dumps({k: str(v) for k, v in answers.items()}, ensure_ascii=False)
    draft = find_application_draft(token)
    if draft is not None:
        draft = ApplicationDraft.objects.select_for_update().get(pk=draft.pk)
        draft.data, draft.language, draft.expires_at = data, language, expires
        draft.save(update_fields=["data", "language", "expires_at", "updated_at"])
        audit.record("portal.applicationdraft.updated", obj=draft, changes={"fields": len(answers)})
        return draft, token
    token = secrets.token_urlsafe(32)
    draft = ApplicationDraft.objects.create(
        token_digest=token_digest(token), data=data, language=language, expires_at=expires
    )
    audit.record("portal.applicationdraft.saved", obj=draft, changes={"fields": len(answers)})
    return draft, token


@transaction.atomic
def discard_application_draft(token: str) -> bool:
    """The visitor starts again: the draft is deleted. Returns whether there was one."""
    draft = find_application_draft(token)
    if draft is None:
        return False
    audit.record("portal.applicationdraft.discarded", obj=draft)
    draft.delete()
    return True


@transaction.atomic
def purge_application_drafts(now: datetime | None = None) -> int:
    """Delete the drafts past their expiry (the periodic job `purge_application_drafts`)."""
    expired = ApplicationDraft.objects.filter(expires_at__lte=now or timezone.now())
    count = expired.count()
    if count:
        expired.delete()
        audit.record("portal.applicationdraft.purged", object_type="portal.applicationdraft", changes={"count": count})
    return count


def receiving_unit() -> OrgUnit:
    return OrgUnit.objects.get(code=settings.OMBUDS_ONLINE_APPLICATION_UNIT)


def _summary(data: dict[str, Any]) -> str:
    """The application's text for the register: what happened, then the answers that have no
    field of their own, labelled in the institution's working language."""
    with translation.override("az"):
        about = _("Complaint about: %(body)s") % {"body": data["respondent"].strip()}
        lines = [data["what_happened"].strip(), "", about]
        if data.get("on_behalf"):
            lines.append(
                _("Applying for: %(name)s (%(relation)s)")
                % {"name": data["victim_name"], "relation": data["victim_relation"]}
            )
            if data.get("no_consent_reason") and not data.get("victim_consent"):
                lines.append(
                    _("Why their consent cannot be obtained: %(reason)s") % {"reason": data["no_consent_reason"]}
                )
    return "\n".join(lines)


def _applicant(data: dict[str, Any], district: District) -> dict | None:
    if data.get("anonymous"):
        return None
    return {
        "surname": data.get("surname", ""),
        "given_name": data.get("given_name", ""),
        "patronymic": data.get("patronymic", ""),
        "citizenship": data.get("citizenship") or c.Citizenship.UNKNOWN,
        "is_minor": bool(data.get("is_minor")),
        "phone": data.get("phone", ""),
        "email": data.get("email", ""),
        "address": data.get("address", ""),
        "contacts_secret": bool(data.get("contacts_secret")),
        "district": district,
    }


def _victims(data: dict[str, Any]) -> list[dict]:
    if not data.get("on_behalf") or not data.get("victim_name"):
        return []
    # One name box, as people write their own name: the register's search folds it either way.
    surname, _sep, given = data["victim_name"].strip().partition(" ")
    return [{"surname": surname, "given_name": given, "is_minor": bool(data.get("victim_is_minor"))}]


def _claim_once(nonce: str) -> None:
    """Claim the drawn form's one-time token in the submission's transaction. The cache is the
    database's (settings.CACHES): the claim commits or rolls back with the application, and a
    concurrent second submit waits on the cache table's unique key until the first commits."""
    if nonce and not cache.add(ONCE_PREFIX + nonce, "1", timeout=settings.OMBUDS_IDEMPOTENCY_HOURS * 3600):
        raise AlreadySubmitted


def submit_online_application(
    data: dict[str, Any], files: list, *, language: str, draft_token: str = "", once: str = ""
) -> Submitted:
    """File an online application (a public visitor: no actor). `data` is the form's cleaned
    answers; `once` the nonce of the drawn form's one-time token. Raises AlreadySubmitted for a
    repeat of the same drawn form, ValidationError for a refused file."""
    if language not in ("az", "en", "ru"):
        raise ValidationError({"language": _("Choose Azerbaijani, English or Russian.")})
    claimed = False
    try:
        with transaction.atomic():
            _claim_once(once)
            claimed = bool(once)
            submitted = _file(data, files, language=language, draft_token=draft_token)
    except BaseException:
        # A cache that is not the database's keeps a claim a rollback would have undone; only
        # our own claim is given back (a repeat must never free the first sending's).
        if claimed:
            cache.delete(ONCE_PREFIX + once)
        raise
    if data.get("email"):
        transaction.on_commit(lambda: _email_receipt(submitted, data["email"]), robust=True)
    return submitted


def _file(data: dict[str, Any], files: list, *, language: str, draft_token: str) -> Submitted:
    district = District.objects.get(code=data["district"])
    urgent = {name: bool(data.get(name)) for name in ("urgent_life", "urgent_torture", "urgent_child")}
    app = register_application(
        None,
        unit=receiving_unit(),
        channel=c.Channel.ONLINE,
        summary=_summary(data),
        district=district,
        applicant_kind=c.ApplicantKind.ANONYMOUS if data.get("anonymous") else c.ApplicantKind.PERSON,
        applicant=_applicant(data, district),
        victims=_victims(data),
        received_at=timezone.now(),
        on_behalf=bool(data.get("on_behalf")),
        victim_consent=bool(data.get("on_behalf") and data.get("victim_consent")),
        has_evidence=bool(files),
        violation_date=data.get("violation_date"),
        awareness_date=data.get("awareness_date"),
        court_status=data.get("court_status") or c.CourtStatus.NONE,
        from_detention=bool(data.get("from_detention")),
        detention_place=data.get("detention_place", "") if data.get("from_detention") else "",
        **urgent,
    )
    for uploaded in files:
        try:
            uploads.store(None, app, uploaded)
        except ValidationError as exc:
            raise ValidationError({"attachments": exc.messages}) from exc
    key, pin = issue_status_key(None, app, language=language)
    draft = find_application_draft(draft_token)
    if draft is not None:
        audit.record("portal.applicationdraft.submitted", obj=draft, changes={"application": str(app.public_id)})
        draft.delete()
    return Submitted(application=app, key=key, pin=pin)


def receipt_of(submitted: Submitted, language: str) -> dict[str, Any]:
    """What the receipt page and the PDF show (kept in the visitor's session, never in the database).
    Not the register number: it would tell the receiving unit and the year's count (see
    complaints/services/status.py); the random reference stands for it."""
    return {
        "reference": submitted.key.reference,
        "pin": submitted.pin,
        "received_at": submitted.application.received_at.isoformat(),
        "language": language,
    }


def _email_receipt(submitted: Submitted, address: str) -> None:
    """The applicant's copy of the receipt, in the language chosen (after the commit)."""
    language = submitted.key.language
    received = timezone.localtime(submitted.application.received_at)
    with translation.override(language):
        subject = _("Your application to the Ombudsman: reference %(reference)s") % {
            "reference": submitted.key.reference
        }
        body = _(
            "Your application was received on %(date)s.\n\n"
            "Reference: %(reference)s\nPIN: %(pin)s\n\n"
            "Keep the reference and the PIN: with them you can check the status of your application on our "
            "website. Nobody from the Ombudsman's office will ask you for the PIN.\n\n"
            "What happens next: we examine whether the Ombudsman can take up your complaint and tell you the "
            "decision. If we need more information we will contact you.\n\n"
            "Urgent help, day and night: call 916 (012 916 from a mobile or the regions)."
        ) % {"date": received.strftime("%d.%m.%Y %H:%M"), "reference": submitted.key.reference, "pin": submitted.pin}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])


def legal_terms() -> list[tuple[str, int, str, int]]:
    """The terms the receipt names, from the deadline rules: (name, term, unit label, extension)."""
    codes = ["acknowledgement", "reasoned_refusal", "consideration", "applicant_notification"]
    rules = {r.code: r for r in DeadlineRule.objects.filter(code__in=codes, is_active=True)}
    return [
        (rules[code].name, rules[code].term, rules[code].get_unit_display(), rules[code].extension_term)
        for code in codes
        if code in rules
    ]

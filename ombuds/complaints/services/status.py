"""The applicant's reference and PIN, and what they open: the public status of an application.

A reference is random (not the register number, which would tell the unit and the year's count).
The PIN is six digits, shown once (on the portal's receipt, or on the slip the clerk hands over);
only an HMAC keyed by the server's blind-index key is stored, so a copy of the database alone
does not open any status. Wrong PINs lock the reference (complaints/services/status.py, settings
OMBUDS_STATUS_LOCKOUT_ATTEMPTS / _MINUTES).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, StatusKey
from ombuds.complaints.permissions import REGISTER
from ombuds.core import audit, crypto
from ombuds.core.choices import DeadlineStatus
from ombuds.core.i18n import pick
from ombuds.core.models import AuditEvent, Deadline
from ombuds.core.services import require

# No 0/O, 1/I/L: read aloud on the phone or copied from a paper slip without mistakes.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{body[:4]}-{body[4:]}"


def normalise_reference(text: str) -> str:
    """What a person typed, as stored: upper case, the dash where it belongs, spaces dropped."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{compact[:4]}-{compact[4:]}" if len(compact) == 8 else compact


def pin_digest(reference: str, pin: str) -> str:
    return crypto.blind_index(f"{reference}|{pin.strip()}", "complaints.status_key.pin")


@transaction.atomic
def issue_status_key(actor, application: Application, *, language: str = "az") -> tuple[StatusKey, str]:
    """Give the applicant a reference and a new PIN (a PIN given earlier stops working).

    `actor=None` is the portal itself, for an application it has just filed online. Returns the
    key and the PIN in clear, which the caller shows once and never stores."""
    if actor is not None:
        require(actor, REGISTER)
        if not Application.objects.visible_to(actor).filter(pk=application.pk).exists():
            raise ValidationError(_("No application with this number is open to you."))
    if language not in ("az", "en", "ru"):
        raise ValidationError({"language": _("Choose Azerbaijani, English or Russian.")})
    pin = f"{secrets.randbelow(10**6):06d}"
    key = StatusKey.objects.select_for_update().filter(application=application).first()
    if key is None:
        key = StatusKey(application=application, reference=_new_reference())
        while StatusKey.objects.filter(reference=key.reference).exists():  # 31^8 ≈ 8.5e11: rare
            key.reference = _new_reference()
    key.pin_digest = pin_digest(key.reference, pin)
    key.language = language
    key.failures = 0
    key.locked_until = None
    key.issued_at = timezone.now()
    key.issued_by = actor
    key.save()
    audit.record(
        "complaints.statuskey.issued",
        actor=actor,
        obj=application,
        changes={"reference": key.reference, "language": language},
    )
    return key, pin


# --- The public status: what a reference and its PIN open ----------------------------------------

BAKU = ZoneInfo("Asia/Baku")  # the applicant reads dates and the lockout time as Baku time

# The same words for an unknown reference and a wrong PIN: the answer must not tell whether a
# reference exists (no oracle for someone trying references).
NOT_FOUND = gettext_lazy("The reference and PIN do not match an application. Check both and try again.")

STEP_LABELS = {
    "received": gettext_lazy("Received"),
    "decision": gettext_lazy("Accepted or refused"),
    "accepted": gettext_lazy("Accepted for consideration"),
    "refused": gettext_lazy("Refused"),
    "referred": gettext_lazy("Referred to another body"),
    "consideration": gettext_lazy("Under consideration"),
    "extended": gettext_lazy("Consideration extended"),
    "answered": gettext_lazy("Answered"),
    "closed": gettext_lazy("Closed"),
}

# The refusal grounds in the applicant's words (the register's labels are the staff's shorthand).
PLAIN_GROUNDS = {
    c.RefusalGround.TIME_BARRED: gettext_lazy(
        "The application came more than one year after the events, or after you learned of them: "
        "the law allows the Ombudsman to examine it only within that year."
    ),
    c.RefusalGround.ANONYMOUS: gettext_lazy(
        "The application did not say who sent it and did not bring enough evidence to examine it."
    ),
    c.RefusalGround.OUTSIDE_MANDATE: gettext_lazy(
        "The matter is outside what the law allows the Ombudsman to examine."
    ),
    c.RefusalGround.COURT_PENDING: gettext_lazy(
        "A court is examining the same matter; the Ombudsman cannot examine it at the same time."
    ),
    c.RefusalGround.REPEAT: gettext_lazy(
        "The same matter was examined before and the application brought no new facts."
    ),
}
INFO_REQUESTED = gettext_lazy("We have asked you for more information; the decision follows once it arrives.")
ANSWER_COMING = gettext_lazy("The consideration has finished; you will be informed of the result.")

# The legal terms behind each step (the rules the complaints services start, core/reference.py).
DECISION_RULES = ("reasoned_refusal",)
CONSIDERATION_RULES = ("consideration", "consideration_access_to_information")
ANSWER_RULES = ("applicant_notification",)


@dataclass(frozen=True)
class Step:
    """One step of the public status. `state` is done, current or upcoming; `detail` is the
    refusal ground in plain words, the body the application went to, or a note for the applicant."""

    code: str
    reached_on: date | None
    due_on: date | None
    state: str
    detail: str | Promise = ""

    @property
    def label(self) -> str | Promise:
        return STEP_LABELS[self.code]


@dataclass(frozen=True)
class PublicStatus:
    """All a reference and PIN open: the reference, the date received and the steps. Nothing else
    of the case (no names, no officer, no text) is read into it."""

    reference: str
    received_on: date
    steps: tuple[Step, ...]

    @property
    def current(self) -> Step:
        return next(step for step in self.steps if step.state == "current")


def _day(moment: datetime | None) -> date | None:
    return moment.astimezone(BAKU).date() if moment else None


def _latest_deadlines(app: Application) -> dict[str, Deadline]:
    """The latest deadline of each rule the steps show (one query; a reopened case has a newer
    consideration term than its first one)."""
    rows = (
        Deadline.objects.filter(
            content_type__app_label="complaints",
            content_type__model="application",
            object_id=app.pk,
            rule__code__in=(*DECISION_RULES, *CONSIDERATION_RULES, *ANSWER_RULES),
        )
        .exclude(status=DeadlineStatus.CANCELLED)
        .select_related("rule")
        .order_by("started_at", "pk")
    )
    latest: dict[str, Deadline] = {}
    for deadline in rows:
        group = next(g for g in (DECISION_RULES, CONSIDERATION_RULES, ANSWER_RULES) if deadline.rule.code in g)
        latest[group[0]] = deadline
    return latest


def _extension(deadline: Deadline) -> tuple[date | None, date | None]:
    """When the consideration term was extended and the due date it had before, from the
    deadline's own audit event (core.deadlines.extend_deadline records both)."""
    event = (
        AuditEvent.objects.filter(
            object_type="core.deadline", object_id=str(deadline.public_id), action="core.deadline.extended"
        )
        .order_by("pk")
        .values_list("occurred_at", "changes")
        .first()
    )
    if event is None:
        return None, None
    occurred_at, changes = event
    old_due = (changes.get("due_at") or [None])[0]
    return _day(occurred_at), _day(datetime.fromisoformat(old_due)) if old_due else None


def _decision_step(app: Application) -> tuple[str, date | None, str | Promise]:
    if app.status == c.Status.REFUSED or (app.status == c.Status.CLOSED and app.refusal_ground):
        return "refused", _day(app.decided_at), PLAIN_GROUNDS.get(app.refusal_ground, "")  # type: ignore[call-overload]
    if app.status == c.Status.REFERRED or (app.status == c.Status.CLOSED and app.referred_to_id):
        return "referred", _day(app.decided_at), pick(app.referred_to, "name") if app.referred_to else ""
    if app.status in c.INTAKE_STATUSES:
        return "decision", None, INFO_REQUESTED if app.status == c.Status.INFO_REQUESTED else ""
    return "accepted", _day(app.decided_at), ""


def _consideration_rows(app: Application, terms: dict[str, Deadline], accepted: bool) -> list[tuple]:
    consideration, answer = terms.get(CONSIDERATION_RULES[0]), terms.get(ANSWER_RULES[0])
    if answer and consideration and answer.started_at < consideration.started_at:
        answer = None  # the answer of a round before the case was reopened
    started = (_day(consideration.started_at) if consideration else _day(app.decided_at)) if accepted else None
    due = _day(consideration.due_at) if consideration else None
    rows: list[tuple] = []
    if consideration is not None and consideration.extensions:
        extended_on, first_due = _extension(consideration)
        rows.append(("consideration", started, first_due or due, ""))
        rows.append(("extended", extended_on, due, ""))
    else:
        rows.append(("consideration", started, due, ""))
    answered = app.status in (c.Status.APPLICANT_NOTIFIED, c.Status.CLOSED)
    note = ANSWER_COMING if app.status == c.Status.CONCLUDED else ""
    answer_due = _day(answer.due_at) if answer else None
    rows.append(("answered", _day(app.notified_at) if answered else None, answer_due, note))
    return rows


def _public_status(key: StatusKey) -> PublicStatus:
    """The steps of `key`'s application: received → accepted, refused (ground) or referred (to
    whom) → under consideration → extended (new date) → answered → closed, each with the date it
    was reached and its due date under the legal terms (complaints.choices.Status mapped onto
    them). The current step is the last one reached. Not a service: it changes nothing;
    `lookup_status` calls it once the PIN is right."""
    app = key.application
    terms = _latest_deadlines(app)
    decision = terms.get(DECISION_RULES[0])
    code, decided_on, detail = _decision_step(app)
    # (code, reached on, due on, detail)
    rows: list[tuple] = [
        ("received", _day(app.received_at), None, ""),
        (code, decided_on, _day(decision.due_at) if decision else None, detail),
    ]
    if code in ("accepted", "decision"):
        rows += _consideration_rows(app, terms, accepted=code == "accepted")
    closed = app.status == c.Status.CLOSED
    rows.append(("closed", _day(app.closed_at) if closed else None, None, ""))
    if closed:
        # A closed case (an old register's too) shows what it went through, not steps it skipped.
        rows = [row for row in rows if row[1] is not None or row[0] == "closed"]
    current = max(i for i, row in enumerate(rows) if row[1] is not None or (closed and row[0] == "closed"))
    steps = tuple(
        Step(
            code=name,
            reached_on=reached,
            due_on=due,
            state="done" if i < current else "current" if i == current else "upcoming",
            detail=text,
        )
        for i, (name, reached, due, text) in enumerate(rows)
    )
    return PublicStatus(reference=key.reference, received_on=_day(app.received_at), steps=steps)  # type: ignore[arg-type]


def _lockout() -> tuple[int, timedelta]:
    return settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS, timedelta(minutes=settings.OMBUDS_STATUS_LOCKOUT_MINUTES)


def _locked_message(until: datetime) -> str:
    local = until.astimezone(BAKU)
    return _(
        "Too many wrong PINs were entered for this reference. It is locked until %(time)s on %(date)s "
        "(Baku time); try again after that, or call 916."
    ) % {"time": local.strftime("%H:%M"), "date": formats.date_format(local.date(), "DATE_FORMAT")}


def _check(reference: str, digest: str, now: datetime) -> tuple[str, PublicStatus | datetime | None]:
    """One attempt, under the key's row lock: returns ("ok", status), ("locked", until) or
    ("wrong", None). Committed before the caller raises, so a wrong PIN is counted even though
    the visitor gets an error."""
    attempts, lock_for = _lockout()
    with transaction.atomic():
        key = (
            StatusKey.objects.select_for_update(of=("self",))
            .select_related("application", "application__referred_to")
            .filter(reference=reference)
            .first()
        )
        if key is None:
            return "wrong", None
        if key.locked_until and key.locked_until > now:
            return "locked", key.locked_until
        if not secrets.compare_digest(key.pin_digest, digest):
            key.failures += 1
            if key.failures < attempts:
                key.locked_until = None
                key.save(update_fields=["failures", "locked_until"])
                return "wrong", None
            key.failures, key.locked_until = 0, now + lock_for
            key.save(update_fields=["failures", "locked_until"])
            audit.record(
                "complaints.statuskey.locked",
                obj=key.application,
                changes={"attempts": attempts, "until": key.locked_until.isoformat()},
            )
            return "locked", key.locked_until
        if key.failures or key.locked_until:
            key.failures, key.locked_until = 0, None
            key.save(update_fields=["failures", "locked_until"])
        audit.record("complaints.statuskey.looked_up", obj=key.application)
        return "ok", _public_status(key)


def lookup_status(reference: str, pin: str, *, now: datetime | None = None) -> PublicStatus:
    """A visitor (no actor: the portal's status page) opens an application's public status with its
    reference and PIN. An unknown reference and a wrong PIN give the same error; wrong PINs are
    counted on the key and OMBUDS_STATUS_LOCKOUT_ATTEMPTS of them in a row lock the reference for
    OMBUDS_STATUS_LOCKOUT_MINUTES (audited), during which even the right PIN is refused; the right
    PIN resets the count. Successful lookups are audited; the PIN is never written anywhere."""
    now = now or timezone.now()
    reference = normalise_reference(reference or "")
    # Digest first, whatever the reference: an unknown one costs the same work as a known one.
    digest = pin_digest(reference, pin or "")
    outcome, found = _check(reference, digest, now)
    if outcome == "locked":
        assert isinstance(found, datetime)
        raise ValidationError(_locked_message(found), code="locked")
    if outcome == "wrong":
        raise ValidationError(NOT_FOUND, code="not_found")
    assert isinstance(found, PublicStatus)
    return found

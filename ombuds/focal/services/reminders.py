"""Reminders to focal points (issue 12): each active focal point of the addressee hears of each
unanswered item once before its due date (OMBUDS_FOCAL_REMINDER_DAYS working days ahead, on the
legal clock's calendar) and once after it passes.

Items and their due dates:
- an information request not yet answered: its reply due time;
- a recommendation awaiting the authority's response: its open response deadline (core.deadlines,
  rules `recommendation_response` / `recommendation_response_urgent`);
- a recommendation accepted or in progress: its implementation due date.

Who: the focal points that see the item in the portal (`scoping.py`): not revoked, account active,
invitation accepted, with an e-mail address; a place-only focal point only for the
recommendations about its place (and no information requests). A `Reminder` row per
(focal point, item, term, before/after), unique in the database, makes each one go out once even
when the job is forced to run again. Each reminder is an in-app notification that says what is due
and when, and links to the portal's page of the item; e-mail goes out once per focal point and run,
not once per item (a focal point newly appointed for a body with forty overdue items gets one
e-mail, not forty): a digest that counts the reminders this run sent and links to the portal's home.
Neither carries personal data (core.notifications).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.choices import UserKind
from ombuds.complaints.choices import InfoRequestStatus
from ombuds.complaints.models import InfoRequest
from ombuds.core import audit, notifications
from ombuds.core.clock import WorkingCalendar, local_tz
from ombuds.focal.models import FocalPoint, Reminder, ReminderMoment, ReminderTerm
from ombuds.focal.scoping import with_response_due
from ombuds.recommendations.choices import OPEN as OPEN_RECOMMENDATION
from ombuds.recommendations.choices import Status
from ombuds.recommendations.models import Recommendation

# The notification kind of each (term, moment); registered in FocalConfig.ready().
KINDS = {
    (ReminderTerm.INFO_REQUEST_REPLY, ReminderMoment.BEFORE): "focal.inforequest.due_soon",
    (ReminderTerm.INFO_REQUEST_REPLY, ReminderMoment.AFTER): "focal.inforequest.overdue",
    (ReminderTerm.RECOMMENDATION_RESPONSE, ReminderMoment.BEFORE): "focal.recommendation.response_due_soon",
    (ReminderTerm.RECOMMENDATION_RESPONSE, ReminderMoment.AFTER): "focal.recommendation.response_overdue",
    (ReminderTerm.RECOMMENDATION_IMPLEMENTATION, ReminderMoment.BEFORE): "focal.recommendation.implementation_due_soon",
    (ReminderTerm.RECOMMENDATION_IMPLEMENTATION, ReminderMoment.AFTER): "focal.recommendation.implementation_overdue",
}
# The one e-mail per focal point and run; registered in FocalConfig.ready().
DIGEST = "focal.reminders.digest"
# A recommendation the authority accepted (or is implementing) is awaited by its due date.
IMPLEMENTING = (Status.ACCEPTED, Status.IN_PROGRESS)


def portal_link(item) -> str:
    """The portal page of `item` (the e-mail's only pointer to it)."""
    name = "focal:request" if item._meta.model_name == "inforequest" else "focal:recommendation"
    return reverse(name, args=[item.public_id])


@dataclass(frozen=True)
class _Due:
    item: InfoRequest | Recommendation
    term: str
    due_on: date
    passed: bool


def _recipients() -> list[FocalPoint]:
    return list(
        FocalPoint.objects.select_related("user")
        .filter(
            revoked_at__isnull=True,
            accepted_at__isnull=False,
            user__is_active=True,
            user__kind=UserKind.FOCAL_POINT,
            user__authority__isnull=False,
        )
        .exclude(user__email="")
        .order_by("pk")
    )


def _dues(authorities: set[int], whole_body: set[int], now: datetime, horizon: date) -> list[_Due]:
    """The items of `authorities` due before `horizon` (already passed or within the reminder
    window), with their due dates: a fixed number of queries however many there are."""
    today = timezone.localdate(now)
    # Due before the horizon's first moment: at most OMBUDS_FOCAL_REMINDER_DAYS working days left.
    edge = datetime.combine(horizon, time.min, tzinfo=local_tz())
    found: list[_Due] = []
    requests = (
        InfoRequest.objects.filter(addressee_id__in=whole_body, due_at__lt=edge)
        .exclude(status=InfoRequestStatus.ANSWERED)
        .only("pk", "public_id", "addressee_id", "due_at")
        .order_by("due_at", "pk")
    )
    for ir in requests:
        found.append(_Due(ir, ReminderTerm.INFO_REQUEST_REPLY, timezone.localdate(ir.due_at), ir.due_at < now))
    awaiting = (
        with_response_due(Recommendation.objects.filter(addressee_id__in=authorities, status__in=OPEN_RECOMMENDATION))
        .filter(response_due__lt=edge)
        .only("pk", "public_id", "addressee_id")
        .order_by("response_due", "pk")
    )
    for rec in awaiting:
        due = rec.response_due
        found.append(_Due(rec, ReminderTerm.RECOMMENDATION_RESPONSE, timezone.localdate(due), due < now))
    implementing = (
        Recommendation.objects.filter(addressee_id__in=authorities, status__in=IMPLEMENTING, due_date__lt=horizon)
        .only("pk", "public_id", "addressee_id", "due_date")
        .order_by("due_date", "pk")
    )
    for planned in implementing:
        assert planned.due_date is not None  # filtered on it
        found.append(
            _Due(planned, ReminderTerm.RECOMMENDATION_IMPLEMENTATION, planned.due_date, planned.due_date < today)
        )
    return found


def _places_of(dues: list[_Due]) -> dict[int, set[int]]:
    """The places of the recommendations among `dues` (one query)."""
    ids = {due.item.pk for due in dues if isinstance(due.item, Recommendation)}
    places: dict[int, set[int]] = defaultdict(set)
    through = Recommendation.places.through.objects.filter(recommendation_id__in=ids)
    for rec_id, place_id in through.values_list("recommendation_id", "place_id"):
        places[rec_id].add(place_id)
    return places


def _sent(profiles: list[FocalPoint], dues: list[_Due]) -> set[tuple]:
    """The reminders already sent for these items (one query)."""
    requests = [due.item.pk for due in dues if isinstance(due.item, InfoRequest)]
    recs = [due.item.pk for due in dues if isinstance(due.item, Recommendation)]
    rows = Reminder.objects.filter(focal_point__in=profiles).filter(
        Q(info_request_id__in=requests) | Q(recommendation_id__in=recs)
    )
    return {
        (fp, "ir" if ir else "rec", ir or rec, term, moment)
        for fp, ir, rec, term, moment in rows.values_list(
            "focal_point_id", "info_request_id", "recommendation_id", "term", "moment"
        )
    }


def _key(profile: FocalPoint, due: _Due, moment: str) -> tuple:
    kind = "ir" if isinstance(due.item, InfoRequest) else "rec"
    return (profile.pk, kind, due.item.pk, due.term, moment)


def send_focal_reminders(now: datetime | None = None) -> int:
    """Periodic job, run by the system (no actor, so no permission to check): send the reminders
    due now and not yet sent; returns how many went out. Deciding costs a fixed number of queries;
    each reminder sent adds its own row, audit event and in-app notification, and each focal point
    reminded one digest notification and one e-mail job."""
    now = now or timezone.now()
    ahead = int(getattr(settings, "OMBUDS_FOCAL_REMINDER_DAYS", 2))
    horizon = WorkingCalendar.current().add_working_days(timezone.localdate(now), ahead + 1)
    profiles = _recipients()
    by_authority: dict[int, list[FocalPoint]] = defaultdict(list)
    for profile in profiles:
        by_authority[profile.user.authority_id].append(profile)  # type: ignore[index]
    whole_body = {body for body, group in by_authority.items() if any(p.place_id is None for p in group)}
    dues = _dues(set(by_authority), whole_body, now, horizon) if profiles else []
    if not dues:
        return 0
    places, sent = _places_of(dues), _sent(profiles, dues)
    # Per focal point, in due-date order, what it has not heard of yet.
    pending: dict[int, list[tuple[_Due, str]]] = defaultdict(list)
    for due in dues:
        moment = ReminderMoment.AFTER if due.passed else ReminderMoment.BEFORE
        for profile in by_authority[due.item.addressee_id]:
            if profile.place_id is not None and (
                isinstance(due.item, InfoRequest) or profile.place_id not in places[due.item.pk]
            ):
                continue  # a place-only focal point sees only its place's recommendations
            if _key(profile, due, moment) in sent:
                continue
            pending[profile.pk].append((due, moment))
    return sum(_remind_all(profile, pending[profile.pk], now) for profile in profiles if pending[profile.pk])


def _remind_all(profile: FocalPoint, pending: list[tuple[_Due, str]], now: datetime) -> int:
    """One focal point's reminders and their digest, together: the digest counts only the
    reminders this run created, so a run forced at the same time (which created the others) or
    again later sends no second e-mail for them; and if this run dies midway, neither the
    reminders nor the digest are kept, and the next run sends both."""
    with transaction.atomic():
        count = sum(_remind(profile, due, moment, now) for due, moment in pending)
        if count:
            notifications.notify(profile.user, DIGEST, {"count": count}, reverse("focal:home"), email=True)
    return count


def _remind(profile: FocalPoint, due: _Due, moment: str, now: datetime) -> int:
    field = "info_request" if isinstance(due.item, InfoRequest) else "recommendation"
    try:
        with transaction.atomic():  # a savepoint: a duplicate drops this reminder only
            reminder = Reminder.objects.create(
                focal_point=profile, term=due.term, moment=moment, due_on=due.due_on, sent_at=now, **{field: due.item}
            )
            audit.record(
                "focal.reminder.sent",
                obj=reminder,
                changes={"focal_point": profile.pk, field: str(due.item.public_id), "term": due.term, "when": moment},
            )
            notifications.notify(
                profile.user,
                KINDS[(ReminderTerm(due.term), ReminderMoment(moment))],
                {"due": due.due_on.isoformat()},
                portal_link(due.item),
                email=False,  # the digest is the e-mail
            )
    except IntegrityError:
        return 0  # a run forced at the same time sent this one
    return 1

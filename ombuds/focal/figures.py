"""How timely each authority answers, and how it uses the portal (issue 12: "for staff, per
authority, a timeliness table and the portal's activity; the same figures feed the reports").

Read-only. Every figure has one definition, here, used by the staff table, its export, its
per-authority page and the home panel.

The period
    A `Period` is a span of calendar days, both ends included, in the installation's time zone
    (a calendar year, or from/to dates). An information request belongs to the period of the day
    it was sent (`sent_at`), a recommendation to the day it was issued (`issued_on`). Whether a
    term has passed is judged at one moment `at` (now, unless given).

Information requests (unit: requests)
    sent          sent in the period;
    on time       answered, the reply received at or before the reply due time (reply_at <= due_at);
    late          answered after the due time (reply_at > due_at);
    not answered  no reply and the due time has passed (due_at < at);
    not yet due   no reply and the due time has not passed (due_at >= at).
    on time + late + not answered + not yet due = sent: each request is in exactly one of them.
    median days   calendar days from the day sent to the day the reply was received, over the
                  answered requests only (on time and late);
    on-time share on time / (sent − not yet due): among the requests that were due or answered.

Recommendations (unit: issued recommendations, `RecommendationQuerySet.issued`)
    The response deadline is the recommendation's legal-clock term (a `core.Deadline` under the
    rule recommendation_response or recommendation_response_urgent, started when it was issued;
    its due date is the local day of its `due_at`, after any extension). The first response is
    the earliest `AuthorityResponse.received_on`.
    on time       first response on or before the deadline's due date;
    late          first response after it;
    no response   no response, and the status is "no response" or the due date has passed;
    not yet due   no response, status not "no response", due date today or later;
    no deadline   no response deadline recorded (imported from before the register) and the
                  answer's timeliness cannot be judged: answered, or not marked "no response".
    The five add up to issued. median days: calendar days from issue to the first response, over
    those answered with a deadline and without (any first response).

The portal (per authority)
    active focal points  accepted their invitation, not revoked, account active;
    last sign-in         the latest `last_login` of any of the authority's focal points;
    opened               the period's requests and recommendations that a focal point opened
                         in the portal (each item once, however often opened);
    answered online      the period's answered requests whose reply came through the portal (a
                         `Receipt` of kind "reply to an information request"), and the period's
                         recommendations with a response through the portal;
    online share         requests answered online / requests answered.

An authority has a row when it has a focal point or an item in the period (a row of zeros
when nothing was sent to it). The number of queries does not depend on the number of
authorities or items: the counts are aggregates grouped by authority, and the medians come from
one query per kind of item that reads two dates per answered item.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints.models import InfoRequest
from ombuds.core.collation import collated
from ombuds.core.i18n import pick
from ombuds.core.models import Authority, Deadline
from ombuds.core.periods import Period
from ombuds.core.routers import reporting
from ombuds.focal.models import FocalPoint, Opening, Receipt, ReceiptKind
from ombuds.recommendations import choices as rc
from ombuds.recommendations.models import AuthorityResponse, Recommendation
from ombuds.recommendations.services.lifecycle import RESPONSE_RULES

NAMES = ("name_az", "name_en", "name_ru")


def _median(days: list[int]) -> float | None:
    return float(statistics.median(days)) if days else None


def _share(part: int, whole: int) -> float | None:
    """A percentage, or None when there is nothing to divide by."""
    return 100 * part / whole if whole else None


@dataclass
class Row:
    """The figures of one authority (or of all: the totals row)."""

    authority_id: int | None
    code: str = ""
    name: str = ""
    # Information requests.
    sent: int = 0
    on_time: int = 0
    late: int = 0
    not_answered: int = 0
    not_yet_due: int = 0
    ir_opened: int = 0
    ir_online: int = 0
    # Recommendations.
    issued: int = 0
    rec_on_time: int = 0
    rec_late: int = 0
    no_response: int = 0
    rec_not_yet_due: int = 0
    no_deadline: int = 0
    rec_opened: int = 0
    rec_online: int = 0
    # The portal.
    focal_points: int = 0
    last_sign_in: datetime | None = None
    reply_days: list[int] = field(default_factory=list, repr=False)
    response_days: list[int] = field(default_factory=list, repr=False)

    @property
    def answered(self) -> int:
        return self.on_time + self.late

    @property
    def due(self) -> int:
        """Requests whose term has passed or that were answered: the on-time share's base."""
        return self.sent - self.not_yet_due

    @property
    def on_time_share(self) -> float | None:
        return _share(self.on_time, self.due)

    @property
    def median_reply_days(self) -> float | None:
        return _median(self.reply_days)

    @property
    def median_response_days(self) -> float | None:
        return _median(self.response_days)

    @property
    def opened(self) -> int:
        return self.ir_opened + self.rec_opened

    @property
    def online_share(self) -> float | None:
        return _share(self.ir_online, self.answered)

    @property
    def late_or_unanswered(self) -> int:
        return self.late + self.not_answered

    def add(self, other: Row) -> None:
        """Add `other`'s counts (the totals row); the medians pool the items' days."""
        for f in fields(self):
            value = getattr(other, f.name)
            if f.name in ("authority_id", "code", "name"):
                continue
            if f.name == "last_sign_in":
                if value and (self.last_sign_in is None or value > self.last_sign_in):
                    self.last_sign_in = value
            elif isinstance(value, list):
                getattr(self, f.name).extend(value)
            else:
                setattr(self, f.name, getattr(self, f.name) + value)


@dataclass
class Table:
    period: Period
    at: datetime
    rows: list[Row]

    @property
    def total(self) -> Row:
        total = Row(None, name=_("Total"))
        for row in self.rows:
            total.add(row)
        return total


def _local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


# --- information requests -----------------------------------------------------------------


def info_requests(period: Period, authority_ids=None):
    """The information requests placed in `period` (of the given authorities)."""
    first, after = period.bounds()
    qs = InfoRequest.objects.filter(sent_at__gte=first, sent_at__lt=after)
    if authority_ids is not None:
        qs = qs.filter(addressee_id__in=authority_ids)
    return reporting(qs.order_by())


def info_request_counts(period: Period, at: datetime, authority_ids=None) -> dict[int, dict[str, int]]:
    """One aggregate query: per addressee, the counts defined in the module's docstring."""
    answered = Q(reply_at__isnull=False)
    unanswered = Q(reply_at__isnull=True)
    groups = (
        info_requests(period, authority_ids)
        .values("addressee_id")
        .annotate(
            sent=Count("pk"),
            on_time=Count("pk", filter=answered & Q(reply_at__lte=F("due_at"))),
            late=Count("pk", filter=answered & Q(reply_at__gt=F("due_at"))),
            not_answered=Count("pk", filter=unanswered & Q(due_at__lt=at)),
            not_yet_due=Count("pk", filter=unanswered & Q(due_at__gte=at)),
            ir_opened=Count("pk", filter=Q(Exists(Opening.objects.filter(info_request=OuterRef("pk"))))),
            ir_online=Count(
                "pk",
                filter=answered
                & Q(Exists(Receipt.objects.filter(info_request=OuterRef("pk"), kind=ReceiptKind.INFO_REQUEST_REPLY))),
            ),
        )
    )
    return {g.pop("addressee_id"): g for g in groups}


def _reply_days(period: Period, authority_ids=None) -> dict[int, list[int]]:
    """Calendar days from sending to the reply, per addressee (answered requests)."""
    days: dict[int, list[int]] = defaultdict(list)
    rows = info_requests(period, authority_ids).filter(reply_at__isnull=False)
    for addressee, sent_at, reply_at in rows.values_list("addressee_id", "sent_at", "reply_at"):
        days[addressee].append((_local_day(reply_at) - _local_day(sent_at)).days)
    return days


# --- recommendations ----------------------------------------------------------------------


def recommendations(period: Period, authority_ids=None):
    """The recommendations issued in `period` (to the given authorities), with the due date of
    their response deadline (`response_due`) and the day of their first response (`first_response`)."""
    deadlines = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(Recommendation),
        object_id=OuterRef("pk"),
        rule__code__in=RESPONSE_RULES,
    ).order_by("started_at", "pk")
    due_day = TruncDate("due_at", tzinfo=timezone.get_current_timezone())
    first = (
        AuthorityResponse.objects.filter(recommendation=OuterRef("pk"))
        .order_by()
        .values("recommendation")
        .annotate(day=Min("received_on"))
        .values("day")[:1]
    )
    qs = Recommendation.objects.issued().filter(issued_on__gte=period.start, issued_on__lte=period.end)
    if authority_ids is not None:
        qs = qs.filter(addressee_id__in=authority_ids)
    qs = qs.annotate(
        response_due=Subquery(deadlines.annotate(day=due_day).values("day")[:1]),
        first_response=Subquery(first),
    )
    return reporting(qs.order_by())


def recommendation_counts(period: Period, at: datetime, authority_ids=None) -> dict[int, dict[str, int]]:
    """One aggregate query: per addressee, the counts defined in the module's docstring."""
    today = _local_day(at)
    answered, unanswered = Q(first_response__isnull=False), Q(first_response__isnull=True)
    timed, untimed = Q(response_due__isnull=False), Q(response_due__isnull=True)
    marked = Q(status=rc.Status.NO_RESPONSE)
    groups = (
        recommendations(period, authority_ids)
        .values("addressee_id")
        .annotate(
            issued=Count("pk"),
            rec_on_time=Count("pk", filter=answered & timed & Q(first_response__lte=F("response_due"))),
            rec_late=Count("pk", filter=answered & timed & Q(first_response__gt=F("response_due"))),
            no_response=Count("pk", filter=unanswered & (marked | (timed & Q(response_due__lt=today)))),
            rec_not_yet_due=Count("pk", filter=unanswered & ~marked & timed & Q(response_due__gte=today)),
            no_deadline=Count("pk", filter=untimed & (answered | ~marked)),
            rec_opened=Count("pk", filter=Q(Exists(Opening.objects.filter(recommendation=OuterRef("pk"))))),
            rec_online=Count(
                "pk",
                filter=Q(
                    Exists(
                        Receipt.objects.filter(recommendation=OuterRef("pk"), kind=ReceiptKind.RECOMMENDATION_RESPONSE)
                    )
                ),
            ),
        )
    )
    return {g.pop("addressee_id"): g for g in groups}


def _response_days(period: Period, authority_ids=None) -> dict[int, list[int]]:
    """Calendar days from issue to the first response, per addressee (answered recommendations)."""
    days: dict[int, list[int]] = defaultdict(list)
    rows = recommendations(period, authority_ids).filter(first_response__isnull=False)
    for addressee, issued_on, first in rows.values_list("addressee_id", "issued_on", "first_response"):
        days[addressee].append((first - issued_on).days)
    return days


# --- the portal ---------------------------------------------------------------------------


def active_focal_points_q(prefix: str = "") -> Q:
    """A focal point that can answer: invitation accepted, not revoked, account active."""
    return Q(
        **{
            f"{prefix}accepted_at__isnull": False,
            f"{prefix}revoked_at__isnull": True,
            f"{prefix}user__is_active": True,
        }
    )


def is_active(fp: FocalPoint) -> bool:
    """The same test as `active_focal_points_q`, on one focal point."""
    return fp.accepted_at is not None and fp.revoked_at is None and fp.user.is_active


def _focal_points(authority_ids=None) -> dict[int, dict]:
    """One aggregate query: per authority, its active focal points and the last sign-in of any."""
    qs = FocalPoint.objects.all()
    if authority_ids is not None:
        qs = qs.filter(user__authority_id__in=authority_ids)
    groups = (
        reporting(qs.order_by())
        .values("user__authority_id")
        .annotate(focal_points=Count("pk", filter=active_focal_points_q()), last_sign_in=Max("user__last_login"))
    )
    return {
        g["user__authority_id"]: {"focal_points": g["focal_points"], "last_sign_in": g["last_sign_in"]} for g in groups
    }


# --- the table ----------------------------------------------------------------------------


def table(period: Period, *, at: datetime | None = None, authority_ids=None) -> Table:
    """Every authority with a focal point or an item in `period` (or those of `authority_ids`),
    in the alphabet of the active language: six queries however many rows."""
    at = at or timezone.now()
    counts = [
        info_request_counts(period, at, authority_ids),
        recommendation_counts(period, at, authority_ids),
        _focal_points(authority_ids),
    ]
    reply_days, response_days = _reply_days(period, authority_ids), _response_days(period, authority_ids)
    ids = set().union(*counts)
    if authority_ids is not None:
        ids |= set(authority_ids)
    names = reporting(Authority.objects.filter(pk__in=ids)).values("pk", "code", *NAMES)
    rows = []
    for body in names:
        row = Row(body["pk"], code=body["code"], name=pick(_Named(body), "name"))
        for found in counts:
            for key, value in found.get(body["pk"], {}).items():
                setattr(row, key, value)
        row.reply_days = reply_days.get(body["pk"], [])
        row.response_days = response_days.get(body["pk"], [])
        rows.append(row)
    return Table(period, at, collated(rows, key=lambda r: r.name))


class _Named:
    """Reads a values() row's name columns as attributes, for `pick`."""

    def __init__(self, values: dict):
        self.__dict__.update({n: values.get(n) or "" for n in NAMES})


def answering_late(period: Period, *, at: datetime | None = None, limit: int = 5) -> list[Row]:
    """The authorities with the most information requests of `period` answered late or not at
    all (the home panel): two queries."""
    at = at or timezone.now()
    counts = info_request_counts(period, at)
    worst = sorted(
        ((c["late"] + c["not_answered"], pk) for pk, c in counts.items() if c["late"] + c["not_answered"]),
        key=lambda t: (-t[0], t[1]),
    )[:limit]
    names = {
        b["pk"]: b
        for b in reporting(Authority.objects.filter(pk__in=[pk for _n, pk in worst])).values("pk", "code", *NAMES)
    }
    rows = []
    for _n, pk in worst:
        row = Row(pk, code=names[pk]["code"], name=pick(_Named(names[pk]), "name"))
        for key, value in counts[pk].items():
            setattr(row, key, value)
        rows.append(row)
    return rows

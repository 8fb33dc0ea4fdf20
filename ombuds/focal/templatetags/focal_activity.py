"""The portal's activity on the staff pages that list its items: whether the addressee's focal
point opened an information request or a recommendation, how often, and its answers' receipts.

Complaints and recommendations do not import this app (docs/architecture.md); the case page and
the recommendation page load this library instead. `portal_activity` reads the activity of a whole
list in two queries, whatever the length of the list;
`portal_activity_line` draws one item's line from it. The pages that load it are shown only to
staff allowed to see the items; the line says when and how often, never who, and nothing of what
was written. A focal point (who never reaches these pages) is shown nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django import template
from django.db.models import Exists, Max, Min, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from ombuds.focal.models import FocalPoint, Opening, Receipt

register = template.Library()


@dataclass(frozen=True)
class Answered:
    on: date
    reference: str
    via_api: bool


@dataclass
class Activity:
    """One item's activity in the portal. `watched`: a focal point of its addressee may open it
    and the item still awaits the authority (a request answered by letter, a recommendation whose
    follow-up ended, is no longer "not opened yet")."""

    watched: bool = False
    times: int = 0
    first_opened_on: date | None = None
    last_opened_on: date | None = None
    answers: list[Answered] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.watched or self.times or self.answers)


@dataclass
class PortalActivity:
    """The activity of a list of items, by primary key (see `portal_activity`)."""

    kind: str = ""
    by_item: dict[int, Activity] = field(default_factory=dict)


def _items(items) -> list:
    if items is None:
        return []
    if hasattr(items, "_meta"):
        return [items]
    return [item for item in items if item is not None]


def _field(items: list) -> str:
    names = {item._meta.model_name for item in items}
    if names == {"inforequest"}:
        return "info_request"
    if names == {"recommendation"}:
        return "recommendation"
    raise ValueError(f"portal_activity takes information requests or recommendations, not {sorted(names)}")


def _focal_points_seeing(kind: str):
    """A subquery: the current focal points of the outer item's addressee who see the item in the
    portal (a request: those of the whole body; a recommendation: also those of one of its places)."""
    profiles = FocalPoint.objects.filter(
        revoked_at__isnull=True, user__is_active=True, user__authority_id=OuterRef("addressee_id")
    )
    if kind == "info_request":
        return profiles.filter(place__isnull=True)
    from ombuds.recommendations.models import Recommendation

    places = Recommendation.places.through.objects.filter(recommendation_id=OuterRef(OuterRef("pk")))
    return profiles.filter(Q(place__isnull=True) | Q(place_id__in=places.values("place_id")))


def _opened(kind: str, aggregate) -> Subquery:
    rows = Opening.objects.filter(**{kind: OuterRef("pk")}).order_by().values(kind)
    return Subquery(rows.annotate(value=aggregate).values("value")[:1])


def _awaits(item) -> bool:
    if item._meta.model_name == "inforequest":
        from ombuds.complaints.choices import InfoRequestStatus

        return item.status != InfoRequestStatus.ANSWERED
    from ombuds.recommendations.choices import OPEN

    return item.status in OPEN


def activity_of(items: Iterable) -> PortalActivity:
    """The portal activity of `items` (all information requests or all recommendations): two
    queries however many there are."""
    found = _items(items)
    if not found:
        return PortalActivity()
    kind = _field(found)
    if kind == "recommendation":
        found = [item for item in found if item.status != "draft"]  # a draft never reaches the portal
        if not found:
            return PortalActivity(kind)
    model = type(found[0])
    rows = (
        model.objects.filter(pk__in=[item.pk for item in found])
        .annotate(
            watched=Exists(_focal_points_seeing(kind)),
            times=_opened(kind, Sum("times")),
            first=_opened(kind, Min("first_opened_at")),
            last=_opened(kind, Max("last_opened_at")),
        )
        .values_list("pk", "watched", "times", "first", "last")
    )
    awaiting = {item.pk for item in found if _awaits(item)}
    by_item = {}
    for pk, watched, times, first, last in rows:
        by_item[pk] = Activity(
            watched=watched and pk in awaiting,
            times=times or 0,
            first_opened_on=timezone.localdate(first) if first else None,
            last_opened_on=timezone.localdate(last) if last else None,
        )
    receipts = (
        Receipt.objects.filter(**{f"{kind}__in": list(by_item)})
        .order_by("submitted_at", "pk")
        .values_list(f"{kind}_id", "submitted_at", "reference", "via_api")
    )
    for item_id, submitted_at, reference, via_api in receipts:
        by_item[item_id].answers.append(Answered(timezone.localdate(submitted_at), reference, via_api))
    return PortalActivity(kind, by_item)


@register.simple_tag(takes_context=True)
def portal_activity(context, items) -> PortalActivity:
    """`{% portal_activity info_requests as activity %}`: the activity of the listed items (or of
    one item), for staff readers."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated or getattr(user, "is_focal_point", False):
        return PortalActivity()
    return activity_of(items)


@register.inclusion_tag("focal/_activity.html")
def portal_activity_line(activity: PortalActivity, item, receipts: bool = True):
    """`{% portal_activity_line activity ir %}`: the item's line, or nothing. `receipts=False`
    leaves the receipt numbers out where the page already shows each answer with its receipt
    (the recommendation page's history), so that no receipt is listed twice."""
    found = activity.by_item.get(item.pk) if isinstance(activity, PortalActivity) else None
    return {"activity": found or None, "receipts": receipts}

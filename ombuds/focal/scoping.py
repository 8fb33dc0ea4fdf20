"""What a focal point sees: only the items addressed to its body (domain.md §4).

- Information requests addressed to its authority, once sent (they are sent on creation). A
  focal point limited to one place sees none: a request goes to the body, not to one institution.
- Recommendations addressed to its authority once issued (never a draft); a focal point limited
  to one place sees those about its place.

Every lookup of one item goes through `get_info_request_for_focal` / `get_recommendation_for_focal`:
another body's item and a missing one both give 404. Staff never use these (the staff pages
have their own funnels); a staff user here gets nothing.
"""

from __future__ import annotations

import uuid
from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse

from ombuds.focal.models import FocalPoint


def focal_point_of(user) -> FocalPoint | None:
    """The active focal-point profile of `user`, read once per request object; None for staff,
    the anonymous visitor, a revoked or deactivated account."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_focal_point", False):
        return None
    if not hasattr(user, "_focal_point"):
        profile = FocalPoint.objects.select_related("place").filter(user=user).first()
        user._focal_point = profile if profile is not None and profile.revoked_at is None and user.is_active else None
    return user._focal_point


def info_requests_for(user):
    from ombuds.complaints.models import InfoRequest

    profile = focal_point_of(user)
    if profile is None or profile.place_id is not None:
        return InfoRequest.objects.none()
    return InfoRequest.objects.filter(addressee_id=user.authority_id)


def recommendations_for(user):
    from ombuds.recommendations.models import Recommendation

    profile = focal_point_of(user)
    if profile is None:
        return Recommendation.objects.none()
    # Issued ones only: a draft set aside as "no longer relevant" before it was issued is not a
    # draft any more, but its text never left the institution.
    found = Recommendation.objects.issued().filter(addressee_id=user.authority_id)
    if profile.place_id is not None:
        found = found.filter(places=profile.place_id)
    return found


def may_answer(user, item) -> bool:
    """Whether `item` (an InfoRequest or a Recommendation) is one of `user`'s portal items: the
    services that act for a focal point check this themselves."""
    name = item._meta.model_name
    if name == "inforequest":
        return info_requests_for(user).filter(pk=item.pk).exists()
    if name == "recommendation":
        return recommendations_for(user).filter(pk=item.pk).exists()
    return False


def with_response_due(recommendations):
    """Each recommendation with `response_due`: when the authority's response is due by the legal
    clock (its open response deadline), None once answered or when no clock runs. One subquery,
    for lists and for the reminders."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import OuterRef, Subquery

    from ombuds.core.choices import DeadlineStatus
    from ombuds.core.models import Deadline
    from ombuds.recommendations.models import Recommendation
    from ombuds.recommendations.services.lifecycle import RESPONSE_RULES

    due = (
        Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(Recommendation),
            object_id=OuterRef("pk"),
            rule__code__in=RESPONSE_RULES,
            closed_at__isnull=True,
        )
        .exclude(status=DeadlineStatus.CANCELLED)
        .order_by("due_at")
        .values("due_at")[:1]
    )
    return recommendations.annotate(response_due=Subquery(due))


def _one(queryset, public_id):
    try:
        uuid.UUID(str(public_id))
    except ValueError as exc:
        raise Http404 from exc
    found = queryset.filter(public_id=public_id).first()
    if found is None:
        raise Http404
    return found


def get_info_request_for_focal(user, public_id):
    return _one(info_requests_for(user).select_related("application", "addressee"), public_id)


def get_recommendation_for_focal(user, public_id):
    return _one(recommendations_for(user).select_related("addressee"), public_id)


def focal_point_required(view):
    """A portal page: the anonymous visitor signs in on the portal's own login page; anyone who
    is not an active focal point (staff included) gets 404."""

    @login_not_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("focal:login"))
        if focal_point_of(request.user) is None:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper

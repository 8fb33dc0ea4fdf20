"""Staff pages of the authority portal: the focal points of each authority."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from ombuds.focal.models import FocalPoint
from ombuds.focal.permissions import may_manage


def focal_point_list(request):
    """Every focal point, by authority, with whether it has signed in and whether it is revoked."""
    if not may_manage(request.user):
        raise PermissionDenied
    points = FocalPoint.objects.select_related("user", "user__authority", "place").order_by(
        "user__authority__name_az", "user__last_name", "pk"
    )
    return render(request, "focal/staff/list.html", {"points": points})

"""Portal pages for focal points. Every view is `focal_point_required` and reads items only
through `focal.scoping`: another body's item is 404."""

from __future__ import annotations

from allauth.account.views import LoginView
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.decorators import method_decorator

from ombuds.complaints.choices import InfoRequestStatus
from ombuds.focal.scoping import focal_point_of, focal_point_required, info_requests_for, recommendations_for
from ombuds.recommendations import choices as rc


@method_decorator(login_not_required, name="dispatch")
class FocalLoginView(LoginView):
    """The portal's own sign-in page (the same accounts machinery, lockout and second factor as
    staff; after it, a focal point lands on the portal's home)."""

    template_name = "focal/login.html"


@focal_point_required
def home(request):
    """What the body has to answer, the most urgent first, and what it answered."""
    profile = focal_point_of(request.user)
    requests = list(info_requests_for(request.user).order_by("due_at", "pk"))
    recommendations = list(recommendations_for(request.user).order_by("status_changed_on", "pk"))
    open_requests = [r for r in requests if r.status != InfoRequestStatus.ANSWERED]
    awaiting = [r for r in recommendations if r.status in rc.OPEN]
    return render(
        request,
        "focal/home.html",
        {
            "profile": profile,
            "open_requests": open_requests,
            "answered_requests": [r for r in requests if r.status == InfoRequestStatus.ANSWERED],
            "awaiting": awaiting,
            "other_recommendations": [r for r in recommendations if r.status not in rc.OPEN],
        },
    )

"""Portal pages for focal points. Every view is `focal_point_required` and reads items only
through `focal.scoping`: another body's item is 404."""

from __future__ import annotations

from allauth.account.internal.flows.login import record_authentication
from allauth.account.utils import perform_login
from allauth.account.views import LoginView
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db.models import Case, F, Value, When
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from ombuds.complaints.choices import InfoRequestStatus
from ombuds.core.actions import add_service_errors
from ombuds.focal.forms import SetPasswordForm
from ombuds.focal.scoping import (
    focal_point_of,
    focal_point_required,
    info_requests_for,
    recommendations_for,
    with_response_due,
)
from ombuds.focal.services import accounts
from ombuds.recommendations import choices as rc

# The backend a session remembers (settings.AUTHENTICATION_BACKENDS[0]): it reloads the user with
# whether a second factor is enrolled.
_BACKEND = "ombuds.accounts.backends.StaffAuthenticationBackend"


PORTAL_SIGN_IN = "ombuds_portal_sign_in"


@method_decorator(login_not_required, name="dispatch")
class FocalLoginView(LoginView):
    """The portal's own sign-in page (the same accounts machinery, lockout and second factor as
    staff; after it, a focal point lands on the portal's home)."""

    template_name = "focal/login.html"

    def form_valid(self, form):
        # The second-factor step that follows is allauth's own page: this flag lets it wear the
        # portal's header too (base.html); it is dropped once the sign-in completes (apps.py).
        self.request.session[PORTAL_SIGN_IN] = True
        return super().form_valid(form)


# The home page shows the most urgent items only; the lists carry the rest (a ministry receives
# hundreds of requests a year, and the page must stay light at 320 px).
HOME_ROWS = 15


@focal_point_required
def home(request):
    """What the body has to answer, the most urgent first: requests by reply date, then the
    recommendations still awaiting a first response, then the others by implementation date."""
    profile = focal_point_of(request.user)
    open_requests = (
        info_requests_for(request.user)
        .exclude(status=InfoRequestStatus.ANSWERED)
        .select_related("application")
        .order_by("due_at", "pk")
    )
    awaiting = (
        with_response_due(recommendations_for(request.user))
        .filter(status__in=rc.OPEN)
        .annotate(
            first_response=Case(
                When(status__in=[rc.Status.ISSUED, rc.Status.NO_RESPONSE], then=Value(0)), default=Value(1)
            )
        )
        .order_by("first_response", F("due_date").asc(nulls_last=True), "pk")
    )
    return render(
        request,
        "focal/home.html",
        {
            "profile": profile,
            "open_requests": list(open_requests[:HOME_ROWS]),
            "open_request_count": open_requests.count(),
            "awaiting": list(awaiting[:HOME_ROWS]),
            "awaiting_count": awaiting.count(),
        },
    )


def _dead_link(request, exc: ValidationError):
    """An unknown, used, replaced, expired or revoked link: say which, without a form (410 Gone)."""
    return render(request, "focal/invitation_invalid.html", {"reason": " ".join(exc.messages)}, status=410)


@login_not_required
@never_cache
def accept_invitation(request, token: str):
    """The link of the invitation e-mail: the focal point chooses its password, is signed in and
    goes on to set up its authenticator app (RequireMFAMiddleware would send it there anyway)."""
    try:
        profile = accounts.find_invitation(token)
    except ValidationError as exc:
        return _dead_link(request, exc)
    form = SetPasswordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            profile = accounts.accept_invitation(token, form.cleaned_data["password1"])
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):  # the link itself died meanwhile
                return _dead_link(request, exc)
            add_service_errors(form, ValidationError({"password1": exc.error_dict["password"]}))
        else:
            user = profile.user
            user.backend = _BACKEND
            response = perform_login(request, user, redirect_url=reverse("mfa_activate_totp"))
            # Recorded as allauth records a password confirmation (after the login, which may have
            # replaced the session), so that setting up the second factor right after does not
            # ask again for the password chosen a moment ago (allauth's window: 5 minutes).
            record_authentication(request, user, method="password", username=user.username, reauthenticated=True)
            return response
    status = 400 if form.errors else 200
    return render(request, "focal/invitation.html", {"form": form, "profile": profile}, status=status)

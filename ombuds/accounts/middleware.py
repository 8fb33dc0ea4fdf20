"""Session lifetime and the staff second-factor rule."""

from __future__ import annotations

import time

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import logout
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

_AUTH_AT = "ombuds_authenticated_at"
_SEEN_AT = "ombuds_seen_at"


class SessionLifetimeMiddleware:
    """Log out a session older than OMBUDS_SESSION_ABSOLUTE_SECONDS, however active (ASVS 7.3.2).

    Inactivity expiry is Django's own (SESSION_COOKIE_AGE), kept alive by ActivityMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.setdefault(_AUTH_AT, int(time.time()))
            if time.time() - started > settings.OMBUDS_SESSION_ABSOLUTE_SECONDS:
                focal_point = request.user.is_focal_point
                logout(request)
                if focal_point:
                    # The portal's pages send an anonymous visitor to the portal's own sign-in and
                    # keep the text of an answer posted just now (focal.kept); the staff's sign-in
                    # would lose it.
                    return self.get_response(request)
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)


class ActivityMiddleware:
    """Record that a signed-in user is active at most once every OMBUDS_ACTIVITY_SECONDS.

    Recording activity restarts the session's idle expiry (the session is saved) and updates the
    "last seen" of the user's session list (allauth's UserSession). Doing both on every request
    made every page view, a GET included, write two rows; once a minute is precise enough for a
    15-minute idle limit and leaves ordinary reads read-only. Replaces SESSION_SAVE_EVERY_REQUEST
    and allauth's per-request activity tracking.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is not None and user.is_authenticated and session is not None and session.session_key:
            now = int(time.time())
            if now - session.get(_SEEN_AT, 0) >= settings.OMBUDS_ACTIVITY_SECONDS:
                session[_SEEN_AT] = now  # modified: SessionMiddleware saves it with a new expiry
                UserSession.objects.create_from_request(request)
        return response


def _has_totp(user) -> bool:
    # Read with the user by StaffAuthenticationBackend.get_user; asked here for any other user.
    known = getattr(user, "has_totp", None)
    if known is not None:
        return known
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMFAMiddleware:
    """Outside demo mode, a staff member without a TOTP authenticator can only set one up.

    allauth already asks for the second factor at login once one exists; this closes the gap of
    an account that has never enrolled. In demo mode the printed demo accounts skip it, and the
    banner says so.
    """

    ALLOWED_PREFIXES = ("/auth/", "/i18n/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not settings.DEMO
            and request.user.is_authenticated
            and not request.path_info.startswith(self.ALLOWED_PREFIXES)
            and not _has_totp(request.user)
        ):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


def focal_point_may_reach(path: str) -> bool:
    """The only paths an authority's focal point may reach (OMBUDS_FOCAL_POINT_PATHS): its portal,
    its API, signing in and out with the second factor, the language switch and static files."""
    return path.startswith(tuple(settings.OMBUDS_FOCAL_POINT_PATHS))


class FocalPointConfinementMiddleware:
    """An authority's focal point is never staff: every other URL of the system answers 404 to it,
    whatever that view's own checks would say (domain.md §4, issue 12). Token requests to the API
    are confined the same way by `accounts.tokens.ApiTokenAuthentication`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "is_focal_point", False)
            and not focal_point_may_reach(request.path_info)
        ):
            raise Http404
        return self.get_response(request)

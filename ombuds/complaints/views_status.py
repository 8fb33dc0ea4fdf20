"""The clerk gives the applicant a reference and PIN for the public status page (issue 14): the
applicant registered on another channel (post, reception, a regional centre, the 916 line) gets
the same key as one who applied online.

The PIN exists in clear only in this response: the slip is printed or read out, the page is
`no-store` (not kept by the browser or any cache), and an error report never shows the PIN.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_POST

from ombuds.complaints.forms import StatusKeyForm
from ombuds.complaints.permissions import REGISTER
from ombuds.complaints.services.status import issue_status_key
from ombuds.complaints.views import _add_service_errors, _for_post, _render_detail
from ombuds.core.once import submit_once


def _status_page_url(request, language: str) -> str:
    """The portal's status page in the slip's language, as the applicant types it."""
    with translation.override(language):
        path = reverse("portal:status")
    return f"{settings.OMBUDS_SITE_URL}{path}" if settings.OMBUDS_SITE_URL else request.build_absolute_uri(path)


@require_POST
@sensitive_variables("pin")
def application_status_key(request, public_id):
    """POST only: issue a key (a new PIN if one was given before) and show the slip once."""
    purpose = request.POST.get("purpose", "")
    app = _for_post(request.user, public_id, purpose)
    if not request.user.has_perm(REGISTER):
        raise PermissionDenied
    form = StatusKeyForm(request.POST, prefix="status_key")
    back = app.get_absolute_url() + (f"?{urlencode({'purpose': purpose})}" if purpose else "")
    if form.is_valid():
        language = form.cleaned_data["language"]
        with submit_once(request, form) as once:
            if once.done:  # a second submit of one form: the first gave the PIN; the case page says when
                return once.done
            try:
                key, pin = issue_status_key(request.user, app, language=language)
            except ValidationError as exc:
                _add_service_errors(form, exc)
            else:
                once.created(back)
        if not form.errors:
            response = render(
                request,
                "complaints/status_key_slip.html",
                {
                    "app": app,
                    "key": key,
                    "pin": pin,
                    "slip_language": language,
                    "status_url": _status_page_url(request, language),
                    "back": back,
                    "attempts": settings.OMBUDS_STATUS_LOCKOUT_ATTEMPTS,
                    "minutes": settings.OMBUDS_STATUS_LOCKOUT_MINUTES,
                },
            )
            add_never_cache_headers(response)  # no-store: the PIN is never kept by a browser or a cache
            return response
    app.refresh_from_db()
    return _render_detail(request, app, purpose, {"status_key": form}, status=400)

"""The one input-cleaning layer: what no request may carry, whichever page or API endpoint it reaches.

* NUL characters. PostgreSQL refuses them in text (a 500 on any lookup by code), and no field of
  ours has a use for them, so `RejectNulMiddleware` answers 400 for a NUL in the path, the query
  string, form fields or a JSON body, before any view runs. Uploaded file contents are not text
  fields and are left to the upload checks.
* Dates. A date in year 7 or 8114 is a typo, not a case: `install_date_bounds()` gives every
  date and datetime field of every Django form and DRF serializer (model-generated or declared)
  the same range check, so the register never numbers an application "7/KAT/00001". The range
  is OMBUDS_DATE_MIN_YEAR .. today + OMBUDS_DATE_YEARS_AHEAD (settings).
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.conf import settings
from django.core.exceptions import BadRequest, ValidationError
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import fields as drf_fields

# A JSON "\u0000" escape that is not itself escaped (an odd number of backslashes before "u0000").
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(pairs) -> bool:
    return any("\x00" in key or any("\x00" in str(v) for v in values) for key, values in pairs)


def request_has_nul(request) -> bool:
    if "\x00" in request.path_info or _has_nul(request.GET.lists()):
        return True
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    content_type = request.content_type or ""
    if content_type.startswith(_FORM_TYPES):
        return _has_nul(request.POST.lists())  # file contents are not text; Django drops NUL from file names
    if content_type == "application/json" or content_type.endswith("+json"):
        return b"\x00" in request.body or bool(_JSON_NUL.search(request.body))
    return False


class RejectNulMiddleware:
    """400 for a request carrying a NUL character anywhere a view would read text from."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key + value for key, value in request.COOKIES.items()):
            # A session cookie is looked up in the database as soon as anything reads the user,
            # and an error page would: answer before that, with a page that reads nothing.
            return HttpResponseBadRequest("NUL", content_type="text/plain")
        if request_has_nul(request):
            message = _("The request contains a NUL character, which no field accepts.")
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            raise BadRequest(message)
        return self.get_response(request)


def date_bounds() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return dt.date(settings.OMBUDS_DATE_MIN_YEAR, 1, 1), dt.date(today.year + settings.OMBUDS_DATE_YEARS_AHEAD, 12, 31)


def validate_date_in_range(value) -> None:
    """A date or datetime outside the range the institution can have records for is refused."""
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    low, high = date_bounds()
    if not low <= day <= high:
        raise ValidationError(
            _("Enter a date between %(low)s and %(high)s.") % {"low": low.isoformat(), "high": high.isoformat()},
            code="date_out_of_range",
        )


# The field classes whose every instance gets the range check. Django form fields always run
# their default_validators; DRF fields run them unless a caller passes validators explicitly,
# which the strict serializer base in core.api covers.
BOUNDED_FIELDS = (forms.DateField, forms.DateTimeField, drf_fields.DateField, drf_fields.DateTimeField)


def install_date_bounds() -> None:
    for field_class in BOUNDED_FIELDS:
        validators = field_class.default_validators  # type: ignore[misc]
        if validate_date_in_range not in validators:
            field_class.default_validators = [*validators, validate_date_in_range]  # type: ignore[misc]

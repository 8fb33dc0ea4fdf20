"""API plumbing shared by every app: errors from services become clean 4xx responses."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from ombuds.core.exceptions import PurposeRequired


def exception_handler(exc, context):
    """Service-layer ValidationError → 400 with the (translated) messages; a secret-tier read
    without a stated purpose → 403 saying so. Anything else is DRF's usual handling."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, PurposeRequired):
        exc = exceptions.PermissionDenied("This record is secret tier: pass ?purpose=<why you open it>.")
    return drf_exception_handler(exc, context)

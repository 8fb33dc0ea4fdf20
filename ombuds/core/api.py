"""API plumbing shared by every app: strict serializers, the schema of error responses, and
errors from services as clean 4xx responses.

Every serializer of the API derives from `Serializer` or `ModelSerializer` below (a test walks
them all), so a write that carries a field the endpoint does not take is refused, with the field
named, instead of being silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

from ombuds.core.cleaning import validate_date_in_range
from ombuds.core.exceptions import Conflict, PurposeRequired

# Sent by the browsable API's HTML forms alongside the fields; never a field of ours.
_FORM_PLUMBING = frozenset({"csrfmiddlewaretoken"})


class StrictFieldsMixin:
    """Refuse unknown and read-only keys in the input instead of ignoring them."""

    default_error_messages: dict[str, StrOrPromise] = {
        "unknown_field": _("Unknown field: this endpoint does not accept it."),
        "read_only_field": _("This field is read-only: it cannot be written."),
    }

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            # Validators passed explicitly replace DRF's default ones (see core.cleaning).
            if isinstance(field, serializers.DateField | serializers.DateTimeField):
                if validate_date_in_range not in field.validators:
                    field.validators = [*field.validators, validate_date_in_range]
        return fields

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            fields = self.fields
            errors = {}
            for key in data:
                if key in _FORM_PLUMBING:
                    continue
                field = fields.get(key)
                if field is None:
                    errors[key] = [self.error_messages["unknown_field"]]
                elif field.read_only:
                    errors[key] = [self.error_messages["read_only_field"]]
            if errors:
                raise exceptions.ValidationError(errors)
        return super().to_internal_value(data)


class Serializer(StrictFieldsMixin, serializers.Serializer):
    pass


class ModelSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    """Also keeps the schema true to the data: a field whose column may be empty or null is
    documented so, however it was declared (DRF drops `allow_blank` from read-only fields, and a
    declared related field does not know its column is nullable)."""

    def include_extra_kwargs(self, kwargs, extra_kwargs):
        allow_blank = kwargs.get("allow_blank", False)
        kwargs = super().include_extra_kwargs(kwargs, extra_kwargs)
        if allow_blank and kwargs.get("read_only"):
            kwargs["allow_blank"] = True
        return kwargs

    def get_fields(self):
        fields = super().get_fields()
        for name, field in fields.items():
            if not field.allow_null and self._nullable(field.source or name):  # source is set on bind
                field.allow_null = True
        return fields

    def _nullable(self, source: str) -> bool:
        """Whether any step of a (dotted) source path is a nullable model field."""
        model: Any = self.Meta.model
        for name in source.split("."):
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:  # a property or method: nothing to learn from the model
                return False
            if getattr(model_field, "null", False) and not model_field.many_to_many:
                return True
            model = model_field.related_model
            if model is None:
                return False
        return False


class SectionMixin:
    """One rule for what a refusal may reveal, on every view set that uses it.

    The section's permission is checked first, for every action and before any record is looked
    up: a user without it gets 403 whatever the id, so nothing is learned from the answer. A
    user with it reaches the records through the scoped querysets and funnels, where a record
    they may not know of is 404, exactly like one that does not exist.
    """

    section_permissions: tuple[str, ...] = ()  # any one of them opens the section

    def may_use_section(self, user) -> bool:
        return not self.section_permissions or any(user.has_perm(p) for p in self.section_permissions)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not self.may_use_section(request.user):
            raise exceptions.PermissionDenied


_ERROR = {
    "type": "object",
    "description": "`detail` for the whole request, or a list of messages per field name.",
    "additionalProperties": True,
}
_ERRORS = {
    "400": "Invalid input (the fields at fault are named).",
    "401": "Not signed in.",
    "403": "The user lacks the permission for this section (or a secret-tier read states no purpose).",
}


class AutoSchema(SpectacularAutoSchema):
    """Document the error answers every endpoint can give, so that clients (and the schema
    conformance tests) know them: 400, 401, 403 everywhere, 404 where a record is addressed,
    415 where a body is sent."""

    def _get_response_bodies(self, direction="response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        errors = dict(_ERRORS)
        if "{" in self.path:
            errors["404"] = "No such record, or one the user may not know of."
        if self.method in ("POST", "PUT", "PATCH"):
            errors["415"] = "The body is not JSON, a form or multipart (say so in Content-Type)."
        for code, description in errors.items():
            responses.setdefault(
                code, {"description": description, "content": {"application/json": {"schema": _ERROR}}}
            )
        return responses


def exception_handler(exc, context):
    """Service-layer ValidationError → 400 with the (translated) messages; a secret-tier read
    without a stated purpose → 403 saying so; a stale write (Conflict) → 412. Anything else is
    DRF's usual handling."""
    # Imported here: core.etags documents its views through drf-spectacular, whose settings
    # import this module.
    from ombuds.core.etags import PreconditionFailed, conflict_exception

    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, PurposeRequired):
        exc = exceptions.PermissionDenied("This record is secret tier: pass ?purpose=<why you open it>.")
    elif isinstance(exc, Conflict):  # a write based on an old version: 412 (core/etags.py)
        exc = conflict_exception(exc)
    if isinstance(exc, PreconditionFailed):
        return exc.response()
    return drf_exception_handler(exc, context)

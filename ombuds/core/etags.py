"""Lost updates in the API: the detail of an editable record carries an `ETag` (its version), and
a PATCH or PUT must send it back in `If-Match`. Without the header the answer is 428; with one
that is not the record's current version, 412 with the current version in the body. The check
itself is the service's (`core.services.check_version`, under the row lock), so the API and the
pages refuse the same stale writes.

View sets use `expected_version(request, record)` before calling the service, `with_etag(response, record)` on
what they return, and `IF_MATCH`, `ETAG_HEADER` and `PRECONDITION_RESPONSES` in the
`extend_schema` of their writes (`VersionedDetailMixin` documents the detail's ETag itself).
"""

from __future__ import annotations

import re
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response

from ombuds.core.exceptions import Conflict

_TAG = re.compile(r'^(?:W/)?"(\d{1,10})"$')


def etag(record: Any) -> str:
    """A strong tag: If-Match compares strongly (RFC 9110 §13.1.1)."""
    return f'"{record.version}"'


def with_etag(response: Response, record: Any) -> Response:
    response["ETag"] = etag(record)
    return response


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = "Send If-Match with the ETag of the record you read (GET it first)."
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"

    def __init__(self, detail: str, current_version: int) -> None:
        super().__init__(detail)
        self.current_version = current_version

    def response(self) -> Response:
        """The answer (the exception handler's): the current version, as a number and as the ETag
        to send back once the client has looked at the record again."""
        return Response(
            {"detail": str(self.detail), "current_version": self.current_version},
            status=self.status_code,
            headers={"ETag": f'"{self.current_version}"'},
        )


def expected_version(request, record: Any) -> int | None:
    """The version the client read, from If-Match; `record` is the record as looked up, for the
    answer. `*` asks to write whatever the current version (None: no comparison). Missing: 428.
    Not a tag of this API: 412 (it can never match). The comparison with the current version is
    the service's, under the row lock."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired
    if header == "*":
        return None
    match = _TAG.match(header)
    if match is None:
        raise PreconditionFailed("If-Match holds no ETag of this API.", record.version)
    return int(match[1])


def conflict_exception(exc: Conflict) -> PreconditionFailed:
    """The service refused a write based on an old version (used by the API's exception handler)."""
    return PreconditionFailed(
        f"The record was changed since version {exc.expected}: GET it again and send its new ETag in If-Match.",
        exc.current.version,
    )


def versioned_patch(view, request, payload_class, call) -> Response:
    """PATCH a record through its service: look it up (404 out of scope), read If-Match (428,
    412), validate the payload (400), `call(record, validated_data, expected_version)` (the
    service: 403, 400, or 412 on a stale version) and answer the record as the detail shows it,
    with its new ETag. The caller has checked the section and the write permission."""
    record = view.get_object()
    expected = expected_version(request, record)
    payload = payload_class(data=request.data, partial=True, context=view.get_serializer_context())
    payload.is_valid(raise_exception=True)
    record = call(record, dict(payload.validated_data), expected)
    return with_etag(Response(view.get_serializer(record).data), record)


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description='The ETag of the record as read, e.g. `"3"`: a write based on an older version is refused '
    "with 412 (`*`: write over any version).",
)
ETAG_HEADER = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=True,
    description="The record's version; send it back in If-Match to change the record.",
)
_STALE = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "current_version": {"type": "integer"}},
    "required": ["detail", "current_version"],
}
_REQUIRED = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
PRECONDITION_RESPONSES = {
    412: OpenApiResponse(_STALE, description="The record changed since the version in If-Match."),
    428: OpenApiResponse(_REQUIRED, description="If-Match is missing."),
}


class VersionedDetailMixin:
    """The detail (GET) of a view set answers the record's ETag, documented once here; list it
    before DRF's mixins."""

    @extend_schema(parameters=[ETAG_HEADER])
    def retrieve(self, request, *args, **kwargs):
        record = self.get_object()
        return with_etag(Response(self.get_serializer(record).data), record)

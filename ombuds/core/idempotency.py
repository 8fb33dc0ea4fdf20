"""`Idempotency-Key` for every POST of the API: a retried create gives the first answer, not a
second record.

Follows the IETF draft "The Idempotency-Key HTTP Header Field" and Stripe's practice:

- The first request with a key is processed; its answer (status, body, Location, the created
  record's public id) is stored under (user, key) with a fingerprint of the method, path and body.
- A repeat with the same key and the same request gets the same status and body, with
  `Idempotent-Replayed: true`.
- The same key with a different request is refused with 422.
- A request that fails (an error raised before an answer is made: invalid input, a refused
  transition, a crash) stores nothing: a retry is processed afresh, as if new.
- Keys expire after settings.OMBUDS_IDEMPOTENCY_HOURS (`purge_idempotency_keys` deletes them).

Concurrency: the key row is inserted first, in the same transaction as the create, under a unique
constraint. A concurrent repeat blocks on that index (PostgreSQL) or on the write lock (SQLite)
until the first commits, then finds the row and replays its answer; if the first rolled back,
the repeat inserts the key itself and is processed. So N identical concurrent requests make
exactly one record and N identical answers, with no polling and no 409 in the normal case.

View sets opt in with `IdempotencyMixin` (tests/test_idempotency.py checks that every view set
with a POST does); `document_idempotency` adds the header and the answers to the schema.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http.request import RawPostDataException
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from ombuds.core.models import IdempotencyKey

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
API_PREFIX = "api:"
# Visible ASCII, as a bare token or a structured-field string ("…"); long enough for any UUID or hash.
_KEY = re.compile(r'^"?([\x21\x23-\x7e]{1,255})"?$')


class KeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _("This Idempotency-Key was already used for a different request; use a new key.")
    default_code = "idempotency_key_reused"


class KeyInFlight(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("A request with this Idempotency-Key has no stored answer yet; retry shortly.")
    default_code = "idempotency_key_in_flight"


def expiry():
    return timezone.now() + timedelta(hours=settings.OMBUDS_IDEMPOTENCY_HOURS)


def parse_key(raw: str) -> str:
    match = _KEY.match(raw.strip())
    if match is None:
        message = _("Send 1 to 255 visible ASCII characters (a UUID, say).")
        raise exceptions.ValidationError({HEADER: [message]})
    return match[1]


def fingerprint(method: str, path: str, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))  # unambiguous boundaries
        digest.update(part)
    return digest.hexdigest()


def _multipart_body(request) -> bytes:
    """A multipart request said as its parsed form: every field, and each file by name, size and
    SHA-256. Reading the raw body instead would refuse a file larger than
    DATA_UPLOAD_MAX_MEMORY_SIZE (files stream to disk; the raw body is kept in memory)."""
    parts: list = []
    for key in sorted(request.data.keys()):
        for value in request.data.getlist(key):
            if hasattr(value, "chunks"):
                digest = hashlib.sha256()
                for chunk in value.chunks():
                    digest.update(chunk)
                value.seek(0)
                parts.append([key, value.name, value.size, digest.hexdigest()])
            else:
                parts.append([key, value])
    return json.dumps(parts, cls=JSONEncoder).encode()


def _request_body(request) -> bytes:
    if (request.content_type or "").startswith("multipart/"):
        return _multipart_body(request)
    try:
        return request._request.body
    except RawPostDataException:  # the stream was read already: its parsed form says the same
        return json.dumps(request.data, cls=JSONEncoder, sort_keys=True).encode()


def purge_expired() -> int:
    """Delete keys past their expiry (the periodic job); returns how many."""
    deleted, _by_model = IdempotencyKey.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted


def claim(user, key: str, print_: str) -> IdempotencyKey | None:
    """Insert the key row inside the caller's transaction; None when a committed one exists.

    Blocks while another transaction holds an uncommitted row with the same key."""
    IdempotencyKey.objects.filter(user=user, key=key, expires_at__lte=timezone.now()).delete()
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction survives the refusal
            return IdempotencyKey.objects.create(user=user, key=key, fingerprint=print_, expires_at=expiry())
    except IntegrityError:
        return None


def _store(record: IdempotencyKey, response) -> None:
    data = getattr(response, "data", None)
    record.status_code = response.status_code
    record.response = json.dumps(data, cls=JSONEncoder)
    record.location = response.get("Location", "")[:500]
    if isinstance(data, dict):  # the serializers name the public id `id` or `public_id`
        record.object_id = str(data.get("id") or data.get("public_id") or "")[:64]
    record.save(update_fields=["status_code", "response", "location", "object_id", "updated_at"])


def _replay(user, key: str, print_: str) -> Response:
    record = IdempotencyKey.objects.filter(user=user, key=key).first()
    if record is None or record.status_code is None:
        raise KeyInFlight  # only if the first one's row vanished between the two statements
    if record.fingerprint != print_:
        raise KeyReused
    headers = {REPLAYED: "true"}
    if record.location:
        headers["Location"] = record.location
    return Response(json.loads(record.response), status=record.status_code, headers=headers)


def _run_once(handler, key: str, print_: str, request, *args, **kwargs):
    user = request.user
    with transaction.atomic():
        record = claim(user, key, print_)
        if record is not None:
            response = handler(request, *args, **kwargs)  # an exception rolls the key back too
            _store(record, response)
            return response
    return _replay(user, key, print_)


class IdempotencyMixin:
    """For API view sets: every POST honours an `Idempotency-Key` header (see the module)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raw = request.headers.get(HEADER)
        if request.method != "POST" or raw is None:
            return
        key = API_PREFIX + parse_key(raw)
        print_ = fingerprint(request.method, request.get_full_path(), _request_body(request))
        # DRF looks the handler up after initial(): wrap this request's one.
        self.post = partial(_run_once, self.post, key, print_)


_HEADER_PARAMETER = {
    "in": "header",
    "name": HEADER,
    "required": False,
    "description": (
        "Makes a retry safe: a repeat with the same key and the same request gets the first answer "
        "(header `Idempotent-Replayed: true`) instead of acting twice; the same key with another "
        "request is refused (422). Keys are kept per user for "
        f"{settings.OMBUDS_IDEMPOTENCY_HOURS} hours. A request that failed stores nothing."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 257, "pattern": r'^"?[\x21\x23-\x7e]{1,255}"?$'},
}
_ERROR = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
_ANSWERS = {
    "409": "A request with this Idempotency-Key has no stored answer yet; retry.",
    "422": "This Idempotency-Key was already used with a different request.",
}


def document_idempotency(result, generator, request, public):
    """drf-spectacular post-processing hook: the header, the replay marker and the 409/422 answers
    on every POST operation (every POST view set uses IdempotencyMixin: a test checks it)."""
    for operations in result.get("paths", {}).values():
        operation = operations.get("post")
        if operation is None:
            continue
        operation.setdefault("parameters", []).append(dict(_HEADER_PARAMETER))
        for code, answer in operation.get("responses", {}).items():
            if code.startswith("2"):
                answer.setdefault("headers", {})[REPLAYED] = {
                    "description": "`true` when this is the stored answer to an earlier request with the same key.",
                    "schema": {"type": "string", "enum": ["true"]},
                }
        for code, description in _ANSWERS.items():
            operation["responses"].setdefault(
                code, {"description": description, "content": {"application/json": {"schema": _ERROR}}}
            )
    return result

"""The audit trail: one append-only, hash-chained event per state change or secret read.

Chain: every event stores `prev_hash` (the previous event's hash) and `hash`, an HMAC-SHA256
over its own content and `prev_hash`, keyed with OMBUDS_AUDIT_KEY from the environment. A row
that is changed, deleted, inserted or reordered by raw SQL breaks the chain at that row or at
the next one, and without the key nobody with database access alone can forge a consistent
chain. A truncated tail leaves no broken link, so `sign_head()` periodically signs the current
head and appends it to a file outside the database (and to AuditCheckpoint); verification
checks that every signed head is still in the chain.

Writers serialise on one lock (PostgreSQL advisory lock; SQLite transactions are already
serialised) so that two concurrent events never share a `prev_hash`.
"""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction

from ombuds.core.data_classes import secret_field_names
from ombuds.core.models import AuditCheckpoint, AuditEvent

GENESIS = "0" * 64
MASK = "***"
_ADVISORY_LOCK_ID = 4_711_2026  # any constant; names the audit chain's lock in pg_locks

# Filled by RequestIdMiddleware for the duration of a request.
request_context: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "ombuds_audit_request", default=None
)


# Action names read `app.model.verb`: the app label and model name of the record the event is
# about (as `Model._meta.label_lower` spells them) and what happened to it, e.g.
# "complaints.application.registered". One style lets the auditor filter by app or by model.
ACTION_NAME = re.compile(r"^(?P<app>[a-z_]+)\.(?P<model>[a-z]+)\.[a-z_]+$")


def check_action_name(action: str) -> None:
    """Refuse an action name outside the `app.model.verb` style (a programming error)."""
    match = ACTION_NAME.match(action)
    if match is None or match["app"] not in {c.label for c in apps.get_app_configs()}:
        raise ValueError(f"audit action {action!r} is not 'app.model.verb'")
    try:
        apps.get_model(match["app"], match["model"])
    except LookupError as exc:
        raise ValueError(f"audit action {action!r} names no model") from exc


def _key() -> bytes:
    return settings.OMBUDS_AUDIT_KEY.encode()


def canonical(event) -> bytes:
    """The hashed content of an event: every column but the hashes themselves, in a fixed order."""
    # The sequence number itself is not hashed (it is only known after the insert); order is
    # protected by the prev_hash links, so moving a row breaks the chain all the same.
    payload = {
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "changes": event.changes,
        "purpose": event.purpose,
        "request_id": event.request_id,
        "ip": event.ip,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def compute_hash(event, prev_hash: str) -> str:
    return hmac.new(_key(), prev_hash.encode() + b"|" + canonical(event), hashlib.sha256).hexdigest()


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK_ID])


def mask_changes(changes: dict[str, Any] | None, secret_fields: set[str]) -> dict[str, Any]:
    """Replace the values of secret fields: the audit trail says *that* they changed, never *what*."""
    masked = {}
    for name, value in (changes or {}).items():
        masked[name] = MASK if name in secret_fields else value
    return masked


def record(
    action: str,
    *,
    actor=None,
    obj=None,
    object_type: str = "",
    object_id: str = "",
    changes: dict[str, Any] | None = None,
    purpose: str = "",
    secret_fields: set[str] | frozenset[str] = frozenset(),
):
    """Append one event. Call inside the service's transaction: it commits or rolls back with it."""
    check_action_name(action)
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(getattr(obj, "public_id", None) or obj.pk)
        secret_fields = set(secret_fields) | secret_field_names(type(obj))
    context = request_context.get() or {}
    with transaction.atomic():
        _lock_chain()
        last = AuditEvent.objects.order_by("-pk").values_list("hash", flat=True).first()
        event = AuditEvent(
            occurred_at=datetime.now(UTC),
            actor_id=getattr(actor, "pk", None),
            actor_label=getattr(actor, "username", "") or ("system" if actor is None else str(actor)),
            action=action,
            object_type=object_type,
            object_id=object_id,
            changes=mask_changes(changes, set(secret_fields)),
            purpose=purpose,
            request_id=context.get("request_id", ""),
            ip=context.get("ip") or None,
            prev_hash=last or GENESIS,
        )
        event.hash = compute_hash(event, event.prev_hash)
        event.save(force_insert=True)
    return event


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str = ""


def verify_chain(using: str = "default") -> VerifyResult:
    """Walk the whole chain in order; report the first sequence number that does not verify.

    `using` names the database (a restore checks the database it has just written)."""

    prev = GENESIS
    checked = 0
    hashes: dict[int, str] = {}
    for event in AuditEvent.objects.using(using).order_by("pk").iterator(chunk_size=2000):
        if event.prev_hash != prev:
            return VerifyResult(False, checked, event.pk, "link to the previous event is broken")
        if not hmac.compare_digest(event.hash, compute_hash(event, event.prev_hash)):
            return VerifyResult(False, checked, event.pk, "content does not match its hash")
        prev = event.hash
        hashes[event.pk] = event.hash
        checked += 1
    for seq, head_hash in _signed_heads(using):
        if hashes.get(seq) != head_hash:
            return VerifyResult(False, checked, seq, "a signed chain head is missing: the tail was cut or rewritten")
    return VerifyResult(True, checked)


def _anchor_path() -> Path:
    return Path(settings.OMBUDS_AUDIT_ANCHOR_PATH)


def _sign(seq: int, head_hash: str) -> str:
    return hmac.new(_key(), f"head|{seq}|{head_hash}".encode(), hashlib.sha256).hexdigest()


def _signed_heads(using: str = "default") -> list[tuple[int, str]]:
    """Signed heads from the database and from the anchor file; forged signatures are ignored."""

    heads = [(c.seq, c.head_hash, c.signature) for c in AuditCheckpoint.objects.using(using)]
    path = _anchor_path()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                heads.append((item["seq"], item["hash"], item["signature"]))
    return sorted({(s, h) for s, h, sig in heads if hmac.compare_digest(sig, _sign(s, h))})


def sign_head() -> tuple[int, str] | None:
    """Sign the current head and keep it in the database and in the anchor file outside it."""

    head = AuditEvent.objects.order_by("-pk").values_list("pk", "hash").first()
    if head is None:
        return None
    seq, head_hash = head
    signature = _sign(seq, head_hash)
    AuditCheckpoint.objects.get_or_create(seq=seq, defaults={"head_hash": head_hash, "signature": signature})
    path = _anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(
            json.dumps(
                {"seq": seq, "hash": head_hash, "signature": signature, "signed_at": datetime.now(UTC).isoformat()}
            )
            + "\n"
        )
    return seq, head_hash

"""Receipts: every answer a focal point submits is acknowledged with a reference number. Called
inside the answering service's transaction (not a service of its own)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ombuds.core import audit
from ombuds.focal.models import Receipt, ReceiptCounter
from ombuds.focal.scoping import focal_point_of


def next_reference(year: int) -> str:
    """The next receipt number of `year`: "AP-2026-000042" (call inside the caller's transaction)."""
    counter, _created = ReceiptCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"AP-{year}-{counter.last:06d}"


def issue_receipt(actor, *, kind: str, via_api: bool = False, **item) -> Receipt:
    """Acknowledge an answer just recorded (call inside the answering service's transaction)."""
    profile = focal_point_of(actor)
    if profile is None:
        raise PermissionDenied
    now = timezone.now()
    receipt = Receipt.objects.create(
        reference=next_reference(timezone.localdate(now).year),
        focal_point=profile,
        kind=kind,
        submitted_at=now,
        via_api=via_api,
        created_by=actor,
        updated_by=actor,
        **item,
    )
    audit.record("focal.receipt.issued", actor=actor, obj=receipt, changes={"reference": receipt.reference})
    return receipt

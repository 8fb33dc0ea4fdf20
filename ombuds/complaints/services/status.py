"""The applicant's reference and PIN, and what they open: the public status of an application.

A reference is random (not the register number, which would tell the unit and the year's count).
The PIN is six digits, shown once (on the portal's receipt, or on the slip the clerk hands over);
only an HMAC keyed by the server's blind-index key is stored, so a copy of the database alone
does not open any status. Wrong PINs lock the reference (complaints/services/status.py, settings
OMBUDS_STATUS_LOCKOUT_ATTEMPTS / _MINUTES).
"""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints.models import Application, StatusKey
from ombuds.complaints.permissions import REGISTER
from ombuds.core import audit, crypto
from ombuds.core.services import require

# No 0/O, 1/I/L: read aloud on the phone or copied from a paper slip without mistakes.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def _new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{body[:4]}-{body[4:]}"


def normalise_reference(text: str) -> str:
    """What a person typed, as stored: upper case, the dash where it belongs, spaces dropped."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{compact[:4]}-{compact[4:]}" if len(compact) == 8 else compact


def pin_digest(reference: str, pin: str) -> str:
    return crypto.blind_index(f"{reference}|{pin.strip()}", "complaints.status_key.pin")


@transaction.atomic
def issue_status_key(actor, application: Application, *, language: str = "az") -> tuple[StatusKey, str]:
    """Give the applicant a reference and a new PIN (a PIN given earlier stops working).

    `actor=None` is the portal itself, for an application it has just filed online. Returns the
    key and the PIN in clear, which the caller shows once and never stores."""
    if actor is not None:
        require(actor, REGISTER)
        if not Application.objects.visible_to(actor).filter(pk=application.pk).exists():
            raise ValidationError(_("No application with this number is open to you."))
    if language not in ("az", "en", "ru"):
        raise ValidationError({"language": _("Choose Azerbaijani, English or Russian.")})
    pin = f"{secrets.randbelow(10**6):06d}"
    key = StatusKey.objects.select_for_update().filter(application=application).first()
    if key is None:
        key = StatusKey(application=application, reference=_new_reference())
        while StatusKey.objects.filter(reference=key.reference).exists():  # 31^8 ≈ 8.5e11: rare
            key.reference = _new_reference()
    key.pin_digest = pin_digest(key.reference, pin)
    key.language = language
    key.failures = 0
    key.locked_until = None
    key.issued_at = timezone.now()
    key.issued_by = actor
    key.save()
    audit.record(
        "complaints.statuskey.issued",
        actor=actor,
        obj=application,
        changes={"reference": key.reference, "language": language},
    )
    return key, pin

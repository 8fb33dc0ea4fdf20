"""Focal-point accounts: created by staff holding `focal.manage_focal_points`, one or more per
authority, optionally limited to one place (domain.md §4). The account is a `User` of kind
"focal_point": no unit, no role, no usable password until the invitation is accepted."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.accounts.choices import UserKind
from ombuds.accounts.models import User
from ombuds.core import audit
from ombuds.core.services import require
from ombuds.focal.models import FocalPoint
from ombuds.focal.permissions import MANAGE


def invitation_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_invitation(profile: FocalPoint) -> str:
    """Give `profile` a fresh invitation token (the earlier link stops working); return the token."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    profile.invitation_digest = invitation_digest(token)
    profile.invited_at = now
    profile.invitation_expires_at = now + timedelta(days=settings.OMBUDS_FOCAL_INVITATION_DAYS)
    return token


@transaction.atomic
def create_focal_point(
    actor,
    *,
    authority,
    username: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    place=None,
    position: str = "",
    phone: str = "",
) -> tuple[FocalPoint, str]:
    """Create the account and its profile; return them with the invitation token (shown once).
    `actor` None is the system (the demo seed)."""
    require(actor, MANAGE)
    username = username.strip()
    if not username:
        raise ValidationError({"username": _("Enter a username.")})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is already taken.")})
    if authority is None or not authority.is_active:
        raise ValidationError({"authority": _("Choose the body this focal point answers for.")})
    user = User(
        username=username,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        kind=UserKind.FOCAL_POINT,
        authority=authority,
    )
    user.set_unusable_password()
    user.save()
    profile = FocalPoint(user=user, place=place, position=position.strip(), phone=phone.strip())
    token = _new_invitation(profile)
    profile.created_by = profile.updated_by = actor
    profile.save()
    audit.record(
        "focal.focalpoint.created",
        actor=actor,
        obj=profile,
        changes={"username": username, "authority": authority.code, "place": str(place.public_id) if place else None},
    )
    return profile, token

"""Focal-point accounts: created by staff holding `focal.manage_focal_points`, one or more per
authority, optionally limited to one place (domain.md §4). The account is a `User` of kind
"focal_point": no unit, no role, no usable password until the invitation is accepted.

The invitation link carries a random token; only its SHA-256 digest is kept, so the link is shown
once (to the staff member who made it, and in the e-mail to the focal point). Accepting it sets the
password; the second factor is enrolled next, as for staff (accounts.middleware.RequireMFAMiddleware).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ombuds.accounts.choices import UserKind
from ombuds.accounts.models import ApiToken, User
from ombuds.accounts.tokens import revoke_api_token
from ombuds.core import audit
from ombuds.core.services import lock, require
from ombuds.focal.models import Draft, FocalPoint
from ombuds.focal.permissions import MANAGE

LANGUAGES = {code for code, _name in settings.LANGUAGES}


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


def _check_place(authority, place) -> None:
    """A place-only focal point answers for a place its body supervises (monitoring.Place.authority)."""
    if place is not None and place.authority_id != authority.pk:
        raise ValidationError(
            {"place": _("This place is not supervised by %(body)s: choose one of its places.") % {"body": authority}}
        )


def _check_language(language: str | None) -> None:
    if language is not None and language not in LANGUAGES:
        raise ValidationError({"language": _("Choose the language of the invitation.")})


def _send_invitation(profile: FocalPoint, token: str, language: str | None) -> None:
    """Queue the e-mail with the link once the caller's transaction commits. Without a language
    (the demo seed, a link handed over in person) or an address, no e-mail is sent."""
    if language is None or not profile.user.email:
        return
    from ombuds.focal.invitations import queue_invitation_email

    queue_invitation_email(profile, token, language)


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
    language: str | None = None,
) -> tuple[FocalPoint, str]:
    """Create the account and its profile; return them with the invitation token (shown once).
    With `language` (az/en/ru) the invitation is e-mailed to `email` in that language.
    `actor` None is the system (the demo seed)."""
    require(actor, MANAGE)
    username = username.strip()
    if not username:
        raise ValidationError({"username": _("Enter a username.")})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is already taken.")})
    if authority is None or not authority.is_active:
        raise ValidationError({"authority": _("Choose the body this focal point answers for.")})
    _check_place(authority, place)
    _check_language(language)
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
    _send_invitation(profile, token, language)
    return profile, token


@transaction.atomic
def reinvite_focal_point(actor, fp: FocalPoint, *, language: str | None = None) -> str:
    """A new invitation link (the earlier one stops working), e.g. when the first expired. An
    account that accepted already may be invited again to set a new password; its second
    factor stays, so the link alone does not open it."""
    require(actor, MANAGE)
    _check_language(language)
    profile = lock(fp, "user")
    if profile.revoked_at is not None:
        raise ValidationError(_("This account was revoked: create a new one instead of inviting it again."))
    token = _new_invitation(profile)
    profile.updated_by = actor
    profile.save(update_fields=["invitation_digest", "invited_at", "invitation_expires_at", "updated_by", "updated_at"])
    audit.record(
        "focal.focalpoint.reinvited",
        actor=actor,
        obj=profile,
        changes={"invitation_expires_at": str(profile.invitation_expires_at)},
    )
    _send_invitation(profile, token, language)
    fp.refresh_from_db()
    return token


@transaction.atomic
def revoke_focal_point(actor, fp: FocalPoint, reason: str) -> None:
    """Close the account for good: it can no longer sign in (its open sessions end on their next
    request, since an inactive user is not loaded), its API tokens stop working, its invitation
    link and its unsent drafts are gone. What it submitted stays (receipts, answers)."""
    require(actor, MANAGE)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for revoking this account.")})
    profile = lock(fp, "user")
    if profile.revoked_at is not None:
        raise ValidationError(_("This account is already revoked."))
    profile.revoked_at = timezone.now()
    profile.revoked_reason = reason[:300]
    profile.invitation_digest = ""
    profile.updated_by = actor
    profile.save(update_fields=["revoked_at", "revoked_reason", "invitation_digest", "updated_by", "updated_at"])
    user = profile.user
    user.is_active = False
    user.save(update_fields=["is_active"])
    for token in ApiToken.objects.filter(user=user, revoked_at__isnull=True).select_related("user"):
        revoke_api_token(actor, token)
    drafts, _by_model = Draft.objects.filter(focal_point=profile).delete()
    audit.record("focal.focalpoint.revoked", actor=actor, obj=profile, changes={"drafts_deleted": drafts})
    fp.refresh_from_db()
    fp.user.refresh_from_db()


def find_invitation(token: str) -> FocalPoint:
    """The focal point a live invitation token belongs to; ValidationError saying why otherwise
    (unknown, used or replaced, expired, revoked). Reads only: the page shows the form with it."""
    digest = invitation_digest(token or "")
    profile = (
        FocalPoint.objects.select_related("user", "user__authority", "place")
        .filter(invitation_digest=digest)
        .exclude(invitation_digest="")
        .first()
    )
    # The digest is a lookup key, not a secret compared byte by byte: the token it comes from has
    # 256 random bits, so guessing by timing is no easier than guessing the token.
    if profile is None or not token:
        raise ValidationError(
            _(
                "This invitation link is not valid: it was already used, replaced by a newer one, or copied "
                "incompletely. Ask the Commissioner's office for a new link."
            ),
            code="invalid",
        )
    if profile.revoked_at is not None or not profile.user.is_active:
        raise ValidationError(_("This account was revoked: the link no longer works."), code="revoked")
    if profile.invitation_expires_at is None or profile.invitation_expires_at <= timezone.now():
        expired = formats.date_format(timezone.localtime(profile.invitation_expires_at), "SHORT_DATETIME_FORMAT")
        raise ValidationError(
            _("This invitation link expired on %(date)s. Ask the Commissioner's office for a new link.")
            % {"date": expired},
            code="expired",
        )
    return profile


@transaction.atomic
def accept_invitation(token: str, password: str) -> FocalPoint:
    """The focal point sets its password with the link it was sent. A system action: the token is
    the credential (nobody is signed in yet). The link works once."""
    found = find_invitation(token)
    profile = lock(found, "user")
    if profile.invitation_digest != found.invitation_digest:  # accepted or replaced meanwhile
        raise ValidationError(_("This invitation link was used a moment ago."), code="invalid")
    user = profile.user
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.save(update_fields=["password"])
    first = profile.accepted_at is None
    profile.accepted_at = timezone.now()
    profile.invitation_digest = ""
    profile.save(update_fields=["accepted_at", "invitation_digest", "updated_at"])
    audit.record("focal.focalpoint.accepted", actor=user, obj=profile, changes={"first_acceptance": first})
    return profile


# An argument left out of `update_focal_point` keeps its value (None is a value: no place).
_KEEP: object = object()


@transaction.atomic
def update_focal_point(
    actor,
    fp: FocalPoint,
    *,
    place=_KEEP,
    position=_KEEP,
    phone=_KEEP,
    email=_KEEP,
    first_name=_KEEP,
    last_name=_KEEP,
) -> FocalPoint:
    """Correct a focal point's details; the ones not given stay as they are. Its body never
    changes: a focal point of another body is another account."""
    require(actor, MANAGE)
    profile = lock(fp, "user", "user__authority")
    if profile.revoked_at is not None:
        raise ValidationError(_("This account is revoked: its details are kept as they were."))
    user = profile.user
    if place is not _KEEP:
        _check_place(user.authority, place)
    given = {"position": position, "phone": phone, "email": email, "first_name": first_name, "last_name": last_name}
    owners = {"position": profile, "phone": profile, "email": user, "first_name": user, "last_name": user}
    changes: dict[str, list] = {}
    if place is not _KEEP and place != profile.place:
        before = profile.place
        changes["place"] = [str(before.public_id) if before else None, str(place.public_id) if place else None]
        profile.place = place
    for name, value in given.items():
        if value is _KEEP:
            continue
        value = str(value or "").strip()
        if getattr(owners[name], name) != value:
            changes[name] = [getattr(owners[name], name), value]
            setattr(owners[name], name, value)
    if not changes:
        return profile
    user.save(update_fields=["email", "first_name", "last_name"])
    profile.updated_by = actor
    profile.save(update_fields=["place", "position", "phone", "updated_by", "updated_at"])
    audit.record("focal.focalpoint.updated", actor=actor, obj=profile, changes=changes)
    fp.refresh_from_db()
    return profile

"""The only doorway that changes staff accounts, units and roles.

Every function checks its actor itself (`accounts.manage_staff`, held by the system
administrator); `actor=None` is the system: management commands, the demo seed, data migrations.
Nobody changes their own roles, unit or account: a second administrator does (separation of
duties, security.md V8), so one compromised administrator cannot raise their own rights.
"""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombuds.accounts.models import OrgUnit, Role, User
from ombuds.accounts.permissions import MANAGE_STAFF
from ombuds.accounts.roles import ADMIN_SITE_ROLES
from ombuds.core import audit
from ombuds.core.services import lock, require, save


def _require_other(actor: User | None, user: User) -> None:
    require(actor, MANAGE_STAFF)
    if actor is not None and actor.pk == user.pk:
        raise PermissionDenied
    if user.is_focal_point:  # focal points are managed by the authority portal's services
        raise ValidationError(_("This is an authority's focal point, not a staff member."))


def _refresh_staff_flag(user: User) -> bool:
    user.is_staff = user.roles.filter(code__in=[str(c) for c in ADMIN_SITE_ROLES]).exists()
    save(user, None, "is_staff")
    return user.is_staff


@transaction.atomic
def create_staff_user(
    actor: User | None,
    *,
    username: str,
    password: str | None,
    unit: OrgUnit,
    roles: list[str],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    **profile,
) -> User:
    """Create a staff account in one unit with its roles. `actor` None means a system process."""
    require(actor, MANAGE_STAFF)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is already taken.")})
    found = list(Role.objects.filter(code__in=roles))
    if len(found) != len(set(roles)):
        raise ValidationError({"roles": _("Unknown role.")})
    user = User(username=username, first_name=first_name, last_name=last_name, email=email, org_unit=unit, **profile)
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.roles.set(found)
    _refresh_staff_flag(user)
    audit.record(
        "accounts.user.created",
        actor=actor,
        obj=user,
        changes={"username": username, "unit": unit.code, "roles": sorted(roles)},
    )
    return user


@transaction.atomic
def grant_role(actor: User | None, user: User, role_code: str) -> None:
    _require_other(actor, user)
    role = Role.objects.filter(code=role_code).first()
    if role is None:
        raise ValidationError({"roles": _("Unknown role.")})
    locked = lock(user)
    locked.roles.add(role)
    user.is_staff = _refresh_staff_flag(locked)
    audit.record("accounts.role.granted", actor=actor, obj=locked, changes={"role": str(role_code)})


@transaction.atomic
def revoke_role(actor: User | None, user: User, role_code: str) -> None:
    _require_other(actor, user)
    locked = lock(user)
    locked.roles.remove(*Role.objects.filter(code=role_code))
    user.is_staff = _refresh_staff_flag(locked)
    audit.record("accounts.role.revoked", actor=actor, obj=locked, changes={"role": str(role_code)})


@transaction.atomic
def move_to_unit(actor: User | None, user: User, unit: OrgUnit) -> None:
    _require_other(actor, user)
    locked = lock(user, "org_unit")
    previous = locked.org_unit.code if locked.org_unit else None
    locked.org_unit = user.org_unit = unit
    save(locked, actor, "org_unit")
    audit.record("accounts.user.moved", actor=actor, obj=locked, changes={"unit": [previous, unit.code]})


@transaction.atomic
def deactivate_user(actor: User | None, user: User) -> None:
    """Disable an account; its sessions stop working on their next request."""
    _require_other(actor, user)
    locked = lock(user)
    locked.is_active = user.is_active = False
    save(locked, actor, "is_active")
    audit.record("accounts.user.deactivated", actor=actor, obj=locked)

"""The only doorway that changes staff accounts, units and roles."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombuds.accounts.models import OrgUnit, Role, User
from ombuds.accounts.roles import ADMIN_SITE_ROLES
from ombuds.core import audit


def _refresh_staff_flag(user: User) -> None:
    user.is_staff = user.roles.filter(code__in=[str(c) for c in ADMIN_SITE_ROLES]).exists()
    user.save(update_fields=["is_staff"])


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
    user.roles.add(Role.objects.get(code=role_code))
    _refresh_staff_flag(user)
    audit.record("accounts.role.granted", actor=actor, obj=user, changes={"role": role_code})


@transaction.atomic
def revoke_role(actor: User | None, user: User, role_code: str) -> None:
    user.roles.remove(*Role.objects.filter(code=role_code))
    _refresh_staff_flag(user)
    audit.record("accounts.role.revoked", actor=actor, obj=user, changes={"role": role_code})


@transaction.atomic
def move_to_unit(actor: User | None, user: User, unit: OrgUnit) -> None:
    previous = user.org_unit.code if user.org_unit else None
    user.org_unit = unit
    user.save(update_fields=["org_unit"])
    audit.record("accounts.user.moved", actor=actor, obj=user, changes={"unit": [previous, unit.code]})


@transaction.atomic
def deactivate_user(actor: User | None, user: User) -> None:
    """Disable an account; its sessions stop working on their next request."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit.record("accounts.user.deactivated", actor=actor, obj=user)

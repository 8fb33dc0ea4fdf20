"""Service-permission rows of the accounts app: only the system administrator (and the system,
actor None) manages staff accounts."""

import itertools

from ombuds.accounts import services
from ombuds.core.testing import ServiceRow

ADMINS = frozenset({"sysadmin"})
_n = itertools.count(1)


def _office():
    from ombuds.accounts.models import OrgUnit

    return OrgUnit.objects.get(code="office")


def _someone():
    from ombuds.accounts.testing import make_user

    return make_user(username=f"matrix.staff{next(_n)}", roles=["analyst"])


ROWS = [
    ServiceRow(
        services.create_staff_user,
        ADMINS,
        lambda actor: services.create_staff_user(
            actor, username=f"matrix.new{next(_n)}", password=None, unit=_office(), roles=["analyst"]
        ),
    ),
    ServiceRow(services.grant_role, ADMINS, lambda actor: services.grant_role(actor, _someone(), "auditor")),
    ServiceRow(services.revoke_role, ADMINS, lambda actor: services.revoke_role(actor, _someone(), "analyst")),
    ServiceRow(services.move_to_unit, ADMINS, lambda actor: services.move_to_unit(actor, _someone(), _office())),
    ServiceRow(services.deactivate_user, ADMINS, lambda actor: services.deactivate_user(actor, _someone())),
]

"""The permissions of the applications app, named once (views, API views and services import them
from here).

Role permissions (`accounts.*`, `complaints.handle_application`) come from the roles table
(ombuds/accounts/roles.py). Object rules that depend on the record are `rules` permissions,
checked with the record: `user.has_perm(TRANSFER, app)` / `core.services.require(actor, TRANSFER, app)`.
"""

from __future__ import annotations

import rules
from django.db.models import Q

from ombuds.accounts.choices import RoleCode

REGISTER = "accounts.register_intake"
HANDLE = "complaints.handle_application"
VIEW_ALL = "accounts.view_all_records"
VIEW_SECRET = "accounts.view_secret_tier"  # noqa: S105 - a permission name
TRANSFER = "complaints.transfer_application"
IMPORT = "complaints.import_register"  # a register exported from an earlier system (complaints/importer.py)

# The unit whose head answers for urgent applications of units that have no head of their own
# (the 916 centre, the regional centres): see complaints/routing.py.
COMPLAINTS_DEPARTMENT = "dept_complaints"
URGENT = Q(urgent_life=True) | Q(urgent_torture=True) | Q(urgent_child=True)


def is_complaints_head(user) -> bool:
    return (
        user.is_authenticated
        and user.org_unit_id is not None
        and user.org_unit.code == COMPLAINTS_DEPARTMENT
        and user.has_role(RoleCode.DEPARTMENT_HEAD)
    )


def urgent_from_every_unit(user) -> Q:
    """The Application SCOPE's own rule: the head of the Applications Department may open every
    urgent application, whichever unit received it (they triage those of units without a head)."""
    return URGENT if is_complaints_head(user) else Q(pk__in=[])


@rules.predicate
def handles_cases(user) -> bool:
    return user.has_perm(HANDLE)


@rules.predicate
def registered_open_intake(user, app) -> bool:
    """The clerk who registered the application may hand it on while it is still with their desk
    (a 916 operator passes a call to the Applications Department)."""
    return (
        app is not None
        and user.is_active
        and app.in_intake
        and app.created_by_id == user.pk
        and user.has_perm(REGISTER)
    )


rules.add_perm(TRANSFER, handles_cases | registered_open_intake)

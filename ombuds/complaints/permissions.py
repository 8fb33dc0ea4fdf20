"""The permissions of the applications app, named once (views, API views and services import them
from here).

Role permissions (`accounts.*`, `complaints.handle_application`) come from the roles table
(ombuds/accounts/roles.py). Object rules that depend on the record are `rules` permissions,
checked with the record: `user.has_perm(TRANSFER, app)` / `core.services.require(actor, TRANSFER, app)`.
"""

from __future__ import annotations

import rules

REGISTER = "accounts.register_intake"
HANDLE = "complaints.handle_application"
VIEW_ALL = "accounts.view_all_records"
VIEW_SECRET = "accounts.view_secret_tier"  # noqa: S105 - a permission name
TRANSFER = "complaints.transfer_application"


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

"""Permission names of the accounts app, in one place (the codenames live in
`accounts.models.Role.Meta.permissions`; roles grant them, `roles.py`)."""

VIEW_ALL_RECORDS = "accounts.view_all_records"
VIEW_SECRET_TIER = "accounts.view_secret_tier"  # noqa: S105 - a permission name, not a secret
VIEW_MEDICAL = "accounts.view_medical"
VIEW_AUDIT_LOG = "accounts.view_audit_log"
VIEW_AGGREGATES = "accounts.view_aggregates"
REGISTER_INTAKE = "accounts.register_intake"
# Creating accounts, granting and revoking roles, moving staff between units, disabling accounts.
MANAGE_STAFF = "accounts.manage_staff"
MANAGE_REFERENCE_DATA = "accounts.manage_reference_data"

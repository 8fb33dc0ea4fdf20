"""The permissions the monitoring app checks, in one place: services, views and the API import them
from here instead of spelling the strings out."""

MANAGE_VISITS = "monitoring.manage_visits"  # plan and carry out visits, record what they find
VIEW_PLACE = "monitoring.view_place"  # the register of places (public facts)
VIEW_ALL_RECORDS = "accounts.view_all_records"  # read every unit's visits (the Commissioner)
VIEW_SECRET_TIER = "accounts.view_secret_tier"  # noqa: S105 - a permission name: identities, allegations, reprisals
VIEW_MEDICAL = "accounts.view_medical"  # the medical part of an allegation (physicians)

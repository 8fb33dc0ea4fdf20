"""The permissions the monitoring app checks, in one place: services, views and the API import them
from here instead of spelling the strings out."""

from ombuds.monitoring.models import Visit

MANAGE_VISITS = "monitoring.manage_visits"  # plan and carry out visits, record what they find
VIEW_PLACE = "monitoring.view_place"  # the register of places (public facts)
VIEW_ALL_RECORDS = "accounts.view_all_records"  # read every unit's visits (the Commissioner)
VIEW_SECRET_TIER = "accounts.view_secret_tier"  # noqa: S105 - a permission name: identities, allegations, reprisals
VIEW_MEDICAL = "accounts.view_medical"  # the medical part of an allegation (physicians)


def may_use_visits(user) -> bool:
    """The visits section, for its pages and its API alike: those who manage visits or read every
    unit's, and anyone who has a visit of their own to open (a team member of another role). The
    others get 403 whatever the id; inside the section a visit out of scope is 404, like a missing one."""
    if user.has_perm(MANAGE_VISITS) or user.has_perm(VIEW_ALL_RECORDS):
        return True
    return user.is_authenticated and Visit.objects.visible_to(user).exists()

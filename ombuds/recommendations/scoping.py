"""Who sees which recommendation, beyond the unit/region/responsible rules of `Scope`
(domain.md §4, issue: NPM members see the recommendations of their visits, complaints staff those
from their cases, the Commissioner and the NPM lead all; awareness staff and operators none)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from ombuds.accounts.choices import RoleScope
from ombuds.accounts.scoping import NOTHING, is_npm_lead, role_scopes

# Roles whose scope reaches case or visit records at all; the others get nothing from this rule.
_CASE_SCOPES = {RoleScope.UNIT, RoleScope.REGION, RoleScope.ASSIGNED}


def also_visible(user) -> Q:
    """The NPM lead reads every recommendation; a visit's team member those of the visit; an
    application's assignee those of the case."""
    if is_npm_lead(user):
        return Q()
    if not role_scopes(user) & _CASE_SCOPES:
        return NOTHING
    from ombuds.complaints.models import Application
    from ombuds.monitoring.models import TeamMember

    on_team = TeamMember.objects.filter(visit_id=OuterRef("visit_id"), user=user)
    assigned = Application.objects.filter(pk=OuterRef("application_id"), assignee=user)
    return Q(Exists(on_team)) | Q(Exists(assigned))

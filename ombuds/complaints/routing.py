"""Who answers for an urgent application: one rule that always ends at a person.

The head of the receiving unit; where that unit has none (the 916 centre, the regional centres),
the head of the Applications Department; failing that, the Commissioner. At each step only
people who may open the case count (a secret-tier case passes over a head who may not see it),
so whoever is alerted can act. The same answer gives the urgent alert's recipients and the
24-hour triage deadline's responsible person.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from ombuds.accounts.choices import RoleCode
from ombuds.complaints.permissions import COMPLAINTS_DEPARTMENT


def urgent_contacts(app) -> list:
    """The people to alert, first the one responsible for the triage deadline (empty only when
    the institution has no active Commissioner)."""
    from ombuds.complaints.models import Application

    active = get_user_model().objects.filter(is_active=True).select_related("org_unit").order_by("pk")
    levels = [
        active.filter(roles__code=RoleCode.DEPARTMENT_HEAD, org_unit=app.unit_id),
        active.filter(roles__code=RoleCode.DEPARTMENT_HEAD, org_unit__code=COMPLAINTS_DEPARTMENT),
        active.filter(roles__code=RoleCode.COMMISSIONER),
    ]
    for level in levels:
        people = [
            person for person in level.distinct() if Application.objects.visible_to(person).filter(pk=app.pk).exists()
        ]
        if people:
            return people
    return []

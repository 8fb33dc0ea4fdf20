"""Need-to-know: which records a user may see (domain.md §4, security.md V8).

Each scoped model describes where its scope facts live with a `Scope` (paths to its unit,
region, assignees, creator, secret flag) and gets `visible_to(user)` from `ScopedQuerySet`.
Every single-record lookup goes through `get_object_for_user`, where out of scope and
non-existent look the same: 404. Role facts are read from the database on each request, so a
revoked role or assignment stops working on the next one.

Rules, ORed over the user's roles (RoleScope):
- ALL: every record; UNIT: records of the user's unit; REGION: records of the user's region and
  of the user's unit; ASSIGNED: records assigned to the user and the unit's queue; OWN_INTAKE:
  only what the next rule gives; NONE: nothing.
- Whoever registered a record sees it while it is still in intake with their desk (until it is
  triaged or transferred), with any role that has a case scope.
- Assigned records are always visible to their assignees.
- Secret tier (torture allegations, interviewee identities, reprisal cases, medical notes):
  only assignees, the NPM lead (head of the National Preventive Group) and holders of
  `accounts.view_secret_tier` (the Commissioner) — whatever their other scopes say.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import rules
from django.db import models
from django.db.models import Q
from django.http import Http404

from ombuds.accounts.choices import OrgUnitKind, RoleCode, RoleScope
from ombuds.core import audit
from ombuds.core.exceptions import PurposeRequired


@dataclass(frozen=True)
class Scope:
    unit: str | None = None  # path to the owning OrgUnit, e.g. "unit"
    region: str | None = None  # path to the Region, e.g. "region" or "unit__region"
    assignees: str | None = None  # path to the assigned user(s), e.g. "assignee" or "team__member"
    creator: str | None = "created_by"
    intake_open: str | None = None  # path to a boolean: still with the desk that registered it
    restricted: str | None = None  # path to a boolean: the record is in the secret tier
    # An app's own widening rule, `also(user) -> Q`, ORed in before the secret-tier filter (which
    # still applies); e.g. the head of the Applications Department opens urgent cases of any unit.
    also: Callable[[Any], Q] | None = None
    # Only when a path crosses a to-many relation can a row match twice; DISTINCT costs a sort on
    # large tables, so it is asked for explicitly.
    distinct: bool = False


NOTHING = Q(pk__in=[])


def role_scopes(user) -> set[str]:
    if not user.is_authenticated or not user.is_active:
        return set()
    return user.role_facts()[1]


def is_npm_lead(user) -> bool:
    return (
        user.is_authenticated
        and user.org_unit_id is not None
        and user.org_unit.kind == OrgUnitKind.NPG
        and user.has_role(RoleCode.DEPARTMENT_HEAD)
    )


def _assigned(user, scope: Scope) -> Q:
    return Q(**{scope.assignees: user}) if scope.assignees else NOTHING


def visible_q(user, scope: Scope) -> Q:
    """The filter for records `user` may see; NOTHING for an anonymous or disabled user."""
    scopes = role_scopes(user)
    if not scopes or scopes == {RoleScope.NONE}:
        # Roles without case scope (awareness, analyst, auditor, administrator) see no records,
        # even one assigned to them by mistake.
        return NOTHING
    assigned = _assigned(user, scope)
    if RoleScope.ALL in scopes:
        base = Q()
    else:
        base = assigned
        # A regional centre sees the records of its region and those its own unit received (a
        # walk-in about another region's district stays with the centre until transferred).
        if scope.unit and user.org_unit_id and scopes & {RoleScope.UNIT, RoleScope.ASSIGNED, RoleScope.REGION}:
            base |= Q(**{scope.unit: user.org_unit_id})
        if scope.region and user.org_unit_id and RoleScope.REGION in scopes:
            base |= Q(**{scope.region: user.org_unit.region_id})
        # Whoever registered a record keeps it while it is still with their desk, whatever else
        # their scope says: nobody loses the case they have just registered.
        if scope.creator and scope.intake_open:
            base |= Q(**{scope.creator: user, scope.intake_open: True})
        if scope.also:
            base |= scope.also(user)
    if not scope.restricted or user.has_perm("accounts.view_secret_tier"):
        return base
    secret = Q(**{scope.restricted: True})
    if is_npm_lead(user):
        return (base & ~secret) | secret
    return (base & ~secret) | (secret & assigned)


class ScopedQuerySet(models.QuerySet):
    """Querysets of scoped models; the model defines `SCOPE = Scope(...)`."""

    def visible_to(self, user):
        qs = self.filter(visible_q(user, self.model.SCOPE))
        return qs.distinct() if self.model.SCOPE.distinct else qs


def is_secret(obj) -> bool:
    path = obj.SCOPE.restricted
    if not path:
        return False
    value = obj
    for part in path.split("__"):
        value = getattr(value, part)
    return bool(value)


def get_object_for_user(queryset, user, public_id, *, write: bool = False, purpose: str = ""):
    """The one way to fetch a scoped record by its public id.

    `write=True` locks the row for the caller's transaction (two editors racing). Reading a
    secret-tier record writes an audit event with the stated purpose; without a purpose the read
    is refused (the views ask for one before showing such a record).
    """
    try:
        key = uuid.UUID(str(public_id))
    except ValueError as exc:
        raise Http404 from exc
    qs = queryset.visible_to(user)
    if write:
        qs = queryset.filter(pk__in=qs.values("pk")).select_for_update()
    obj = qs.filter(public_id=key).first()
    if obj is None:
        raise Http404
    if is_secret(obj):
        if not purpose.strip():
            raise PurposeRequired
        audit.record(f"{obj._meta.label_lower}.secret_read", actor=user, obj=obj, purpose=purpose.strip())
    return obj


@rules.predicate
def can_view_record(user, obj) -> bool:
    """Object-level check for templates and DRF (`user.has_perm(...)`), built on the same filter
    as the lists so that the two can never disagree."""
    if obj is None:
        return False
    return type(obj).objects.visible_to(user).filter(pk=obj.pk).exists()


def answers_for(user, authority_id: int | None) -> bool:
    """Whether `user` is an active focal point of the authority `authority_id` (domain.md §4).

    The services that take an authority's answer (information-request replies, responses to
    recommendations) accept such a user in place of a staff permission; the authority portal
    narrows further (a focal point of one institution answers only for its place)."""
    return bool(
        authority_id is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "is_focal_point", False)
        and user.authority_id == authority_id
    )

"""The operational dashboards of the Commissioner and the unit heads (domain.md §7.4).

Unlike the report tables, which read a frozen dataset, every figure here is read from the live
records (from the replica when there is one, ombuds/core/routers.py) at the moment the page is
opened. Each panel is a small table — the chart beside it draws the same numbers — and each
number links to the list that shows the records it counts, when the viewer may open that list
and the list can select them; the list shows only the records the viewer may open.

The scope
    A unit head sees the figures of their own unit by default (the records whose owning unit,
    the path `Scope.unit` of the model, is theirs: the same facts as the need-to-know rules of
    ombuds/accounts/scoping.py). `accounts.view_aggregates` — which every dashboard reader
    holds — is the permission to read the institution's anonymous counts (the statistics page
    shows them already), so each reader may switch to the whole institution; the Commissioner
    and the analysts, whose work is the whole institution, start there. Records that no unit
    owns (the register of places, the annual report's term) count in the institution's view only,
    except the places, which are the institution's one register and are shown in both.

The number of queries does not depend on the number of records: every panel is one or two
aggregate queries (grouped by the row's key), plus the reference names they join.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.choices import RoleScope
from ombuds.accounts.scoping import role_scopes

UNIT, ALL = "unit", "all"
# Roles that reach records through their unit: their dashboard starts with their unit.
UNIT_SCOPES = {RoleScope.UNIT, RoleScope.REGION, RoleScope.ASSIGNED}


@dataclass(frozen=True)
class Viewer:
    """Whose figures: the whole institution (`unit_id` None) or one unit's."""

    user: object
    scope: str
    unit_id: int | None

    @property
    def whole(self) -> bool:
        return self.unit_id is None


def default_scope(user) -> str:
    scopes = role_scopes(user)
    if user.org_unit_id and RoleScope.ALL not in scopes and scopes & UNIT_SCOPES:
        return UNIT
    return ALL


def viewer_for(user, asked: str | None) -> Viewer:
    """The scope asked for when the user may have it (a unit needs a unit), else the default."""
    scope = asked if asked in (UNIT, ALL) else default_scope(user)
    if scope == UNIT and not user.org_unit_id:
        scope = ALL
    return Viewer(user, scope, user.org_unit_id if scope == UNIT else None)


def scopes_for(user) -> list[tuple[str, str]]:
    """The switch's choices: the unit (for a member of one) and the institution."""
    choices = [(ALL, str(_("Whole institution")))]
    if user.org_unit_id:
        choices.insert(0, (UNIT, str(_("My unit: %(unit)s") % {"unit": user.org_unit})))
    return choices


@dataclass
class Line:
    """One row of a panel: its label, its number(s) and the list each number opens."""

    key: str
    label: str
    value: int
    href: str | None = None
    cells: list[tuple[object, str | None]] = field(default_factory=list)  # further columns: (shown, link)


@dataclass
class Panel:
    key: str
    title: str
    definition: str
    columns: list[str]  # headers of the columns after the label
    lines: list[Line]
    total: int | None = None
    chart: SafeString | None = None
    more: tuple[str, str] | None = None  # (link text, url) of the whole list
    note: str = ""
    unit_label: str = ""  # what the chart's bars count
    # False when the bars draw a figure the cells show already (a share): no column of its own.
    value_column: bool = True

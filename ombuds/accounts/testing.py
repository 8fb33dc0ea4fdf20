"""Plain factory helpers and named personas for tests (one persona per role).

Personas sit in realistic units so scope tests read like the institution: the regional officer
works in Ganja (West), the NPM member in the National Preventive Group, and so on.
"""

from __future__ import annotations

import itertools

from ombuds.accounts import services
from ombuds.accounts.choices import RoleCode
from ombuds.accounts.models import OrgUnit, User

TEST_PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test fixtures only

_counter = itertools.count(1)

# persona name -> (unit code, roles)
PERSONAS: dict[str, tuple[str, list[RoleCode]]] = {
    "commissioner": ("office", [RoleCode.COMMISSIONER]),
    "department_head": ("dept_complaints", [RoleCode.DEPARTMENT_HEAD]),
    "complaints_officer": ("dept_complaints", [RoleCode.COMPLAINTS_OFFICER]),
    "regional_officer": ("rc_west", [RoleCode.REGIONAL_OFFICER]),
    "intake_operator": ("call916", [RoleCode.INTAKE_OPERATOR]),
    "npm_member": ("npg", [RoleCode.NPM_MEMBER]),
    "npm_medical": ("npg", [RoleCode.NPM_MEDICAL]),
    "awareness_staff": ("dept_awareness", [RoleCode.AWARENESS_STAFF]),
    "analyst": ("dept_analysis", [RoleCode.ANALYST]),
    "auditor": ("office", [RoleCode.AUDITOR]),
    "sysadmin": ("dept_administration", [RoleCode.SYSADMIN]),
}

# Personas who are not staff: an authority's focal point (of the Ministry of Internal Affairs,
# created by `ombuds.focal.testing`). The permission and service matrices run them too.
FOCAL_POINT = "focal_point"
EXTERNAL_PERSONAS: dict[str, str] = {FOCAL_POINT: "mia"}
ALL_PERSONAS: list[str] = sorted([*PERSONAS, *EXTERNAL_PERSONAS])


def make_user(
    *,
    roles: list[RoleCode | str] | None = None,
    unit: str | OrgUnit = "dept_complaints",
    username: str | None = None,
    password: str = TEST_PASSWORD,
    **profile,
) -> User:
    unit_obj = unit if isinstance(unit, OrgUnit) else OrgUnit.objects.get(code=unit)
    return services.create_staff_user(
        None,
        username=username or f"user{next(_counter)}",
        password=password,
        unit=unit_obj,
        roles=[str(r) for r in (roles or [])],
        **profile,
    )


def make_persona(name: str, **profile) -> User:
    unit, roles = PERSONAS[name]
    return make_user(roles=roles, unit=unit, username=name.replace("_", "."), **profile)


def enrol_totp(user: User) -> str:
    """Give `user` a TOTP authenticator (as if enrolled); return the secret for computing codes."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))

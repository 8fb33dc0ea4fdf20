"""Demo staff: one fictional person per role, each in a realistic unit."""

from __future__ import annotations

from ombuds.accounts import services
from ombuds.accounts.choices import Gender, RoleCode
from ombuds.accounts.models import OrgUnit, User

DEMO_PASSWORD = "ombuds-demo-2026"  # noqa: S105 - printed on purpose, demo mode only

# username, first name, last name, gender, unit code, roles, extra profile
DEMO_STAFF = [
    ("commissioner", "Səbinə", "Əliyeva", Gender.FEMALE, "office", [RoleCode.COMMISSIONER], {}),
    ("head.complaints", "Rəşad", "Hüseynov", Gender.MALE, "dept_complaints", [RoleCode.DEPARTMENT_HEAD], {}),
    ("officer.baku", "Günel", "Məmmədova", Gender.FEMALE, "dept_complaints", [RoleCode.COMPLAINTS_OFFICER], {}),
    ("officer.ganja", "Elvin", "Quliyev", Gender.MALE, "rc_west", [RoleCode.REGIONAL_OFFICER], {}),
    ("officer.sheki", "Nigar", "Həsənova", Gender.FEMALE, "rc_northwest", [RoleCode.REGIONAL_OFFICER], {}),
    ("operator.916", "Aysel", "Kərimova", Gender.FEMALE, "call916", [RoleCode.INTAKE_OPERATOR], {}),
    ("operator.reception", "Tural", "İsmayılov", Gender.MALE, "reception", [RoleCode.INTAKE_OPERATOR], {}),
    ("npm.lead", "Fərid", "Abbasov", Gender.MALE, "npg", [RoleCode.DEPARTMENT_HEAD, RoleCode.NPM_MEMBER], {}),
    ("npm.member", "Leyla", "Rzayeva", Gender.FEMALE, "npg", [RoleCode.NPM_MEMBER], {}),
    ("npm.doctor", "Kamran", "Nəsirov", Gender.MALE, "npg", [RoleCode.NPM_MEDICAL], {"is_medical": True}),
    ("awareness", "Ülviyyə", "Səfərova", Gender.FEMALE, "dept_awareness", [RoleCode.AWARENESS_STAFF], {}),
    ("analyst", "Orxan", "Babayev", Gender.MALE, "dept_analysis", [RoleCode.ANALYST], {}),
    ("auditor", "Samirə", "Vəliyeva", Gender.FEMALE, "office", [RoleCode.AUDITOR], {}),
    ("sysadmin", "Emil", "Cəfərov", Gender.MALE, "dept_administration", [RoleCode.SYSADMIN], {}),
]


def seed(stdout) -> list[tuple[str, str]]:
    """Create the demo staff once; return (username, role names) for the printout."""
    units = {u.code: u for u in OrgUnit.objects.all()}
    accounts = []
    for username, first, last, gender, unit, roles, profile in DEMO_STAFF:
        if not User.objects.filter(username=username).exists():
            services.create_staff_user(
                None,
                username=username,
                password=DEMO_PASSWORD,
                unit=units[unit],
                roles=[str(r) for r in roles],
                first_name=first,
                last_name=last,
                gender=gender,
                **profile,
            )
        accounts.append((username, ", ".join(str(RoleCode(r).label) for r in roles)))
    return accounts

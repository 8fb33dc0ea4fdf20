"""The built-in roles of domain.md §4 and their default permissions.

This table is the starting point, not a cage: the roles are rows that an administrator may
extend in the admin site. `sync_builtin_roles` (run after every migrate) creates missing roles
and adds missing default permissions; it never removes a permission someone granted by hand.
Permissions of apps that do not exist yet are skipped and picked up by a later migrate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ombuds.accounts.choices import RoleCode, RoleScope

REFERENCE_DATA_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in [
        ("core", "region"),
        ("core", "district"),
        ("core", "calendarday"),
        ("core", "deadlinerule"),
        ("complaints", "righttopic"),
        ("monitoring", "coveragerule"),
        ("outreach", "topic"),
        ("outreach", "audience"),
        ("accounts", "orgunit"),
        ("accounts", "role"),
    ]
    for action in ("view", "add", "change")
]


@dataclass(frozen=True)
class RoleSpec:
    code: RoleCode
    name_az: str
    name_en: str
    name_ru: str
    scope: RoleScope
    permissions: list[str] = field(default_factory=list)


BUILTIN_ROLES: list[RoleSpec] = [
    RoleSpec(
        RoleCode.COMMISSIONER,
        "Müvəkkil",
        "Commissioner",
        "Уполномоченный",
        RoleScope.ALL,
        [
            "accounts.view_all_records",
            "accounts.view_secret_tier",
            "accounts.view_aggregates",
            "accounts.register_intake",
            "complaints.handle_application",
            "complaints.import_register",
            "monitoring.manage_visits",
            "monitoring.view_place",
            "outreach.manage_outreach",
            "outreach.approve_actionplan",
            "recommendations.manage_recommendations",
            "recommendations.issue_recommendation",
            "recommendations.publish_recommendation",
            "recommendations.import_recommendations",
            "focal.manage_focal_points",
            "reports.prepare_reports",
            "reports.approve_reports",
            "portal.edit_content",
            "portal.publish_content",
        ],
    ),
    RoleSpec(
        RoleCode.DEPARTMENT_HEAD,
        "Şöbə müdiri",
        "Department head",
        "Заведующий отделом",
        RoleScope.UNIT,
        [
            "accounts.view_aggregates",
            "accounts.register_intake",
            "complaints.handle_application",
            "complaints.import_register",
            "monitoring.manage_visits",
            "monitoring.view_place",
            "recommendations.manage_recommendations",
            "recommendations.issue_recommendation",
            "recommendations.import_recommendations",
            "focal.manage_focal_points",
            "reports.prepare_reports",
            "portal.edit_content",
            "portal.publish_content",
        ],
    ),
    RoleSpec(
        RoleCode.COMPLAINTS_OFFICER,
        "Müraciətlər üzrə məsul işçi",
        "Complaints officer",
        "Сотрудник по обращениям",
        RoleScope.ASSIGNED,
        [
            "accounts.register_intake",
            "complaints.handle_application",
            "recommendations.manage_recommendations",
        ],
    ),
    RoleSpec(
        RoleCode.REGIONAL_OFFICER,
        "Regional mərkəzin əməkdaşı",
        "Regional centre officer",
        "Сотрудник регионального центра",
        RoleScope.REGION,
        [
            "accounts.register_intake",
            "complaints.handle_application",
            "monitoring.manage_visits",
            "monitoring.view_place",
            "recommendations.manage_recommendations",
        ],
    ),
    RoleSpec(
        RoleCode.INTAKE_OPERATOR,
        "Qəbul / 916 operatoru",
        "Reception / 916 operator",
        "Оператор приёмной / 916",
        RoleScope.OWN_INTAKE,
        ["accounts.register_intake"],
    ),
    RoleSpec(
        RoleCode.NPM_MEMBER,
        "MPQ üzvü",
        "NPM member",
        "Член НПМ",
        RoleScope.UNIT,
        # Members take applications on site (channel "during a visit").
        [
            "monitoring.manage_visits",
            "monitoring.view_place",
            "accounts.register_intake",
            "recommendations.manage_recommendations",
        ],
    ),
    RoleSpec(
        RoleCode.NPM_MEDICAL,
        "MPQ-nin tibbi üzvü",
        "NPM medical member",
        "Медицинский член НПМ",
        RoleScope.UNIT,
        [
            "accounts.view_medical",
            "monitoring.manage_visits",
            "monitoring.view_place",
            "accounts.register_intake",
            "recommendations.manage_recommendations",
        ],
    ),
    RoleSpec(
        RoleCode.AWARENESS_STAFF,
        "Maarifləndirmə əməkdaşı",
        "Awareness-raising staff",
        "Сотрудник по просвещению",
        RoleScope.NONE,
        ["outreach.manage_outreach", "portal.edit_content"],
    ),
    RoleSpec(
        RoleCode.ANALYST,
        "Analitik",
        "Analyst",
        "Аналитик",
        RoleScope.NONE,
        ["accounts.view_aggregates", "monitoring.view_place", "reports.prepare_reports"],
    ),
    RoleSpec(
        RoleCode.AUDITOR,
        "Auditor / məlumatların mühafizəsi üzrə məsul şəxs",
        "Auditor / data protection officer",
        "Аудитор / ответственный за защиту данных",
        RoleScope.NONE,
        ["accounts.view_audit_log", "core.view_auditevent"],
    ),
    RoleSpec(
        RoleCode.SYSADMIN,
        "Sistem inzibatçısı",
        "System administrator",
        "Системный администратор",
        RoleScope.NONE,
        ["accounts.manage_staff", "accounts.manage_reference_data", *REFERENCE_DATA_PERMISSIONS],
    ),
]

# Roles whose holders get `is_staff` (the admin site, which shows reference data only).
ADMIN_SITE_ROLES = {RoleCode.SYSADMIN}


def sync_builtin_roles(sender=None, **kwargs) -> None:
    from django.contrib.auth.models import Permission

    from ombuds.accounts.models import Role

    wanted = {perm for spec in BUILTIN_ROLES for perm in spec.permissions}
    perms = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type")
        if f"{p.content_type.app_label}.{p.codename}" in wanted
    }
    for spec in BUILTIN_ROLES:
        role, _created = Role.objects.get_or_create(
            code=spec.code,
            defaults=dict(name_az=spec.name_az, name_en=spec.name_en, name_ru=spec.name_ru, scope=spec.scope),
        )
        present = [perms[name] for name in spec.permissions if name in perms]
        if present:
            role.permissions.add(*present)

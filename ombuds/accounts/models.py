"""People and organisation: org units, roles, staff users.

A user belongs to one org unit and may hold several roles. Roles are data (editable in the
admin) carrying Django permissions — *what* a person may do — and a scope — *which* records
they reach by default. Record-level scoping lives in each app's `visible_to(user)` querysets.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser, Permission
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.choices import Gender, OrgUnitKind, RoleCode, RoleScope, UserKind
from ombuds.core.data_classes import DataClass
from ombuds.core.models import Authority, District, Region, TranslatedName


class OrgUnit(TranslatedName):
    """A head-office department, the reception or 916 centre, the NPG, a regional centre, or a partner."""

    DATA_CLASSES = {
        **TranslatedName.DATA_CLASSES,
        **dict.fromkeys(
            ["code", "kind", "region", "parent", "address", "number_prefix", "is_active", "sort_order"],
            DataClass.PUBLIC,
        ),
    }

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrgUnitKind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="units", verbose_name=_("service region"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    number_prefix = models.CharField(
        _("prefix of registration numbers"),
        max_length=8,
        blank=True,
        help_text=_("For example: RCW for 2026/RCW/00042"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")

    def get_absolute_url(self) -> str:
        return reverse("accounts:unit_list") + f"#unit-{self.code}"

    @property
    def is_regional(self) -> bool:
        return self.kind in (OrgUnitKind.REGIONAL_CENTRE, OrgUnitKind.PARTNER_INSTITUTION)

    def districts(self) -> models.QuerySet[District]:
        """Districts this unit serves: those of its region (all of them for head-office units)."""
        if self.is_regional:
            return District.objects.filter(region=self.region)
        return District.objects.all()


class Role(TranslatedName):
    """A role of domain.md §4 with its permissions and default record scope."""

    DATA_CLASSES = {
        **TranslatedName.DATA_CLASSES,
        "code": DataClass.INTERNAL,
        "scope": DataClass.INTERNAL,
        "permissions": DataClass.INTERNAL,
    }

    code = models.SlugField(_("code"), max_length=40, unique=True)
    scope = models.CharField(_("record scope"), max_length=16, choices=RoleScope.choices)
    permissions = models.ManyToManyField(
        Permission, blank=True, related_name="ombuds_roles", verbose_name=_("permissions")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        # Capabilities that cut across apps; each domain app adds its own model permissions.
        permissions = [
            ("view_all_records", _("See records of every unit and region")),
            ("view_secret_tier", _("See secret-tier records (allegations, identities, reprisals)")),
            ("view_medical", _("See medical parts of allegations")),
            ("view_audit_log", _("Read the audit trail")),
            ("view_aggregates", _("See anonymised statistics")),
            ("register_intake", _("Register incoming applications and calls")),
            ("manage_staff", _("Manage staff accounts and their roles")),
            ("manage_reference_data", _("Edit reference data in the administration site")),
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A staff member, or an authority's focal point (`kind`, with the `authority` it answers for).

    Identity fields are internal: staff names appear on letters and reports. A focal point holds
    no role and no unit: `accounts.middleware.FocalPointConfinementMiddleware` keeps it inside the
    authority portal, and the services that take its answers check `scoping.answers_for`.
    """

    # Staff names appear on letters and reports (internal); the password hash and gender are confidential.
    DATA_CLASSES = {
        **dict.fromkeys(
            [
                "username",
                "first_name",
                "last_name",
                "patronymic",
                "email",
                "public_id",
                "org_unit",
                "roles",
                "languages",
                "is_medical",
                "is_psychologist",
                "kind",
                "authority",
                "is_staff",
                "is_active",
                "is_superuser",
                "last_login",
                "date_joined",
                "groups",
                "user_permissions",
            ],
            DataClass.INTERNAL,
        ),
        "password": DataClass.CONFIDENTIAL,
        "gender": DataClass.CONFIDENTIAL,
    }

    public_id = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("unit"),
    )
    roles = models.ManyToManyField(Role, blank=True, related_name="users", verbose_name=_("roles"))
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, default=Gender.UNSPECIFIED)
    languages = models.CharField(
        _("working languages"), max_length=100, blank=True, help_text=_("For example: az, ru, en")
    )
    is_medical = models.BooleanField(_("physician"), default=False)
    is_psychologist = models.BooleanField(_("psychologist"), default=False)
    kind = models.CharField(_("kind of account"), max_length=16, choices=UserKind.choices, default=UserKind.STAFF)
    authority = models.ForeignKey(
        Authority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focal_point_users",
        verbose_name=_("answers for"),
        help_text=_("Only for an authority's focal point: the body whose requests and recommendations it answers."),
    )

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        constraints = [
            # A focal point always answers for one body; staff never do.
            models.CheckConstraint(
                condition=(
                    models.Q(kind=UserKind.FOCAL_POINT, authority__isnull=False, org_unit__isnull=True)
                    | models.Q(kind=UserKind.STAFF, authority__isnull=True)
                ),
                name="accounts_user_kind_authority",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_focal_point(self) -> bool:
        return self.kind == UserKind.FOCAL_POINT

    @property
    def display_name(self) -> str:
        full = " ".join(part for part in (self.first_name, self.last_name) if part)
        return full or self.username

    def role_facts(self) -> tuple[set[str], set[str], set[str]]:
        """Codes, record scopes and permissions ("app.codename") of the user's roles, read in one
        query once per request object (a revoked role is gone on the next request)."""
        if not hasattr(self, "_role_facts"):
            codes: set[str] = set()
            scopes: set[str] = set()
            perms: set[str] = set()
            rows = self.roles.values_list(
                "code", "scope", "permissions__content_type__app_label", "permissions__codename"
            )
            # A focal point never holds a role's rights, even one granted by mistake.
            for code, scope, app, codename in rows if self.is_active and not self.is_focal_point else ():
                codes.add(code)
                scopes.add(scope)
                if codename:
                    perms.add(f"{app}.{codename}")
            self._role_facts = (codes, scopes, perms)
        return self._role_facts

    def role_codes(self) -> set[str]:
        return self.role_facts()[0]

    def has_role(self, *codes: str | RoleCode) -> bool:
        return bool(self.role_codes() & {str(code) for code in codes})

    @property
    def region(self) -> Region | None:
        return self.org_unit.region if self.org_unit_id else None


class ApiToken(models.Model):
    """A personal API token for integrations. Only a SHA-256 digest is stored; the token itself is
    shown once when created (`manage.py create_api_token`)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100)
    # "api": the REST API; "calendar": only the user's iCalendar feed (calendar links get shared).
    scope = models.CharField(_("scope"), max_length=16, default="api")
    prefix = models.CharField(_("prefix"), max_length=8, help_text=_("The first characters, to recognise it"))
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    DATA_CLASSES = {
        **dict.fromkeys(
            ["user", "name", "scope", "prefix", "created_at", "last_used_at", "revoked_at"], DataClass.INTERNAL
        ),
        "digest": DataClass.CONFIDENTIAL,
    }

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

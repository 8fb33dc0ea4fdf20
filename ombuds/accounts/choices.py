from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgUnitKind(models.TextChoices):
    HQ_DEPARTMENT = "hq_department", _("Head-office department")
    RECEPTION_CENTRE = "reception_centre", _("Citizens Reception Centre")
    CALL_CENTRE_916 = "call_centre_916", _("916 Call Centre")
    NPG = "npg", _("National Preventive Group")
    REGIONAL_CENTRE = "regional_centre", _("Regional centre")
    PARTNER_INSTITUTION = "partner_institution", _("Partner institution")


class RoleScope(models.TextChoices):
    """Which records a role reaches by default (need-to-know, domain.md §4)."""

    ALL = "all", _("All records")
    UNIT = "unit", _("Own unit")
    REGION = "region", _("Own region")
    ASSIGNED = "assigned", _("Assigned records and own unit's queue")
    OWN_INTAKE = "own_intake", _("Own intake until triage")
    NONE = "none", _("No case records")


class RoleCode(models.TextChoices):
    COMMISSIONER = "commissioner", _("Commissioner")
    DEPARTMENT_HEAD = "department_head", _("Department head")
    COMPLAINTS_OFFICER = "complaints_officer", _("Complaints officer")
    REGIONAL_OFFICER = "regional_officer", _("Regional centre officer")
    INTAKE_OPERATOR = "intake_operator", _("Reception / 916 operator")
    NPM_MEMBER = "npm_member", _("NPM member")
    NPM_MEDICAL = "npm_medical", _("NPM medical member")
    AWARENESS_STAFF = "awareness_staff", _("Awareness-raising staff")
    ANALYST = "analyst", _("Analyst")
    AUDITOR = "auditor", _("Auditor / data protection officer")
    SYSADMIN = "sysadmin", _("System administrator")


class UserKind(models.TextChoices):
    """Staff work inside the institution; an authority's focal point only answers what was
    addressed to its body, through the authority portal (domain.md §4), and is never staff."""

    STAFF = "staff", _("Staff member")
    FOCAL_POINT = "focal_point", _("Authority focal point")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNSPECIFIED = "unspecified", _("Not stated")

"""Secret-tier records of the NPM: allegations of torture or ill-treatment (Istanbul Protocol)
and reprisal cases (OPCAT Art. 21, SPT policy). Every narrative field is encrypted; the records
are visible only to the visit team, the NPM lead and the Commissioner, and the medical parts
only to medical members (and the Commissioner)."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.scoping import Scope, ScopedQuerySet
from ombuds.core.data_classes import DataClass
from ombuds.core.fields import EncryptedTextField
from ombuds.core.models import Authority, BaseModel
from ombuds.monitoring import choices as c
from ombuds.monitoring.models.visits import Interview, Visit

INT, SECRET = DataClass.INTERNAL, DataClass.SECRET


class Allegation(BaseModel):
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="allegations", verbose_name=_("visit"))
    interview = models.ForeignKey(
        Interview, on_delete=models.PROTECT, related_name="allegations", verbose_name=_("interview")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=c.AllegationStatus.choices, default=c.AllegationStatus.RECORDED
    )
    events_date = models.DateField(_("date of the events"), null=True, blank=True)
    detaining_authority = models.ForeignKey(
        Authority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("detaining authority"),
    )
    events_place = EncryptedTextField(_("place of the events"))
    methods = EncryptedTextField(_("methods, duration and frequency"))
    perpetrators = EncryptedTextField(_("perpetrators as described"))
    witnesses = EncryptedTextField(_("witnesses"))
    injuries = EncryptedTextField(_("injuries reported"))
    psychological_evidence = EncryptedTextField(_("psychological evidence"))
    treatment_needed = models.BooleanField(_("treatment needed"), default=False)
    consent_exam = models.BooleanField(_("consents to a medical examination"), null=True, blank=True)
    consent_refer = models.BooleanField(_("consents to a referral"), null=True, blank=True)
    examined_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("examined by"),
    )
    examined_on = models.DateField(_("examined on"), null=True, blank=True)
    referred_to = models.ForeignKey(
        Authority, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("referred to")
    )
    referred_on = models.DateField(_("referred on"), null=True, blank=True)
    not_referred_reason = models.CharField(_("why not referred"), max_length=200, blank=True)
    is_secret = models.BooleanField(default=True, editable=False)

    SCOPE = Scope(unit=None, assignees="visit__team__user", creator=None, restricted="is_secret", distinct=True)
    objects = ScopedQuerySet.as_manager()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "visit",
                "interview",
                "status",
                "events_date",
                "detaining_authority",
                "treatment_needed",
                "consent_exam",
                "consent_refer",
                "examined_by",
                "examined_on",
                "referred_to",
                "referred_on",
                "not_referred_reason",
                "is_secret",
            ],
            INT,
        ),
        **dict.fromkeys(
            ["events_place", "methods", "perpetrators", "witnesses", "injuries", "psychological_evidence"], SECRET
        ),
    }

    class Meta:
        verbose_name = _("allegation of torture or ill-treatment")
        verbose_name_plural = _("allegations of torture or ill-treatment")

    def __str__(self) -> str:
        return f"{self.interview} ({self.get_status_display()})"


class Lesion(models.Model):
    allegation = models.ForeignKey(
        Allegation, on_delete=models.CASCADE, related_name="lesions", verbose_name=_("allegation")
    )
    location = models.CharField(_("location on the body"), max_length=100)
    description = EncryptedTextField(_("description"))
    consistency = models.CharField(_("consistency with the account"), max_length=20, choices=c.Consistency.choices)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    DATA_CLASSES = {"allegation": INT, "location": INT, "consistency": INT, "public_id": INT, "description": SECRET}

    class Meta:
        verbose_name = _("lesion")
        verbose_name_plural = _("lesions")

    def __str__(self) -> str:
        return f"{self.location}: {self.consistency}"


class ReprisalCase(BaseModel):
    visit = models.ForeignKey(
        Visit, on_delete=models.PROTECT, null=True, blank=True, related_name="reprisals", verbose_name=_("visit")
    )
    interview = models.ForeignKey(
        Interview,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reprisals",
        verbose_name=_("interview"),
    )
    application = models.ForeignKey(
        "complaints.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reprisals",
        verbose_name=_("application"),
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=60)
    measure = models.CharField(_("alleged measure"), max_length=20, choices=c.ReprisalMeasure.choices)
    risk = models.CharField(_("risk"), max_length=8, choices=c.Risk.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=c.ReprisalStatus.choices, default=c.ReprisalStatus.REPORTED
    )
    account = EncryptedTextField(_("what was reported"))
    actions = EncryptedTextField(_("actions taken"))
    outcome = models.CharField(_("outcome"), max_length=200, blank=True)
    is_secret = models.BooleanField(default=True, editable=False)

    SCOPE = Scope(unit=None, assignees="visit__team__user", creator=None, restricted="is_secret", distinct=True)
    objects = ScopedQuerySet.as_manager()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            ["visit", "interview", "application", "pseudonym", "measure", "risk", "status", "outcome", "is_secret"], INT
        ),
        **dict.fromkeys(["account", "actions"], SECRET),
    }

    class Meta:
        verbose_name = _("reprisal case")
        verbose_name_plural = _("reprisal cases")

    def __str__(self) -> str:
        return f"{self.pseudonym} ({self.get_measure_display()})"

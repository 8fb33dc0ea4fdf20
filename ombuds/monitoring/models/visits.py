"""Visits with their team, access incidents, findings and interviews (domain.md §3.2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.scoping import Scope, ScopedQuerySet
from ombuds.core.data_classes import DataClass
from ombuds.core.fields import EncryptedTextField
from ombuds.core.models import BaseModel, Region
from ombuds.monitoring import choices as c
from ombuds.monitoring.models.register import Place, PlanItem

PUB, INT, CONF, SECRET = DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL, DataClass.SECRET


class Visit(BaseModel):
    """One monitoring visit, from planning to closure (§3.2).

    An unannounced visit is secret tier until the team arrives: only the team, the NPM lead and
    the Commissioner see it (`is_secret`, kept in step by the services).
    """

    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="visits", verbose_name=_("place"))
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", editable=False)
    unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="visits", verbose_name=_("lead unit")
    )
    plan_item = models.OneToOneField(
        PlanItem, on_delete=models.PROTECT, null=True, blank=True, related_name="visit", verbose_name=_("plan item")
    )
    visit_type = models.CharField(_("visit type"), max_length=16, choices=c.VisitType.choices)
    announced = models.BooleanField(_("announced"), default=False)
    trigger = models.CharField(
        _("trigger"),
        max_length=300,
        blank=True,
        help_text=_("What prompted an unscheduled visit: an application, a 916 call, media"),
    )
    trigger_application = models.ForeignKey(
        "complaints.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="triggered_visits",
        verbose_name=_("triggering application"),
    )
    planned_date = models.DateField(_("planned date"))
    objectives = models.TextField(_("objectives"), blank=True)
    status = models.CharField(_("status"), max_length=24, choices=c.VisitStatus.choices)
    arrival_at = models.DateTimeField(_("arrival"), null=True, blank=True)
    access_at = models.DateTimeField(_("access granted"), null=True, blank=True)
    end_at = models.DateTimeField(_("end of the visit"), null=True, blank=True)
    people_held = models.PositiveIntegerField(_("people held on the day"), null=True, blank=True)
    private_interviews = models.PositiveSmallIntegerField(_("private interviews"), default=0)
    group_interviews = models.PositiveSmallIntegerField(_("group interviews"), default=0)
    applications_received = models.PositiveSmallIntegerField(_("applications received on site"), default=0)
    immediate_observations = models.TextField(_("immediate observations to the management"), blank=True)
    cancel_reason = models.TextField(_("reason for cancellation"), blank=True)
    is_secret = models.BooleanField(default=False, editable=False)

    SCOPE = Scope(
        unit="unit", region="region", assignees="team__user", creator=None, restricted="is_secret", distinct=True
    )
    objects = ScopedQuerySet.as_manager()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "place",
                "region",
                "unit",
                "plan_item",
                "visit_type",
                "announced",
                "trigger",
                "trigger_application",
                "planned_date",
                "objectives",
                "status",
                "arrival_at",
                "access_at",
                "end_at",
                "people_held",
                "private_interviews",
                "group_interviews",
                "applications_received",
                "immediate_observations",
                "cancel_reason",
                "is_secret",
            ],
            INT,
        ),
    }

    class Meta:
        ordering = ["-planned_date", "-pk"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        permissions = [("manage_visits", _("Plan and carry out monitoring visits"))]
        indexes = [
            models.Index(fields=["status", "-planned_date"], name="monitoring_visit_status_idx"),  # visit list
            models.Index(fields=["place", "-planned_date"], name="monitoring_visit_place_idx"),  # place dossier
        ]

    def __str__(self) -> str:
        return f"{self.place} {self.planned_date}"

    def get_absolute_url(self) -> str:
        return reverse("monitoring:visit_detail", args=[self.public_id])

    @property
    def occupancy(self) -> float | None:
        """People held on the day against the place's capacity (1.33 = 133 %)."""
        if self.people_held is None or not self.place.capacity:
            return None
        return self.people_held / self.place.capacity


class TeamMember(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="team", verbose_name=_("visit"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="visit_roles", verbose_name=_("staff member")
    )
    role = models.CharField(_("role"), max_length=16, choices=c.TeamRole.choices)

    DATA_CLASSES = {"visit": INT, "user": INT, "role": INT}

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["visit", "user"], name="monitoring_team_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} ({self.role})"


class AccessIncident(BaseModel):
    """Obstruction of access (refused, delayed, partial): fined under the Code of Administrative
    Offences, so the protocol reference is kept."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="incidents", verbose_name=_("visit"))
    kind = models.CharField(_("kind"), max_length=12, choices=c.ObstructionKind.choices)
    official = models.CharField(_("official responsible"), max_length=200, blank=True)
    minutes_lost = models.PositiveIntegerField(_("minutes lost"), default=0)
    description = models.TextField(_("what happened"))
    protocol_reference = models.CharField(_("administrative offence protocol"), max_length=100, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["visit", "kind", "minutes_lost", "protocol_reference"], INT),
        "official": CONF,
        "description": CONF,
    }

    class Meta:
        verbose_name = _("access incident")
        verbose_name_plural = _("access incidents")

    def __str__(self) -> str:
        return f"{self.kind} ({self.minutes_lost} min)"


class CurrentFindings(models.Manager):
    """Withdrawn findings are gone from the report, the lists and the API (this is the default
    manager, so `visit.findings` excludes them too); the audit trail and `Finding.all_objects`
    keep them."""

    def get_queryset(self):
        return super().get_queryset().filter(withdrawn_at__isnull=True)


class Finding(BaseModel):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="findings", verbose_name=_("visit"))
    area = models.CharField(_("thematic area"), max_length=24, choices=c.ThematicArea.choices)
    subtopic = models.CharField(_("subtopic"), max_length=200, blank=True)
    text = models.TextField(_("finding"))
    sources = models.JSONField(_("sources"), default=list)
    severity = models.CharField(_("severity"), max_length=12, choices=c.Severity.choices)
    standard = models.CharField(_("standard"), max_length=200, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True, editable=False)

    objects = CurrentFindings()
    all_objects = models.Manager()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["visit", "area", "subtopic", "sources", "severity", "standard", "withdrawn_at"], INT),
        "text": CONF,
        "withdrawal_reason": CONF,
    }

    class Meta:
        ordering = ["area", "-severity"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.get_area_display()}: {self.subtopic}"


class Interview(BaseModel):
    """An interview: a pseudonym for every use; the real identity is sealed (encrypted, and shown
    only to the team, the NPM lead and the Commissioner, each reading audited with a purpose)."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="interviews", verbose_name=_("visit"))
    pseudonym = models.CharField(_("pseudonym"), max_length=60)
    kind = models.CharField(_("interviewee"), max_length=12, choices=c.IntervieweeKind.choices)
    private = models.BooleanField(_("private (without witnesses)"), default=True)
    group_size = models.PositiveSmallIntegerField(_("people in a group interview"), default=1)
    interpreter = models.BooleanField(_("with an interpreter"), default=False)
    identity = EncryptedTextField(_("real identity (sealed)"))
    notes = EncryptedTextField(_("internal notes"))
    consent_anonymised_use = models.BooleanField(_("consents to anonymised use"), default=False)
    consent_disclose_to_authority = models.BooleanField(_("consents to disclosure to the authority"), default=False)
    consent_publish = models.BooleanField(_("consents to publication"), default=False)
    consent_medical_exam = models.BooleanField(_("consents to a medical examination"), default=False)
    consent_refer_allegation = models.BooleanField(_("consents to the referral of an allegation"), default=False)
    reprisal_risk = models.BooleanField(_("high risk of reprisals"), default=False)
    is_minor = models.BooleanField(_("minor"), default=False)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "visit",
                "pseudonym",
                "kind",
                "private",
                "group_size",
                "interpreter",
                "consent_anonymised_use",
                "consent_disclose_to_authority",
                "consent_publish",
                "consent_medical_exam",
                "consent_refer_allegation",
                "reprisal_risk",
                "is_minor",
            ],
            INT,
        ),
        "identity": SECRET,
        "notes": SECRET,
    }

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")

    def __str__(self) -> str:
        return self.pseudonym

"""The NPM's register of places, visit plans and visits with their team, findings, interviews and
access incidents (domain.md §1.3, §1.4, §2, §3.2). Allegations and reprisal cases build on these."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.scoping import Scope, ScopedQuerySet
from ombuds.core.data_classes import DataClass
from ombuds.core.fields import EncryptedTextField
from ombuds.core.i18n import pick
from ombuds.core.models import Authority, BaseModel, District, Region
from ombuds.monitoring import choices as c

PUB, INT, CONF, SECRET = DataClass.PUBLIC, DataClass.INTERNAL, DataClass.CONFIDENTIAL, DataClass.SECRET


class Place(BaseModel):
    """A place where people are or may be deprived of liberty (OPCAT Art. 4)."""

    name_az = models.CharField(_("name (Azerbaijani)"), max_length=250)
    name_en = models.CharField(_("name (English)"), max_length=250, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=250, blank=True)
    place_type = models.CharField(_("type"), max_length=32, choices=c.PlaceType.choices)
    authority = models.ForeignKey(
        Authority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="places",
        verbose_name=_("supervising authority"),
    )
    district = models.ForeignKey(District, on_delete=models.PROTECT, verbose_name=_("district"))
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", editable=False)
    address = models.CharField(_("address"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    categories = models.CharField(
        _("categories held"),
        max_length=300,
        blank=True,
        help_text=_("For example: pre-trial detainees, women, juveniles"),
    )
    is_active = models.BooleanField(_("in operation"), default=True)
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)
    last_visit_at = models.DateField(_("last visit"), null=True, blank=True)
    # From the coverage rule of its type; kept by the services so that "overdue" is one indexed filter.
    next_due_on = models.DateField(_("next in-depth visit due"), null=True, blank=True, db_index=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(
            [
                "name_az",
                "name_en",
                "name_ru",
                "place_type",
                "authority",
                "district",
                "region",
                "address",
                "capacity",
                "categories",
                "is_active",
                "source",
                "note",
                "last_visit_at",
                "next_due_on",
            ],
            PUB,
        ),
    }

    class Meta:
        ordering = ["name_az"]
        verbose_name = _("place of deprivation of liberty")
        verbose_name_plural = _("places of deprivation of liberty")
        indexes = [models.Index(fields=["place_type", "region"], name="monitoring_place_type_idx")]  # register filters

    def __str__(self) -> str:
        return pick(self, "name")

    def get_absolute_url(self) -> str:
        return reverse("monitoring:place_detail", args=[self.public_id])

    @property
    def latest_population(self):
        """The latest count (prefetched as `latest` on list pages)."""
        prefetched = getattr(self, "latest", None)
        if prefetched is not None:
            return prefetched[0] if prefetched else None
        return self.population.order_by("-counted_on").first()

    @property
    def occupancy(self) -> float | None:
        latest = self.latest_population
        if latest is None or not self.capacity:
            return None
        return latest.count / self.capacity


class PopulationCount(BaseModel):
    """How many people a place held on a date (occupancy over time)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="population", verbose_name=_("place"))
    counted_on = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("people held"))
    source = models.CharField(_("source"), max_length=200, blank=True)

    DATA_CLASSES = {**BaseModel.DATA_CLASSES, **dict.fromkeys(["place", "counted_on", "count", "source"], PUB)}

    class Meta:
        ordering = ["-counted_on"]
        verbose_name = _("population count")
        verbose_name_plural = _("population counts")
        constraints = [models.UniqueConstraint(fields=["place", "counted_on"], name="monitoring_population_unique")]

    def __str__(self) -> str:
        return f"{self.place_id} {self.counted_on}: {self.count}"


class CoverageRule(models.Model):
    """How often each type of place must be visited in depth (e.g. every isolator once a year)."""

    place_type = models.CharField(_("type"), max_length=32, choices=c.PlaceType.choices, unique=True)
    months = models.PositiveSmallIntegerField(_("at least every (months)"))

    DATA_CLASSES = {"place_type": PUB, "months": PUB}

    class Meta:
        verbose_name = _("coverage rule")
        verbose_name_plural = _("coverage rules")

    def __str__(self) -> str:
        return f"{self.place_type}: {self.months}"


class VisitPlan(BaseModel):
    """The annual visit plan."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=250)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    is_secret = models.BooleanField(default=True, editable=False)  # plans reveal unannounced visits

    SCOPE = Scope(unit=None, restricted="is_secret", creator=None)
    objects = ScopedQuerySet.as_manager()

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["year", "title", "approved_by", "approved_on", "is_secret"], INT),
    }

    class Meta:
        ordering = ["-year"]
        verbose_name = _("visit plan")
        verbose_name_plural = _("visit plans")

    def __str__(self) -> str:
        return self.title


class PlanItem(BaseModel):
    plan = models.ForeignKey(VisitPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("plan"))
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="plan_items", verbose_name=_("place"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    visit_type = models.CharField(_("visit type"), max_length=16, choices=c.VisitType.choices)
    theme = models.CharField(_("theme"), max_length=200, blank=True)

    DATA_CLASSES = {**BaseModel.DATA_CLASSES, **dict.fromkeys(["plan", "place", "quarter", "visit_type", "theme"], INT)}

    class Meta:
        ordering = ["quarter"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return f"Q{self.quarter} {self.place_id}"


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


class Finding(BaseModel):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="findings", verbose_name=_("visit"))
    area = models.CharField(_("thematic area"), max_length=24, choices=c.ThematicArea.choices)
    subtopic = models.CharField(_("subtopic"), max_length=200, blank=True)
    text = models.TextField(_("finding"))
    sources = models.JSONField(_("sources"), default=list)
    severity = models.CharField(_("severity"), max_length=12, choices=c.Severity.choices)
    standard = models.CharField(_("standard"), max_length=200, blank=True)

    DATA_CLASSES = {
        **BaseModel.DATA_CLASSES,
        **dict.fromkeys(["visit", "area", "subtopic", "sources", "severity", "standard"], INT),
        "text": CONF,
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

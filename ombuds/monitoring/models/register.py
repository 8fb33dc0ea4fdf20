"""The register of places, population counts, coverage rules and annual visit plans."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.scoping import Scope, ScopedQuerySet
from ombuds.core.data_classes import DataClass
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

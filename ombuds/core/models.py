"""Reference geography shared by every app.

Region is the Ombudsman's *service* region (who serves a district): the head office in Baku,
the four regional centres, and the Nakhchivan Ombudsman as a partner institution. It is the
tenant for need-to-know scoping: a regional officer sees the records of their own region.
District is a first-level administrative unit (city, rayon, unit of the Nakhchivan AR),
loaded from the sourced reference list in ombuds/core/data/.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.core.choices import DistrictKind
from ombuds.core.i18n import TranslatedNameMixin, pick


class Region(TranslatedNameMixin, models.Model):
    """A service region: HQ (Baku), North, South, West, Northwest, Nakhchivan (partner)."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_az = models.CharField(_("name (Azerbaijani)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=120, blank=True)
    centre_az = models.CharField(_("seat (Azerbaijani)"), max_length=120, blank=True)
    centre_en = models.CharField(_("seat (English)"), max_length=120, blank=True)
    centre_ru = models.CharField(_("seat (Russian)"), max_length=120, blank=True)
    is_partner = models.BooleanField(
        _("partner institution"),
        default=False,
        help_text=_("Served by a partner institution (the Nakhchivan Ombudsman), not by the Ombudsman's own offices."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("service region")
        verbose_name_plural = _("service regions")

    def __str__(self) -> str:
        return self.name

    @property
    def centre(self) -> str:
        return pick(self, "centre")


class District(TranslatedNameMixin, models.Model):
    """A city, district (rayon) or unit of the Nakhchivan AR, with the region that serves it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_az = models.CharField(_("name (Azerbaijani)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=DistrictKind.choices)
    economic_region = models.CharField(_("economic region"), max_length=60, blank=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="districts", verbose_name=_("service region")
    )
    source = models.TextField(_("source"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name_az"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name

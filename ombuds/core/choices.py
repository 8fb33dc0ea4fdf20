from django.db import models
from django.utils.translation import gettext_lazy as _


class DistrictKind(models.TextChoices):
    CITY = "city", _("City of republican significance")
    DISTRICT = "district", _("District")
    AUTONOMOUS_REPUBLIC_UNIT = "autonomous_republic_unit", _("Unit of the Nakhchivan Autonomous Republic")

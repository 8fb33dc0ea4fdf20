from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FocalConfig(AppConfig):
    name = "ombuds.focal"
    label = "focal"
    verbose_name = _("Authority portal")

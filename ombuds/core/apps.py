from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ombuds.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from ombuds.core import checks  # noqa: F401 - registers the data-class checks
        from ombuds.core.cleaning import install_date_bounds

        install_date_bounds()

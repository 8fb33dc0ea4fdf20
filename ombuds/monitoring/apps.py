from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "ombuds.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring of places of deprivation of liberty")

    def ready(self) -> None:
        from ombuds.core.notifications import register_kind

        register_kind(
            "monitoring.reprisalcase.first_contact",
            _("High risk of reprisals (%(pseudonym)s): first contact within 72 hours."),
        )

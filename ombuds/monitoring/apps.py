from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "ombuds.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring of places of deprivation of liberty")

    def ready(self) -> None:
        from ombuds.core import widgets
        from ombuds.core.notifications import register_kind
        from ombuds.monitoring import importer  # noqa: F401 - registers the places import
        from ombuds.monitoring.models import Place

        widgets.register(
            widgets.Lookup(
                "places",
                queryset=lambda: Place.objects.filter(is_active=True).select_related("district"),
                fields=("name_az", "name_en", "name_ru"),
                permission="monitoring.view_place",
                detail=lambda place: place.district.name,
            )
        )

        register_kind(
            "monitoring.reprisalcase.first_contact",
            _("High risk of reprisals (%(pseudonym)s): first contact within 72 hours."),
        )
        register_kind(
            "monitoring.accessincident.recorded",
            _("Access obstructed during a visit to %(place)s: %(kind)s. Consider escalating to the supervising body."),
        )

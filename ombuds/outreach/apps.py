from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "ombuds.outreach"
    label = "outreach"
    verbose_name = _("Awareness raising")

    def ready(self) -> None:
        from ombuds.core.notifications import register_kind

        register_kind("outreach.event.soon", _("Event in three days: %(title)s."))
        register_kind("outreach.event.record_incomplete", _("The record of “%(title)s” is still incomplete."))

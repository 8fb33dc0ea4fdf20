from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "ombuds.complaints"
    label = "complaints"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from ombuds.complaints import importer, permissions  # noqa: F401 - register the import and the object rules
        from ombuds.core.notifications import register_kind

        register_kind("complaints.application.urgent", _("Urgent application %(number)s: triage within 24 hours."))
        register_kind("complaints.application.assigned", _("Application %(number)s was assigned to you."))
        register_kind(
            "complaints.application.forwarding_breach",
            _("Application %(number)s: the place of detention forwarded the letter late."),
        )
        register_kind(
            "complaints.inforequest.answered_online",
            _("The authority answered the information request on application %(number)s online."),
        )

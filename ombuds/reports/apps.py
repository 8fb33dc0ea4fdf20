from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ombuds.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from ombuds.core.notifications import register_kind

        register_kind(
            "reports.annual_report.due_soon",
            _("The annual report for %(year)s is due on %(due)s and has not been submitted."),
        )
        register_kind(
            "reports.annual_report.overdue",
            _("The annual report for %(year)s was due on %(due)s and has not been submitted."),
        )

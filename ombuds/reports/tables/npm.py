"""The report of the National Preventive Mechanism (OPCAT Art 23): chapters after the APT model
and tables N1–N11 (reports-and-portal.md 2.4–2.5)."""

from django.utils.translation import gettext_lazy as _

from ombuds.reports.choices import ReportKind  # noqa: F401 - used by the table specs
from ombuds.reports.tables import Chapter, TableSpec  # noqa: F401

CHAPTERS = [
    Chapter("mandate", _("Mandate, methods and resources")),
    Chapter("visits", _("Visits to places of deprivation of liberty")),
    Chapter("findings", _("Key findings")),
    Chapter("recommendations", _("Recommendations and the authorities' responses")),
    Chapter("protection", _("Obstruction, reprisals and protection")),
    Chapter("cooperation", _("Cooperation and awareness raising")),
    Chapter("annexes", _("Annexes")),
]

TABLES: list = []

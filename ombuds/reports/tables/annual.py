"""The annual report to the President (Constitutional Law Art 14): its chapters, in the order the
institution has used every year, and tables A1–A14 (reports-and-portal.md 2.3)."""

from django.utils.translation import gettext_lazy as _

from ombuds.reports.choices import ReportKind
from ombuds.reports.tables import Chapter, TableSpec

CHAPTERS = [
    Chapter("rights", _("Restoring violated rights")),
    Chapter("prevention", _("Prevention of torture and the National Preventive Mechanism")),
    Chapter("awareness", _("Awareness raising and scientific-analytical work")),
    Chapter("civil_society", _("Cooperation with civil society")),
    Chapter("international", _("International relations")),
    Chapter("proposals", _("Proposals and recommendations")),
]

A = ReportKind.ANNUAL
TABLES = [
    # The figures the report opens with (2023: 29,411 appeals, 347 visits, 76 proposals).
    TableSpec(
        "A0",
        A,
        "rights",
        _("The year in figures"),
        ("applications.total", "visits.total", "recommendations.proposals"),
        layout="headline",
        chart="none",
    ),
    TableSpec("A1", A, "rights", _("Appeals by type and by month"), ("applications.by_type", "applications.by_month")),
    TableSpec("A2", A, "rights", _("Appeals by channel"), ("applications.by_channel",)),
]

"""The report of the National Preventive Mechanism (OPCAT Art 23): chapters after the APT model
and tables N1–N11 (reports-and-portal.md 2.4–2.5)."""

from django.utils.translation import gettext_lazy as _

from ombuds.reports.choices import ReportKind
from ombuds.reports.tables import Chapter, TableSpec

CHAPTERS = [
    Chapter("mandate", _("Mandate, methods and resources")),
    Chapter("visits", _("Visits to places of deprivation of liberty")),
    Chapter("findings", _("Key findings")),
    Chapter("recommendations", _("Recommendations and the authorities' responses")),
    Chapter("protection", _("Obstruction, reprisals and protection")),
    Chapter("cooperation", _("Cooperation and awareness raising")),
    Chapter("annexes", _("Annexes")),
]

N = ReportKind.NPM

# --- N1–N6, N8, N9, N11: visits, places, interviews, on-site appeals, findings, protection, annexes
# (measures in measures/visits.py, places.py, onsite.py, protection.py) ---------------------------
VISITS_AND_PLACES = [
    TableSpec(
        "N1",
        N,
        "visits",
        _("Visits and places visited"),
        (
            "visits.by_place_type_and_type",
            "visits.by_place_type_and_announcement",
            "visits.by_schedule",
            "visits.places_by_type",
            "places.coverage",
        ),
        note=_(
            "Visits and places are counted separately: a place visited three times is three visits and one place. "
            "Coverage compares the places visited with the register of places."
        ),
    ),
    TableSpec(
        "N2",
        N,
        "visits",
        _("Visits by region, visiting unit and medical members of the team"),
        ("visits.by_region", "visits.by_unit", "visits.medical_team"),
    ),
]
# --- end of N1–N6, N8, N9, N11 -------------------------------------------------------------------

# Ordered by number whichever block was added first.
TABLES: list[TableSpec] = sorted([*VISITS_AND_PLACES], key=lambda t: int(t.code[1:]))

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
    TableSpec(
        "N3",
        N,
        "visits",
        _("Interviews"),
        (
            "interviews.by_place_type_and_setting",
            "interviews.group_participants",
            "interviews.people_met",
            "interviews.by_kind",
            "interviews.minors",
        ),
        note=_("Interviews and people are counted separately: a group interview is one interview with several people."),
    ),
    TableSpec(
        "N4",
        N,
        "visits",
        _("Appeals taken on site and appeals from places of detention"),
        ("onsite.applications", "onsite.applications_by_place_type", "onsite.detention_mail"),
    ),
    TableSpec(
        "N5",
        N,
        "visits",
        _("Occupancy against capacity"),
        ("places.occupancy", "places.population", "places.capacity"),
        note=_(
            "Occupancy is people held against capacity, in per cent: a rate, never added up. Over 100 % the place "
            "holds more people than it was built for. The population is the latest count on or before the end of "
            "the year (counted during a visit or from an official source)."
        ),
        chart="none",
    ),
    TableSpec(
        "N6",
        N,
        "findings",
        _("Findings by thematic area, type of place and severity"),
        ("findings.by_place_type_and_area", "findings.by_severity"),
    ),
    TableSpec(
        "N8",
        N,
        "protection",
        _("Information requests, obstruction of access and reprisals"),
        (
            "inforequests.by_timeliness",
            "inforequests.by_addressee",
            "incidents.by_kind",
            "incidents.by_place_type",
            "reprisals.by_measure",
            "reprisals.by_risk",
            "reprisals.by_status",
        ),
    ),
    TableSpec(
        "N9",
        N,
        "protection",
        _("Register of allegations of torture or ill-treatment"),
        ("allegations.by_referral", "allegations.by_authority_kind", "allegations.consent_exam"),
        note=_("Counts only: allegations are recorded and used anonymised, and only referred with consent."),
    ),
    TableSpec(
        "N11",
        N,
        "annexes",
        _("Inventory of places and detention population"),
        ("places.inventory", "places.population_by_type"),
        note=_("Places are counted in the register as it stood when the dataset was taken."),
    ),
]
# --- end of N1–N6, N8, N9, N11 -------------------------------------------------------------------

# --- N7 and N10: recommendations; cooperation and awareness raising ---
RECOMMENDATIONS_AND_COOPERATION = [
    TableSpec(
        "N7",
        N,
        "recommendations",
        _("Recommendations and their implementation"),
        (
            "recommendations.issued",
            "recommendations.by_addressee",
            "recommendations.by_area",
            "recommendations.by_priority",
            "recommendations.by_kind",
            "recommendations.repeated",
            "recommendations.by_status",
            "recommendations.public_by_status",
            "recommendations.previous_year_status",
            "recommendations.public_previous_year_status",
        ),
        note=_(
            "The blocks of published recommendations count the rows of the public tracker; the others count "
            "every recommendation issued. Statuses are those of the last day of the period."
        ),
    ),
    TableSpec(
        "N10",
        N,
        "cooperation",
        _("Cooperation and awareness raising"),
        (
            "cooperation.spt_visits",
            "cooperation.cpt",
            "cooperation.icrc",
            "outreach.events_by_kind",
            "outreach.participants_by_sex",
            "posters.placed",
        ),
        note=_(
            "International cooperation and posters are entered by staff with their source; events and "
            "participants are counted from the awareness-raising register."
        ),
    ),
]
# --- end of N7, N10 ----------------------------------------------------------------------------

# Ordered by number whichever block was added first.
TABLES: list[TableSpec] = sorted([*VISITS_AND_PLACES, *RECOMMENDATIONS_AND_COOPERATION], key=lambda t: int(t.code[1:]))

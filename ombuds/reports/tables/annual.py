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
    TableSpec(
        "A1",
        A,
        "rights",
        _("Appeals by type and by month"),
        ("applications.by_type", "applications.by_month", "applications.by_quarter"),
    ),
    TableSpec("A2", A, "rights", _("Appeals by channel"), ("applications.by_channel", "applications.by_unit")),
    TableSpec(
        "A3",
        A,
        "rights",
        _("Appeals by respondent authority"),
        ("applications.by_respondent",),
        note=_("An appeal may name several authorities: the rows do not add up to the total."),
    ),
    TableSpec(
        "A4",
        A,
        "rights",
        _("Appeals by right or subject"),
        ("applications.by_right",),
        note=_("An appeal may concern several rights: the rows do not add up to the total."),
    ),
    TableSpec(
        "A5", A, "rights", _("Appeals by region and district"), ("applications.by_region", "applications.by_district")
    ),
    TableSpec(
        "A6",
        A,
        "rights",
        _("Appeals by applicant"),
        (
            "applications.by_applicant_kind",
            "applications.by_sex",
            "applications.by_age",
            "applications.by_citizenship",
            "applications.by_minor",
            "applications.by_on_behalf",
        ),
        note=_(
            "Counted in appeals, not persons: a person who appealed twice is counted twice. Vulnerability is "
            "kept as encrypted free text and is not counted."
        ),
    ),
    TableSpec(
        "A7",
        A,
        "rights",
        _("Admissibility and outcome of appeals"),
        (
            "applications.admissibility",
            "applications.outcome",
            "applications.concluded",
            "applications.rights_restored",
            "applications.with_measures",
        ),
    ),
    TableSpec(
        "A8",
        A,
        "rights",
        _("Timeliness: terms kept on appeals"),
        ("applications.timeliness", "applications.extended", "applications.median_days"),
        note=_("Terms are counted, not appeals; the median days are a statistic, not a count."),
    ),
    TableSpec(
        "A9",
        A,
        "rights",
        _("Persons received"),
        ("applications.in_person",),
        note=_(
            "The system records appeals handed in in person, not visitors. Persons received at field receptions "
            'are entered figures ("received.persons"), shown beside this table in the report\'s text.'
        ),
    ),
]

# --- A10–A14: the 916 line, proposals and recommendations, pardons, special mandates, awareness ---
# (kept after the other tables: the report prints them in this order)
TABLES += [
    TableSpec(
        "A10",
        A,
        "rights",
        _("The 916 line"),
        ("calls.by_month", "calls.by_quarter", "calls.by_topic", "calls.by_result", "calls.urgent"),
        note=_("Calls, not appeals: a call registered as an appeal is also counted among the appeals of table A1."),
    ),
    TableSpec(
        "A11",
        A,
        "proposals",
        _("Proposals and recommendations"),
        (
            "recommendations.proposals",
            "recommendations.by_addressee",
            "recommendations.by_area",
            "recommendations.by_right",
            "recommendations.repeated",
            "recommendations.by_status",
            "recommendations.previous_year_status",
            "recommendations.public_previous_year_status",
        ),
        note=_(
            "The last block counts the rows of the public tracker (published recommendations); the others "
            "count every recommendation issued. Statuses are those of the last day of the period."
        ),
    ),
    TableSpec(
        "A12",
        A,
        "rights",
        _("Pardons"),
        ("pardons.petitions", "pardons.granted"),
        note=_("Entered by staff with their source: the system does not record pardons."),
        chart="none",
    ),
    TableSpec(
        "A13",
        A,
        "rights",
        _("Special mandates"),
        (
            "mandates.access_info_appeals",
            "mandates.access_info_requests",
            "repatriation.persons",
            "elections.polling_stations",
            "elections.complaints",
        ),
        note=_(
            "Access to information is counted from the register; repatriation and elections are entered by "
            "staff with their source."
        ),
        chart="none",
    ),
    TableSpec(
        "A14",
        A,
        "awareness",
        _("Awareness raising and cooperation"),
        (
            "outreach.events_by_kind",
            "outreach.events_by_region",
            "outreach.events_by_audience",
            "outreach.events_by_format",
            "outreach.events_by_topic",
            "outreach.events_by_remote_office",
            "outreach.participants_by_sex",
            "outreach.participants_by_presence",
        ),
        note=_("Events and participants are counted apart: only events held in the year count."),
    ),
]

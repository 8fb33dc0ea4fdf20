"""What the visits found and received — NPM report tables N3 (interviews), N4 (appeals taken on
site and detention mail) and N6 (findings).

Interviews and findings belong to the visit they were recorded on and are placed in the period
by that visit's day (a visit carried out, see `npm_base`). Only the interview's enumerations and
counts are read — never its sealed identity or notes. Withdrawn findings are not counted (the
default manager of Finding leaves them out). Appeals are placed by their date of receipt.
"""

from __future__ import annotations

from django.db.models import Case, CharField, F, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from ombuds.complaints import choices as cc
from ombuds.complaints.models import Application
from ombuds.monitoring import choices as mc
from ombuds.monitoring.models import Finding, Interview
from ombuds.reports.choices import Unit
from ombuds.reports.measures.base import Category, Grouped, Measure, choices_categories, register
from ombuds.reports.measures.npm_base import VISIT_DAY, Summed, either, of_visits, visits_carried_out
from ombuds.reports.measures.visits import PLACE_TYPES

RECEIVED = _("date of receipt")
SETTING = [Category("private", _("In private")), Category("group", _("In a group"))]
ON_SITE_RESULT = [
    *choices_categories(cc.Outcome.choices),
    Category("refused", _("Refused")),
    Category("referred", _("Referred to another body")),
    Category("pending", _("Pending (no decision or outcome yet)")),
]
FORWARDING = [
    Category("on_time", _("Forwarded within 24 hours")),
    Category("breach", _("Forwarded late (breach of the 24-hour rule)")),
    Category("unknown", _("Dates of receipt and forwarding by the facility not recorded")),
]


def _interviews():
    return of_visits(Interview, setting=either(Q(private=True), "private", "group"))()


def _on_site():
    """Appeals received during a visit, each with one result: its outcome once concluded, else
    the admissibility decision (refused, referred), else pending."""
    return Application.objects.filter(channel=cc.Channel.DURING_VISIT).annotate(
        result=Case(
            When(~Q(outcome=""), then=F("outcome")),
            When(status=cc.Status.REFUSED, then=Value("refused")),
            When(status=cc.Status.REFERRED, then=Value("referred")),
            When(refusal_ground__gt="", then=Value("refused")),
            When(referred_to__isnull=False, then=Value("referred")),
            default=Value("pending"),
            output_field=CharField(),
        )
    )


def _detention_mail():
    return Application.objects.filter(from_detention=True).annotate(
        forwarding=Case(
            When(forwarding_breach=True, then=Value("breach")),
            When(facility_received_at__isnull=False, facility_forwarded_at__isnull=False, then=Value("on_time")),
            default=Value("unknown"),
            output_field=CharField(),
        )
    )


def _by_visit_day(queryset, by=None, **kwargs) -> Grouped:
    return Grouped(queryset, "visit_day", by, is_date=True, **kwargs)


register(
    Measure(
        key="interviews.by_place_type_and_setting",
        title=_("Interviews by type of place, in private or in a group"),
        unit=Unit.INTERVIEW,
        definition=_(
            "Interviews held during the visits carried out, by the type of place and whether the interview was "
            "private (without witnesses) or with a group. A group interview is one interview."
        ),
        dated_by=VISIT_DAY,
        source=_by_visit_day(_interviews, ("visit__place__place_type", "setting")),
        categories=PLACE_TYPES,
        columns=SETTING,
        model="monitoring.Interview",
    ),
    Measure(
        key="interviews.group_participants",
        title=_("People met in group interviews"),
        unit=Unit.PERSON,
        definition=_("People taking part in group interviews, by type of place (the size of each group, added up)."),
        dated_by=VISIT_DAY,
        source=Summed(
            lambda: of_visits(Interview)().filter(private=False),
            "visit_day",
            "visit__place__place_type",
            is_date=True,
            summed="group_size",
        ),
        categories=PLACE_TYPES,
        model="monitoring.Interview",
    ),
    Measure(
        key="interviews.people_met",
        title=_("People interviewed"),
        unit=Unit.PERSON,
        definition=_(
            "People met in interviews during the visits carried out: one per private interview, the size of the "
            "group for a group interview; by type of place."
        ),
        dated_by=VISIT_DAY,
        source=Summed(
            of_visits(Interview),
            "visit_day",
            "visit__place__place_type",
            is_date=True,
            summed=Case(When(private=True, then=Value(1)), default=F("group_size"), output_field=IntegerField()),
        ),
        categories=PLACE_TYPES,
        model="monitoring.Interview",
    ),
    Measure(
        key="interviews.by_kind",
        title=_("Interviews by interviewee"),
        unit=Unit.INTERVIEW,
        definition=_("Interviews held during the visits carried out, by who was interviewed."),
        dated_by=VISIT_DAY,
        source=_by_visit_day(of_visits(Interview), "kind"),
        categories=choices_categories(mc.IntervieweeKind.choices),
        model="monitoring.Interview",
    ),
    Measure(
        key="interviews.minors",
        title=_("Interviews with minors by type of place"),
        unit=Unit.INTERVIEW,
        definition=_("Interviews with a person under 18 held during the visits carried out, by type of place."),
        dated_by=VISIT_DAY,
        source=_by_visit_day(lambda: of_visits(Interview)().filter(is_minor=True), "visit__place__place_type"),
        categories=PLACE_TYPES,
        model="monitoring.Interview",
    ),
    Measure(
        key="onsite.applications",
        title=_("Appeals taken during visits, by result"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals registered with the channel 'during a monitoring visit', by their result: the outcome once "
            "concluded, else the admissibility decision, else pending."
        ),
        dated_by=RECEIVED,
        source=Grouped(_on_site, "received_at", "result"),
        categories=ON_SITE_RESULT,
        model="complaints.Application",
    ),
    Measure(
        key="onsite.applications_by_place_type",
        title=_("Appeals received on site, by type of place"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals received on site as counted on each visit carried out, by the type of place visited. An "
            "appeal is not linked to its visit in the register, so this count comes from the visit records and "
            "is placed by the day of the visit."
        ),
        dated_by=VISIT_DAY,
        source=Summed(
            lambda: visits_carried_out().filter(applications_received__gt=0),
            "visit_day",
            "place__place_type",
            is_date=True,
            summed="applications_received",
        ),
        categories=PLACE_TYPES,
        model="monitoring.Visit",
    ),
    Measure(
        key="onsite.detention_mail",
        title=_("Appeals from places of detention and the 24-hour forwarding rule"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals sent from a place of detention, by whether the facility forwarded them within 24 hours of "
            "receiving them (a breach is recorded when it took longer)."
        ),
        dated_by=RECEIVED,
        source=Grouped(_detention_mail, "received_at", "forwarding"),
        categories=FORWARDING,
        model="complaints.Application",
    ),
    Measure(
        key="findings.by_place_type_and_area",
        title=_("Findings by type of place and thematic area"),
        unit=Unit.FINDING,
        definition=_(
            "Findings recorded on the visits carried out (withdrawn findings excluded), by the type of place and "
            "the thematic area."
        ),
        dated_by=VISIT_DAY,
        source=_by_visit_day(of_visits(Finding), ("visit__place__place_type", "area")),
        categories=PLACE_TYPES,
        columns=choices_categories(mc.ThematicArea.choices),
        model="monitoring.Finding",
    ),
    Measure(
        key="findings.by_severity",
        title=_("Findings by severity"),
        unit=Unit.FINDING,
        definition=_("Findings recorded on the visits carried out (withdrawn findings excluded), by severity."),
        dated_by=VISIT_DAY,
        source=_by_visit_day(of_visits(Finding), "severity"),
        categories=choices_categories(mc.Severity.choices),
        model="monitoring.Finding",
    ),
)

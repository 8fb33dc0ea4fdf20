"""Measures of who appeals and against whom — annual report tables A3 (respondents) and A6
(applicants). The unit is the appeal, placed in the period by its date of receipt (Baku time)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Case, CharField, ExpressionWrapper, IntegerField, QuerySet, Value, When
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.db.models.lookups import LessThan
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ombuds.complaints import choices as cc
from ombuds.complaints.models import Application
from ombuds.core.choices import AuthorityKind
from ombuds.core.models import Authority
from ombuds.core.routers import reporting
from ombuds.reports.choices import Unit
from ombuds.reports.measures.applications import MODEL, RECEIVED
from ombuds.reports.measures.applications_common import Keyed
from ombuds.reports.measures.base import (
    NOT_RECORDED,
    Category,
    Custom,
    Grouped,
    Measure,
    Period,
    choices_categories,
    register,
)

# A3: respondents grouped the way the annual report has always shown them (reports-and-portal.md
# 2.3). Courts are split by the appeal's court-delay flag: red tape, lost documents and delayed
# execution of judgments are the only court matters within the mandate (Constitutional Law Art. 1.6).
RESPONDENT_GROUPS = [
    Category("courts_delay", _("Courts: red tape, lost documents, non-execution of judgments")),
    Category("courts_other", _("Courts: other matters")),
    Category("prosecutor", _("Prosecutor's offices")),
    Category("police", _("Police")),
    Category("traffic_police", _("Road (traffic) police")),
    Category("other_mia", _("Other bodies of the Ministry of Internal Affairs")),
    Category("local_executive", _("Local executive authorities")),
    Category("municipality", _("Municipalities")),
    Category("ministries", _("Ministries and the bodies under them")),
    Category("central", _("State committees, services and agencies")),
    Category("other", _("Other public bodies")),
    Category(NOT_RECORDED, _("No respondent recorded")),
]
CENTRAL_KINDS = {AuthorityKind.STATE_COMMITTEE, AuthorityKind.STATE_SERVICE, AuthorityKind.AGENCY}


def authority_groups() -> dict[int, str]:
    """Each authority's A3 group, from its kind and its chain of parent bodies (one query):
    the Baku police and its units count as police, the road police separately, the rest of the
    ministry's bodies as other MIA; a court is "court" and split by the appeal's flag."""
    rows = {
        pk: (code, kind, parent)
        for pk, code, kind, parent in Authority.objects.values_list("pk", "code", "kind", "parent_id")
    }
    groups: dict[int, str] = {}
    for pk, (code, kind, _parent) in rows.items():
        chain, seen, up = [], set(), pk
        while up is not None and up in rows and up not in seen:  # a cycle in the reference data ends the walk
            seen.add(up)
            chain.append(rows[up])
            up = rows[up][2]
        codes, kinds = [c[0] for c in chain], [c[1] for c in chain]
        if kind == AuthorityKind.COURT:
            group = "court"
        elif kind == AuthorityKind.PROSECUTION:
            group = "prosecutor"
        elif "road_police" in codes:
            group = "traffic_police"
        elif code == "mia" or "baku_police" in codes:
            group = "police"
        elif "mia" in codes:
            group = "other_mia"
        elif kind == AuthorityKind.LOCAL_EXECUTIVE:
            group = "local_executive"
        elif kind == AuthorityKind.MUNICIPALITY:
            group = "municipality"
        elif AuthorityKind.MINISTRY in kinds:
            group = "ministries"
        elif kind in CENTRAL_KINDS:
            group = "central"
        else:
            group = "other"
        groups[pk] = group
    return groups


def _group_of(group: str, court_delay: bool) -> str:
    if group == "court":
        return "courts_delay" if court_delay else "courts_other"
    return group


def _received(period: Period) -> QuerySet:
    return Application.objects.filter(**period.lookup("received_at"))


def _count_respondents(period: Period) -> dict[str, int]:
    """Two queries whatever the number of appeals: the authorities, then one row per appeal and
    respondent (an appeal without one gives a single row with none)."""
    groups = authority_groups()
    per_group: dict[str, set[int]] = defaultdict(set)
    appeals: set[int] = set()
    rows = reporting(_received(period)).order_by().values_list("pk", "about_court_delay", "respondents")
    for pk, court_delay, authority in rows:
        appeals.add(pk)
        per_group[NOT_RECORDED if authority is None else _group_of(groups[authority], court_delay)].add(pk)
    out = {key: len(pks) for key, pks in per_group.items()}
    out["total"] = len(appeals)
    return out


def _list_respondents(period: Period, category: str | None) -> QuerySet:
    qs = _received(period)
    if category in (None, "total"):
        return qs
    if category == NOT_RECORDED:
        return qs.filter(respondents__isnull=True)
    groups = authority_groups()
    if category in ("courts_delay", "courts_other"):
        ids = [pk for pk, group in groups.items() if group == "court"]
        qs = qs.filter(about_court_delay=category == "courts_delay")
    else:
        ids = [pk for pk, group in groups.items() if group == category]
    return qs.filter(respondents__in=ids).distinct()


def _minor(period: Period):
    return Case(
        When(applicant__isnull=True, then=Value(None)),
        When(applicant__is_minor=True, then=Value("minor")),
        default=Value("not_minor"),
        output_field=CharField(),
    )


def _on_behalf(period: Period):
    return Case(When(on_behalf=True, then=Value("on_behalf")), default=Value("own"), output_field=CharField())


# Age on the day the appeal was received, in the bands the institution's statistics use.
AGE_BANDS = [
    Category("0_17", _("Under 18")),
    Category("18_29", _("18–29")),
    Category("30_44", _("30–44")),
    Category("45_59", _("45–59")),
    Category("60_plus", _("60 and over")),
    Category(NOT_RECORDED, _("Date of birth not recorded")),
]


def _yyyymmdd(field: str, **tz):
    """A date as the integer yyyymmdd: the difference of two such numbers, divided by 10000, is the
    age in whole years (the month and day decide whether the last birthday has been reached)."""
    return ExtractYear(field, **tz) * 10000 + ExtractMonth(field, **tz) * 100 + ExtractDay(field, **tz)


def _age_band(period: Period):
    """The applicant's age band on the Baku date of receipt, computed in the database with integer
    arithmetic only (the databases disagree on date arithmetic, not on extracting a date's parts)."""
    received = _yyyymmdd("received_at", tzinfo=timezone.get_default_timezone())
    born = _yyyymmdd("applicant__birth_date")
    diff = ExpressionWrapper(received - born, output_field=IntegerField())
    bands = [("0_17", 18), ("18_29", 30), ("30_44", 45), ("45_59", 60)]
    return Case(
        When(applicant__birth_date__isnull=True, then=Value(None)),
        When(LessThan(diff, 0), then=Value(None)),  # born after the appeal: a wrong date, not an age
        *[When(LessThan(diff, years * 10000), then=Value(key)) for key, years in bands],
        default=Value("60_plus"),
        output_field=CharField(),
    )


NO_PARTY = _(
    "Appeals without an applicant on record (anonymous appeals, own-initiative cases) are shown as not recorded."
)

register(
    Measure(
        key="applications.by_respondent",
        title=_("Appeals by respondent authority"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals received, by the group of the authorities complained about: courts (the appeals about "
            "court red tape, lost documents or non-execution of judgments apart), prosecutor's offices, police, "
            "road police, other bodies of the Ministry of Internal Affairs, local executive authorities, "
            "municipalities, ministries with the bodies under them, state committees, services and agencies, "
            "and other bodies. An appeal naming authorities of several groups is counted in each, so the rows "
            "do not add up: the total is the number of appeals."
        ),
        dated_by=RECEIVED,
        source=Custom(_count_respondents, _list_respondents),
        categories=RESPONDENT_GROUPS,
        additive=False,
        model=MODEL,
    ),
    Measure(
        key="applications.by_sex",
        title=_("Appeals by the applicant's sex"),
        unit=Unit.APPEAL,
        definition=format_lazy(
            "{} {}", _("Appeals received, by the sex recorded for the applicant (not the number of persons)."), NO_PARTY
        ),
        dated_by=RECEIVED,
        source=Grouped(lambda: Application.objects.all(), "received_at", "applicant__sex"),
        categories=choices_categories(cc.Sex.choices, not_recorded=True),
        model=MODEL,
    ),
    Measure(
        key="applications.by_age",
        title=_("Appeals by the applicant's age"),
        unit=Unit.APPEAL,
        definition=format_lazy(
            "{} {}",
            _("Appeals received, by the applicant's age on the day of receipt, from the recorded date of birth."),
            NO_PARTY,
        ),
        dated_by=RECEIVED,
        source=Keyed(lambda period: Application.objects.all(), "received_at", _age_band),
        categories=AGE_BANDS,
        model=MODEL,
    ),
    Measure(
        key="applications.by_citizenship",
        title=_("Appeals by the applicant's citizenship"),
        unit=Unit.APPEAL,
        definition=format_lazy(
            "{} {}", _("Appeals received, by the citizenship recorded for the applicant."), NO_PARTY
        ),
        dated_by=RECEIVED,
        source=Grouped(lambda: Application.objects.all(), "received_at", "applicant__citizenship"),
        categories=choices_categories(cc.Citizenship.choices, not_recorded=True),
        model=MODEL,
    ),
    Measure(
        key="applications.by_applicant_kind",
        title=_("Appeals by kind of applicant"),
        unit=Unit.APPEAL,
        definition=_("Appeals received, by kind of applicant: a natural person, a legal entity, or anonymous."),
        dated_by=RECEIVED,
        source=Grouped(lambda: Application.objects.all(), "received_at", "applicant_kind"),
        categories=choices_categories(cc.ApplicantKind.choices),
        model=MODEL,
    ),
    Measure(
        key="applications.by_minor",
        title=_("Appeals by minors"),
        unit=Unit.APPEAL,
        definition=format_lazy(
            "{} {}",
            _(
                "Appeals received whose applicant is recorded as a minor, and the others. Vulnerability is "
                "recorded as free text kept encrypted; it is not read for statistics and not counted here."
            ),
            NO_PARTY,
        ),
        dated_by=RECEIVED,
        source=Keyed(lambda period: Application.objects.all(), "received_at", _minor),
        categories=[
            Category("minor", _("Applicant is a minor")),
            Category("not_minor", _("Applicant not recorded as a minor")),
            Category(NOT_RECORDED, _("Not recorded")),
        ],
        model=MODEL,
    ),
    Measure(
        key="applications.by_on_behalf",
        title=_("Appeals on the applicant's own behalf or for another person"),
        unit=Unit.APPEAL,
        definition=_(
            "Appeals received, by whether they were submitted on behalf of the victim (by a relative, a "
            "representative, an organisation: collective and third-party appeals) or by the person concerned."
        ),
        dated_by=RECEIVED,
        source=Keyed(lambda period: Application.objects.all(), "received_at", _on_behalf),
        categories=[
            Category("own", _("By the person concerned")),
            Category("on_behalf", _("On behalf of the victim")),
        ],
        model=MODEL,
    ),
)

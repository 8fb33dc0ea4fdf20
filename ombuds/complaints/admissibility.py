"""The admissibility assistant: what the law says about an application, with reasons.

The officer decides; the assistant only lists each criterion of domain.md §1.1/§3.1 with whether
it looks met and why, and proposes a refusal ground when one applies. Terms come from the
deadline rule table (the one-year window is configuration). The rules read `Facts`, not an
application: the public checker of the portal asks a visitor the same questions and applies
the same rules (`assess_facts`), only worded for the public.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints.choices import ApplicantKind, CourtStatus, RefusalGround
from ombuds.core import refcache
from ombuds.core.clock import WorkingCalendar, due_after, local_tz
from ombuds.core.models import DeadlineRule


@dataclass(frozen=True)
class Check:
    code: str
    ok: bool
    reason: str
    ground: str = ""  # the refusal ground this check supports when it fails
    until: date | None = None  # the last day of the one-year window, on the time-limit check


@dataclass(frozen=True)
class Assessment:
    checks: list[Check]

    @property
    def looks_admissible(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def suggested_ground(self) -> str:
        return next((check.ground for check in self.checks if not check.ok and check.ground), "")


def _window_end(start: date, cal: WorkingCalendar, token: str | None) -> date:
    # The rule is reference data (a save replaces the refcache version): read once per process.
    rule = refcache.cached(
        "complaints.admissibility-window", lambda: DeadlineRule.objects.get(code="admissibility_window"), token=token
    )
    start_at = datetime.combine(start, time(12), tzinfo=local_tz())
    return due_after(start_at, rule.term, rule.unit, roll=rule.roll_to_working_day, cal=cal).date()


@dataclass(frozen=True)
class Facts:
    """What the rules read: the staff assistant builds it from an application, the public checker
    ("Can the Ombudsman help?") from a visitor's answers, so both apply the same rules.

    `excluded_bodies` names respondents outside the mandate (the President, members of the Milli
    Majlis, judges). `private_respondent` and `nakhchivan` come only from the public checker (a
    registered application always names public bodies); `in_detention` and `urgent` change the
    advice, not admissibility.
    """

    anonymous: bool = False
    has_evidence: bool = False
    violation_date: date | None = None
    awareness_date: date | None = None
    excluded_bodies: tuple[str, ...] = ()
    private_respondent: bool = False
    nakhchivan: bool = False
    about_court_delay: bool = False  # court red tape, lost documents, non-execution of a judgment
    court_pending: bool = False
    on_behalf: bool = False
    consent: bool = False
    repeat_of: str = ""  # the number of the earlier application repeated without new facts
    in_detention: bool = False
    urgent: bool = False


def facts_of(application) -> Facts:
    app = application
    return Facts(
        anonymous=app.applicant_kind == ApplicantKind.ANONYMOUS,
        has_evidence=bool(app.has_evidence),
        violation_date=app.violation_date,
        awareness_date=app.awareness_date,
        excluded_bodies=tuple(str(a) for a in app.respondents.all() if a.excluded_from_mandate),
        about_court_delay=bool(app.about_court_delay),
        court_pending=app.court_status == CourtStatus.PENDING,
        on_behalf=bool(app.on_behalf),
        consent=bool(app.victim_consent),
        # Read the earlier application only when the rule needs its number (the case page's query budget).
        repeat_of=app.repeat_of.number if app.repeat_of_id and not app.new_facts else "",
        in_detention=bool(app.from_detention),
        urgent=bool(app.urgent_life or app.urgent_torture or app.urgent_child),
    )


def assess(
    application, *, today: date | None = None, cal: WorkingCalendar | None = None, token: str | None = None
) -> Assessment:
    """`token` (refcache.version()) lets a page share its one read of the reference-data version."""
    return assess_facts(facts_of(application), today=today, cal=cal, token=token)


def assess_facts(
    facts: Facts, *, today: date | None = None, cal: WorkingCalendar | None = None, token: str | None = None
) -> Assessment:
    today = today or timezone.localdate()
    checks = [
        _identity(facts),
        _time_limit(facts, today, cal, token),
        _mandate(facts),
        _court(facts),
        *_consent(facts),
        _repeat(facts),
    ]
    return Assessment(checks)


def _identity(facts: Facts) -> Check:
    if not facts.anonymous:
        return Check("identity", True, _("The applicant is identified."))
    if facts.has_evidence:
        return Check("identity", True, _("Anonymous, but supported by documents or other evidence."))
    return Check("identity", False, _("Anonymous and not supported by sufficient evidence."), RefusalGround.ANONYMOUS)


def _time_limit(facts: Facts, today: date, cal: WorkingCalendar | None, token: str | None) -> Check:
    # The year runs from the violation or, if later, from the day the applicant learned of it.
    starts = [d for d in (facts.violation_date, facts.awareness_date) if d]
    if not starts:
        return Check("time_limit", True, _("No date given: ask the applicant when it happened."))
    token = token or refcache.version()
    end = _window_end(max(starts), cal or WorkingCalendar.current(token), token)
    if today <= end:
        return Check("time_limit", True, _("Within one year (until %(date)s).") % {"date": end}, until=end)
    return Check(
        "time_limit",
        False,
        _("More than one year has passed (the limit was %(date)s).") % {"date": end},
        RefusalGround.TIME_BARRED,
        until=end,
    )


def _mandate(facts: Facts) -> Check:
    # Court red tape, lost documents and non-execution of a judgment are examined whoever the other
    # party is: the complaint is then about the court or the enforcement officers.
    if facts.excluded_bodies and not facts.about_court_delay:
        names = ", ".join(facts.excluded_bodies)
        return Check(
            "mandate", False, _("Outside the mandate: %(bodies)s.") % {"bodies": names}, RefusalGround.OUTSIDE_MANDATE
        )
    if facts.private_respondent and not facts.about_court_delay:
        return Check(
            "mandate",
            False,
            _("Outside the mandate: a private person or company, not a public body."),
            RefusalGround.OUTSIDE_MANDATE,
        )
    if facts.nakhchivan:
        # Not a refusal ground: the Nakhchivan Ombudsman, a partner institution, examines its bodies.
        return Check(
            "mandate", False, _("A body of the Nakhchivan Autonomous Republic: its own Ombudsman examines it.")
        )
    if facts.excluded_bodies or facts.private_respondent:
        return Check("mandate", True, _("About court red tape or non-execution of a judgment: examined."))
    return Check("mandate", True, _("The respondents are within the mandate."))


def _court(facts: Facts) -> Check:
    if facts.court_pending and not facts.about_court_delay:
        return Check("court", False, _("A court is examining the merits."), RefusalGround.COURT_PENDING)
    return Check("court", True, _("No court proceedings on the merits are pending."))


def _consent(facts: Facts) -> list[Check]:
    if facts.on_behalf and not facts.consent:
        # Since 2023 civil society may act without consent only when it cannot be obtained
        # (death, incapacity): the officer must record why; no automatic refusal ground.
        return [Check("consent", False, _("Submitted on behalf of the victim without recorded consent."))]
    if facts.on_behalf:
        return [Check("consent", True, _("Submitted on behalf of the victim with consent."))]
    return []


def _repeat(facts: Facts) -> Check:
    if facts.repeat_of:
        return Check(
            "repeat",
            False,
            _("Repeats application %(number)s without new facts.") % {"number": facts.repeat_of},
            RefusalGround.REPEAT,
        )
    return Check("repeat", True, _("Not a repeat without new facts."))

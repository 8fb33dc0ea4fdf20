"""The admissibility assistant: what the law says about an application, with reasons.

The officer decides; the assistant only lists each criterion of domain.md §1.1/§3.1 with whether
it looks met and why, and proposes a refusal ground when one applies. Terms come from the
deadline rule table (the one-year window is configuration).
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


def assess(
    application, *, today: date | None = None, cal: WorkingCalendar | None = None, token: str | None = None
) -> Assessment:
    """`token` (refcache.version()) lets a page share its one read of the reference-data version."""
    today = today or timezone.localdate()
    app = application
    checks: list[Check] = []

    if app.applicant_kind == ApplicantKind.ANONYMOUS:
        if app.has_evidence:
            checks.append(Check("identity", True, _("Anonymous, but supported by documents or other evidence.")))
        else:
            checks.append(
                Check(
                    "identity", False, _("Anonymous and not supported by sufficient evidence."), RefusalGround.ANONYMOUS
                )
            )
    else:
        checks.append(Check("identity", True, _("The applicant is identified.")))

    # The year runs from the violation or, if later, from the day the applicant learned of it.
    starts = [d for d in (app.violation_date, app.awareness_date) if d]
    if not starts:
        checks.append(Check("time_limit", True, _("No date given: ask the applicant when it happened.")))
    else:
        token = token or refcache.version()
        end = _window_end(max(starts), cal or WorkingCalendar.current(token), token)
        if today <= end:
            checks.append(Check("time_limit", True, _("Within one year (until %(date)s).") % {"date": end}))
        else:
            checks.append(
                Check(
                    "time_limit",
                    False,
                    _("More than one year has passed (the limit was %(date)s).") % {"date": end},
                    RefusalGround.TIME_BARRED,
                )
            )

    excluded = [a for a in app.respondents.all() if a.excluded_from_mandate]
    if excluded and not app.about_court_delay:
        names = ", ".join(str(a) for a in excluded)
        checks.append(
            Check(
                "mandate",
                False,
                _("Outside the mandate: %(bodies)s.") % {"bodies": names},
                RefusalGround.OUTSIDE_MANDATE,
            )
        )
    elif excluded:
        checks.append(Check("mandate", True, _("About court red tape or non-execution of a judgment: examined.")))
    else:
        checks.append(Check("mandate", True, _("The respondents are within the mandate.")))

    if app.court_status == CourtStatus.PENDING and not app.about_court_delay:
        checks.append(Check("court", False, _("A court is examining the merits."), RefusalGround.COURT_PENDING))
    else:
        checks.append(Check("court", True, _("No court proceedings on the merits are pending.")))

    if app.on_behalf and not app.victim_consent:
        # Since 2023 civil society may act without consent only when it cannot be obtained
        # (death, incapacity): the officer must record why; no automatic refusal ground.
        checks.append(Check("consent", False, _("Submitted on behalf of the victim without recorded consent.")))
    elif app.on_behalf:
        checks.append(Check("consent", True, _("Submitted on behalf of the victim with consent.")))

    if app.repeat_of_id and not app.new_facts:
        checks.append(
            Check(
                "repeat",
                False,
                _("Repeats application %(number)s without new facts.") % {"number": app.repeat_of.number},
                RefusalGround.REPEAT,
            )
        )
    else:
        checks.append(Check("repeat", True, _("Not a repeat without new facts.")))
    return Assessment(checks)

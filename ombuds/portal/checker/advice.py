"""From the shared admissibility rules to advice a visitor can act on.

The decision is the rules' (`assess_facts`); this module only chooses the outcome — call 916
when it is urgent, apply when no rule fails, otherwise a referral — and says why and where to go
in plain language. A result never turns anyone away: every outcome also says they may still
apply or call 916 when unsure, because the office, not the checker, decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ombuds.complaints.admissibility import Assessment, Facts, assess_facts

CALL_916 = "call"
APPLY = "apply"
REFER = "refer"


@dataclass(frozen=True)
class Destination:
    key: str
    title: Promise
    text: Promise
    page: str = ""  # a portal page slug with more about this destination


# Where to go instead, in one table (translated): every referral the checker gives comes from here.
DESTINATIONS: dict[str, Destination] = {
    d.key: d
    for d in (
        Destination(
            "with_name",
            _("Apply with your name"),
            _(
                "If you give your name, the Ombudsman keeps it confidential and does not disclose it to the body "
                "you complain about without your consent. If you stay anonymous, attach documents, photos or "
                "other evidence."
            ),
            "how-to-apply",
        ),
        Destination(
            "court",
            _("A court"),
            _(
                "Disputes with private persons or companies, and claims after the Ombudsman's time limit, are "
                "decided by the courts. A lawyer or a legal aid centre can help you prepare a claim."
            ),
        ),
        Destination(
            "police",
            _("The police or the prosecutor's office"),
            _(
                "If a crime was committed, report it to the police or to the prosecutor's office. If they do not "
                "register or examine your report, you may complain about them to the Ombudsman."
            ),
        ),
        Destination(
            "higher_court",
            _("A higher court"),
            _(
                "A judge's decision can only be changed by a higher court on appeal; a lawyer can advise you on "
                "the time limits. The Ombudsman can help with court delays, lost court documents and judgments "
                "that are not carried out."
            ),
        ),
        Destination(
            "pending_court",
            _("The court that is examining your case"),
            _(
                "Raise the matter in those proceedings. If the court delays the case, loses documents, or its "
                "judgment is not carried out, the Ombudsman can help."
            ),
        ),
        Destination(
            "the_body",
            _("The office concerned or the body above it"),
            _(
                "Write to the office concerned or to the body that supervises it, and keep a copy with the date. "
                "If a state body then fails to act, you may complain about it to the Ombudsman."
            ),
        ),
        Destination(
            "nakhchivan",
            _("The Ombudsman of the Nakhchivan Autonomous Republic"),
            _(
                "The Nakhchivan Autonomous Republic has its own Commissioner for Human Rights, who examines "
                "complaints about its bodies."
            ),
            "nakhchivan",
        ),
    )
}


@dataclass(frozen=True)
class Finding:
    """One failing rule, said for the public, with where to go about it."""

    code: str
    reason: str
    destinations: list[Destination]


@dataclass(frozen=True)
class Advice:
    outcome: str
    assessment: Assessment
    findings: list[Finding] = field(default_factory=list)  # the failing rules, in the rules' order
    notes: list[str] = field(default_factory=list)  # what the visitor should know when applying
    until: date | None = None  # the last day to apply within the one-year window, when a date was given


def advise(facts: Facts, *, today: date | None = None, token: str | None = None) -> Advice:
    assessment = assess_facts(facts, today=today, token=token)
    findings = [_finding(facts, check.code, check.until) for check in assessment.checks if not check.ok]
    if facts.urgent:
        outcome = CALL_916
    elif findings:
        outcome = REFER
    else:
        outcome = APPLY
    time_check = next(check for check in assessment.checks if check.code == "time_limit")
    return Advice(outcome, assessment, findings, _notes(facts, time_check.until), time_check.until)


def _finding(facts: Facts, code: str, until: date | None) -> Finding:
    reason, keys = _FAILING[code](facts, until)
    return Finding(code, str(reason), [DESTINATIONS[key] for key in keys])


def _identity(facts: Facts, until: date | None) -> tuple[Promise | str, list[str]]:
    return (
        _(
            "You want to stay anonymous and have no evidence. The Ombudsman examines an anonymous complaint "
            "only when documents or other evidence support it."
        ),
        ["with_name"],
    )


def _time_limit(facts: Facts, until: date | None) -> tuple[Promise | str, list[str]]:
    return (
        _(
            "More than a year has passed since it happened or since you learned of it (the limit was %(date)s). "
            "The Ombudsman examines complaints made within one year. If the violation is still going on, the "
            "year has not run out: you may apply."
        )
        % {"date": _day(until)},
        ["court"],
    )


def _mandate(facts: Facts, until: date | None) -> tuple[Promise | str, list[str]]:
    if facts.private_respondent:
        return (
            _(
                "The Ombudsman examines complaints about state bodies, municipalities and state-owned companies "
                "and institutions, not about private persons or private companies."
            ),
            ["police", "court"],
        )
    if facts.nakhchivan:
        return (
            _("Complaints about the bodies of the Nakhchivan Autonomous Republic are examined by its own Ombudsman."),
            ["nakhchivan"],
        )
    if COURT_BODY in facts.excluded_bodies:
        return (
            _(
                "The Ombudsman does not examine how judges decide cases, except court delays, lost court "
                "documents and judgments that are not carried out."
            ),
            ["higher_court"],
        )
    return (
        _("The Ombudsman does not examine the activity of the President or of members of the Milli Majlis."),
        ["the_body"],
    )


def _court(facts: Facts, until: date | None) -> tuple[Promise | str, list[str]]:
    return (
        _(
            "A court is examining the same matter. The Ombudsman does not examine a matter while a court is "
            "deciding it."
        ),
        ["pending_court"],
    )


def _consent(facts: Facts, until: date | None) -> tuple[Promise | str, list[str]]:
    return (
        _(
            "You apply for someone else: the Ombudsman needs that person's consent, unless they cannot give it "
            "(for example because of death or incapacity)."
        ),
        ["with_name"],
    )


def _repeat(facts: Facts, until: date | None) -> tuple[Promise | str, list[str]]:
    return (
        _("The Ombudsman has already examined this complaint; apply again only with new facts."),
        ["the_body"],
    )


_FAILING = {
    "identity": _identity,
    "time_limit": _time_limit,
    "mandate": _mandate,
    "court": _court,
    "consent": _consent,
    "repeat": _repeat,
}

# The names the checker gives the excluded respondents it asks about (the rules only need them non-empty).
COURT_BODY = "court"
PRESIDENT_OR_MP = "president_or_mp"


def _notes(facts: Facts, until: date | None) -> list[str]:
    notes: list = []  # lazy and formatted strings alike
    if facts.about_court_delay:
        notes.append(_("Court delays, lost court documents and judgments that are not carried out are examined."))
    else:
        notes.append(_("It is about a public body, which the Ombudsman examines."))
    if not facts.court_pending:
        notes.append(_("No court is examining the same matter."))
    if until:
        notes.append(_("Apply by %(date)s: the one-year limit ends then.") % {"date": _day(until)})
    else:
        notes.append(
            _("The Ombudsman examines complaints within one year of the event or of the day you learned of it.")
        )
    if facts.anonymous and facts.has_evidence:
        notes.append(_("You may stay anonymous: attach your documents, photos or other evidence."))
    if facts.in_detention:
        notes.append(
            _(
                "A person in detention may write to the Ombudsman through the administration of the place: "
                "the letter must be forwarded within 24 hours. A relative or another person may also apply "
                "for them, with their consent."
            )
        )
    return [str(note) for note in notes]


def _day(value: date | None) -> str:
    return date_format(value, "DATE_FORMAT") if value else ""

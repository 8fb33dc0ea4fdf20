"""The visit report (PDF and DOCX, az/en/ru) built from the findings, with the publication guard.

Interview notes are internal and never part of a report; interviewees appear only by pseudonym.
Before any export the guard looks for the sealed identity of every interviewee who has not
consented to publication in the report's text, and refuses with the finding and field that
would name them (OPCAT Art. 21(2)). It looks for each part of the name on its own (surname,
given name, patronymic), in any order, spelling and script: "Elchin Mammadov" or "Эльчин
Мамедов" names "Məmmədov Elçin Rauf oğlu" as much as the recorded spelling does.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ombuds.core.documents import Letter
from ombuds.core.names import identifying_parts, mentions, normalise_name_tokens
from ombuds.monitoring.choices import ThematicArea
from ombuds.monitoring.models import Visit


@dataclass(frozen=True)
class GuardFailure(Exception):
    where: str
    field: str

    def __str__(self) -> str:
        return _(
            "The report would name an interviewee who has not consented to publication: %(where)s, field “%(field)s”."
        ) % {"where": self.where, "field": self.field}


def _sealed_name_parts(visit: Visit, consent: str = "consent_publish") -> set[str]:
    """Name parts of the interviewees who have not given `consent` (to publication, or to
    disclosure to the authority for what is sent to it)."""
    parts: set[str] = set()
    for interview in visit.interviews.all():
        if getattr(interview, consent) or not interview.identity.strip():
            continue
        # The identity may carry more than the name ("…, born 1985, cell 12"): the name comes first.
        name = interview.identity.replace(";", ",").replace("(", ",").split(",")[0]
        parts.update(identifying_parts(name))
    return parts


def find_sealed_names(visit: Visit, texts: list[tuple[str, str, str]], consent: str = "consent_publish") -> None:
    """Raise GuardFailure at the first of `texts` ((where, field, text) triples) that names an
    interviewee of `visit` who has not consented to publication. Recommendations drawn from the
    visit are read by the same guard before they are published."""
    parts = _sealed_name_parts(visit, consent)
    if not parts:
        return
    for where, field, text in texts:
        words = normalise_name_tokens(text or "")
        if any(mentions(part, words) for part in parts):
            raise GuardFailure(where=where, field=field)


# A recommendation found no longer relevant is left out of the report (the recommendations app's
# status code; monitoring reads the recommendations only through the reverse relation).
_NOT_REPORTED = "no_longer_relevant"


def _recommendations(visit: Visit) -> list:
    """The recommendations drawn from the visit, as the report lists them."""
    return list(visit.recommendations.exclude(status=_NOT_REPORTED).select_related("addressee").order_by("sequence"))


def check_publication(visit: Visit, recommendations: list | None = None) -> None:
    findings = list(visit.findings.all())
    texts = [(_("immediate observations"), "immediate_observations", visit.immediate_observations)]
    texts += [(f"{finding.get_area_display()} #{n}", "text", finding.text) for n, finding in enumerate(findings, 1)]
    texts += [
        (f"{finding.get_area_display()} #{n}", "subtopic", finding.subtopic) for n, finding in enumerate(findings, 1)
    ]
    recommendations = _recommendations(visit) if recommendations is None else recommendations
    texts += [
        (_("recommendation %(number)s") % {"number": rec.number}, f"text_{language}", getattr(rec, f"text_{language}"))
        for rec in recommendations
        for language in ("az", "en", "ru")
    ]
    find_sealed_names(visit, texts)


def _recommendation_lines(recommendations: list, language: str) -> list[str]:
    """Each recommendation in the report's language (its Azerbaijani text when not translated),
    with its addressee and due date."""
    lines = []
    for rec in recommendations:
        text = getattr(rec, f"text_{language}", "") or rec.text_az
        due = date_format(rec.due_date, "DATE_FORMAT") if rec.due_date else _("set when issued")
        lines.append(
            _("%(number)s. %(text)s Addressee: %(addressee)s. Due date: %(due)s.")
            % {"number": rec.number, "text": text, "addressee": rec.addressee, "due": due}
        )
    return lines


def build(visit: Visit, language: str) -> Letter:
    recommendations = _recommendations(visit)
    check_publication(visit, recommendations)
    with translation.override(language):
        place = visit.place
        paragraphs = [
            _("Visit of %(date)s to %(place)s (%(type)s, %(announced)s).")
            % {
                "date": date_format(visit.planned_date, "DATE_FORMAT"),
                "place": place,
                "type": visit.get_visit_type_display(),
                "announced": _("announced") if visit.announced else _("unannounced"),
            },
            _("Team: %(count)s people. Interviews: %(private)s private, %(group)s in groups.")
            % {
                "count": visit.team.count(),
                "private": visit.private_interviews,
                "group": visit.group_interviews,
            },
        ]
        if visit.people_held is not None and place.capacity:
            paragraphs.append(
                _("Occupancy: %(held)s people held for %(capacity)s places (%(percent)s %%).")
                % {
                    "held": visit.people_held,
                    "capacity": place.capacity,
                    "percent": round(100 * visit.people_held / place.capacity),
                }
            )
        for area in ThematicArea:
            findings = [f for f in visit.findings.all() if f.area == area]
            if findings:
                paragraphs.append(str(area.label).upper())
                paragraphs += [f"— {f.text} ({f.get_severity_display()})" for f in findings]
        if visit.immediate_observations:
            paragraphs += [_("Immediate observations to the management:"), visit.immediate_observations]
        if recommendations:
            paragraphs.append(_("Recommendations").upper())
            paragraphs += _recommendation_lines(recommendations, language)
        return Letter(
            language=language,
            reference=str(visit.public_id)[:8].upper(),
            date=date_format(timezone.localdate(), "DATE_FORMAT"),
            header=[
                _("Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan"),
                _("National Preventive Mechanism"),
            ],
            addressee=[place.authority.name if place.authority else str(place)],
            subject=_("Report on the visit"),
            paragraphs=paragraphs,
            signature=[m.user.display_name for m in visit.team.select_related("user") if m.role == "leader"],
        )

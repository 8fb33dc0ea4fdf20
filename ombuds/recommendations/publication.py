"""What may be published of a recommendation (OPCAT Art. 21(2)): its text, rationale and the
authority's responses are read by the visit's publication guard, so that no interviewee who has
not consented to publication is named in the public tracker."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ombuds.complaints.choices import ApplicantKind
from ombuds.core.names import identifying_parts, mentions, normalise_name_tokens
from ombuds.monitoring.report import GuardFailure, find_sealed_names
from ombuds.recommendations.models import AuthorityResponse, Recommendation


def check_publication(rec: Recommendation) -> None:
    """Raise monitoring.report.GuardFailure naming the field that would identify someone."""
    texts = [(rec.number, f"text_{lang}", getattr(rec, f"text_{lang}")) for lang in ("az", "en", "ru")]
    texts += [(rec.number, "rationale", rec.rationale)]
    texts += [(_("response of %(date)s") % {"date": r.received_on}, "text", r.text) for r in rec.responses.all()]
    visits = [rec.visit] if rec.visit_id else []
    visits += [check.visit for check in rec.checks.select_related("visit")]
    for visit in visits:
        find_sealed_names(visit, texts)


def check_letter(rec: Recommendation) -> None:
    """The letter to the addressee carries the texts: no interviewee of the visit, and no applicant
    or victim of the case, may be named in them without their consent to disclosure to the
    authority (domain.md §4). Raises ValidationError."""
    from django.core.exceptions import ValidationError

    from ombuds.complaints.disclosure import check_no_undisclosed_names
    from ombuds.monitoring.report import GuardFailure

    texts = [(rec.number, f"text_{lang}", getattr(rec, f"text_{lang}")) for lang in ("az", "en", "ru")]
    if rec.application_id:
        check_no_undisclosed_names(rec.application, [(field, text) for _where, field, text in texts])
    if not rec.visit_id:
        return
    try:
        find_sealed_names(rec.visit, texts, consent="consent_disclose_to_authority")
    except GuardFailure as failure:
        raise ValidationError(
            {
                failure.field: _(
                    "The letter would name an interviewee who has not consented to disclosure to the authority."
                )
            }
        ) from failure


def _application_name_parts(rec: Recommendation) -> set[str]:
    """Name parts of the people who are the applicant or a victim of the recommendation's case:
    whatever they consented to tell the authority, the public tracker never names them."""
    app = rec.application
    if app is None:
        return set()
    parts: set[str] = set()
    for party in [app.applicant, *app.victims.all()]:
        if party is None or party.kind == ApplicantKind.LEGAL_ENTITY:
            continue
        for name in (party.surname, party.given_name):
            parts.update(identifying_parts(name or ""))
    return parts


def public_responses(rec: Recommendation) -> list[tuple[AuthorityResponse, bool]]:
    """The authority's responses of a published recommendation, each with whether its text may be
    shown in the public tracker. An authority keeps answering after the Commissioner published
    the recommendation, so each response is read again by the publication guard here: a text that
    names an interviewee of its visits who has not consented to publication, or a person of its
    case, is withheld (its date and the authority's stance are still public)."""
    responses = list(rec.responses.all())
    if not responses:
        return []
    visits = [rec.visit] if rec.visit_id else []
    visits += [check.visit for check in rec.checks.select_related("visit")]
    withheld = set()
    for visit in visits:
        # One reading of the visit's interviewees for all the responses; after a hit, the guard
        # reads on from the response after it.
        pending = [(str(n), "text", response.text) for n, response in enumerate(responses)]
        while pending:
            try:
                find_sealed_names(visit, pending)
                break
            except GuardFailure as failure:
                withheld.add(int(failure.where))
                pending = [entry for entry in pending if int(entry[0]) > int(failure.where)]
    case_parts = _application_name_parts(rec)
    for n, response in enumerate(responses):
        words = normalise_name_tokens(response.text or "")
        if any(mentions(part, words) for part in case_parts):
            withheld.add(n)
    return [(response, n not in withheld) for n, response in enumerate(responses)]

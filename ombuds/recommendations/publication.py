"""What may be published of a recommendation (OPCAT Art. 21(2)): its text, rationale and the
authority's responses are read by the visit's publication guard, so that no interviewee who has
not consented to publication is named in the public tracker."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ombuds.monitoring.report import find_sealed_names
from ombuds.recommendations.models import Recommendation


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

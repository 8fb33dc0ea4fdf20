"""Letters of the application procedure: acknowledgement, reasoned refusal, information request,
notification of the result. Each is built once as data (core.documents.Letter) in the chosen
language and rendered to PDF or DOCX."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ombuds.complaints.choices import Status
from ombuds.complaints.models import Application, InfoRequest
from ombuds.complaints.visibility import party_fields
from ombuds.core import deadlines
from ombuds.core.documents import Letter, text_blocks

KINDS = ("acknowledgement", "refusal", "info_request", "extension", "result")


class NotAvailable(Exception):
    """The letter does not fit the application's state (e.g. a refusal of an accepted case)."""


def _applicant_lines(app: Application, viewer) -> list[str]:
    """Name and postal address, the address only if `viewer` may see the applicant's contacts."""
    visible = party_fields(viewer, app, app.applicant)
    if app.applicant is None or "surname" not in visible:
        return [_("To the applicant")]
    return [str(app.applicant), *([app.applicant.address] if "address" in visible and app.applicant.address else [])]


def _signature(app: Application) -> list[str]:
    signer = app.assignee or app.created_by
    return [signer.display_name if signer else "", app.unit.name]


def build(app: Application, kind: str, language: str, *, viewer, info_request: InfoRequest | None = None) -> Letter:
    """The letter as `viewer` may see it: party fields through complaints.visibility, as on the page."""
    with translation.override(language):
        header = [_("Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan"), app.unit.name]
        today = date_format(timezone.localdate(), "DATE_FORMAT")
        received = date_format(timezone.localtime(app.received_at).date(), "DATE_FORMAT")
        base = dict(language=language, reference=app.number, date=today, header=header, signature=_signature(app))
        if kind == "acknowledgement":
            return Letter(
                **base,
                addressee=_applicant_lines(app, viewer),
                subject=_("Acknowledgement of receipt"),
                paragraphs=[
                    _("Your application received on %(date)s has been registered under number %(number)s.")
                    % {"date": received, "number": app.number},
                    _(
                        "It will be examined under the Constitutional Law on the Commissioner for Human Rights. "
                        "Please quote this number in all correspondence."
                    ),
                ],
            )
        if kind == "refusal":
            if app.status not in (Status.REFUSED, Status.CLOSED) or not app.refusal_ground:
                raise NotAvailable
            return Letter(
                **base,
                addressee=_applicant_lines(app, viewer),
                subject=_("Reasoned refusal"),
                paragraphs=[
                    _("Your application %(number)s of %(date)s cannot be accepted for consideration.")
                    % {"number": app.number, "date": received},
                    _("Ground: %(ground)s.") % {"ground": app.get_refusal_ground_display()},
                    app.decision_reason,
                ],
            )
        if kind == "info_request":
            if info_request is None:
                raise NotAvailable
            due = date_format(timezone.localtime(info_request.due_at).date(), "DATE_FORMAT")
            # Dated the day it was sent: the authority's portal shows the letter as it left.
            base["date"] = date_format(timezone.localtime(info_request.sent_at).date(), "DATE_FORMAT")
            return Letter(
                **base,
                addressee=[info_request.addressee.name],
                subject=_("Request for information"),
                paragraphs=[
                    _(
                        "In connection with application %(number)s the Commissioner asks you to answer the "
                        "following by %(due)s:"
                    )
                    % {"number": app.number, "due": due},
                    *text_blocks(info_request.questions),
                ],
            )
        if kind == "extension":
            deadline = (
                deadlines.open_for(app, "consideration", "consideration_access_to_information")
                .filter(extensions__gt=0)
                .first()
            )
            if deadline is None:
                raise NotAvailable
            due = date_format(timezone.localtime(deadline.due_at).date(), "DATE_FORMAT")
            return Letter(
                **base,
                addressee=_applicant_lines(app, viewer),
                subject=_("Extension of the consideration"),
                paragraphs=[
                    _(
                        "The consideration of your application %(number)s requires additional checks "
                        "and has been extended until %(due)s."
                    )
                    % {"number": app.number, "due": due},
                ],
            )
        if kind == "result":
            if not app.outcome:
                raise NotAvailable
            measures = [f"{m.get_kind_display()}: {m.addressee.name}" for m in app.measures.select_related("addressee")]
            return Letter(
                **base,
                addressee=_applicant_lines(app, viewer),
                subject=_("Result of the consideration"),
                paragraphs=[
                    _("Your application %(number)s has been considered.") % {"number": app.number},
                    _("Result: %(outcome)s.") % {"outcome": app.get_outcome_display()},
                    *measures,
                    *([app.decision_reason] if app.decision_reason else []),
                ],
            )
    raise NotAvailable

"""The letter that carries a recommendation to its addressee (domain.md §3.3: issuing sends it in
the addressee's language). Built once as data (core.documents.Letter) so that the PDF and the
DOCX say the same thing; the PDF of the day of issue is kept with the recommendation (see
`services.lifecycle.issue_recommendation`), so that what was sent can be shown later."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ombuds.core.documents import PDF, Letter, letter_pdf, text_blocks
from ombuds.core.i18n import CONTENT_LANGUAGES, pick
from ombuds.core.models import Deadline, DeadlineRule
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.services.lifecycle import RESPONSE_RULE, URGENT_RESPONSE_RULE


class NotAvailable(Exception):
    """The recommendation has no text in the language asked for."""


def available_languages(rec: Recommendation) -> list[str]:
    return [lang for lang in CONTENT_LANGUAGES if getattr(rec, f"text_{lang}", "").strip()]


def _date(value) -> str:
    return date_format(value, "DATE_FORMAT")


def _source(rec: Recommendation) -> str:
    if rec.source == c.Source.VISIT and rec.visit_id:
        visit = rec.visit
        return _(
            "Following the visit of %(date)s to %(place)s, the Commissioner makes the following recommendation."
        ) % {
            "date": _date(visit.planned_date),
            "place": pick(visit.place, "name"),
        }
    if rec.source == c.Source.APPLICATION and rec.application_id:
        return _(
            "In connection with application %(number)s, in which a violation of human rights was found, "
            "the Commissioner makes the following recommendation."
        ) % {"number": rec.application.number}
    if rec.source == c.Source.ANNUAL_REPORT:
        return _("In the annual report “%(title)s” the Commissioner makes the following recommendation.") % {
            "title": rec.report_title
        }
    return _("In the thematic report “%(title)s” the Commissioner makes the following recommendation.") % {
        "title": rec.report_title
    }


def _response_term(rec: Recommendation) -> str:
    """The term of the legal clock for the answer, and its date once the clock runs."""
    code = URGENT_RESPONSE_RULE if rec.kind == c.Kind.URGENT else RESPONSE_RULE
    deadline = (
        Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(Recommendation), object_id=rec.pk, rule__code=code
        )
        .order_by("-pk")
        .first()
    )
    rule = deadline.rule if deadline else DeadlineRule.objects.get(code=code)
    term = f"{rule.term} {rule.get_unit_display()}"
    if deadline is not None:
        return _(
            "Please inform the Commissioner of your position and the measures planned within %(term)s, by %(date)s."
        ) % {
            "term": term,
            "date": _date(timezone.localtime(deadline.due_at).date()),
        }
    return _(
        "Please inform the Commissioner of your position and the measures planned "
        "within %(term)s of receiving this letter."
    ) % {"term": term}


def build(rec: Recommendation, language: str | None = None) -> Letter:
    """The letter in `language` (the recommendation's letter language unless given)."""
    language = language or rec.letter_language or "az"
    if language not in CONTENT_LANGUAGES or not getattr(rec, f"text_{language}", "").strip():
        raise NotAvailable
    with translation.override(language):
        header = [_("Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan"), rec.unit.name]
        paragraphs: list = [_source(rec), *text_blocks(getattr(rec, f"text_{language}"))]
        if rec.due_date:
            paragraphs.append(
                _("The Commissioner asks that the recommendation be implemented by %(date)s.")
                % {"date": _date(rec.due_date)}
            )
        paragraphs.append(_response_term(rec))
        paragraphs.append(_("Please quote the number %(number)s in your answer.") % {"number": rec.number})
        signer = rec.issued_by or rec.responsible or rec.created_by
        return Letter(
            language=language,
            reference=rec.number,
            date=_date(rec.issued_on or timezone.localdate()),
            header=header,
            addressee=[pick(rec.addressee, "name", language)],
            subject=_("Recommendation %(number)s") % {"number": rec.number},
            paragraphs=paragraphs,
            signature=[signer.display_name if signer else "", rec.unit.name],
        )


def filename(rec: Recommendation, language: str, fmt: str) -> str:
    return f"recommendation-{rec.number.replace('/', '-')}-{language}.{fmt}"


def sent_letter_file(rec: Recommendation) -> SimpleUploadedFile:
    """The PDF of the letter as issued, ready for `core.uploads.store`."""
    language = rec.letter_language
    return SimpleUploadedFile(filename(rec, language, "pdf"), letter_pdf(build(rec, language)), content_type=PDF)

"""The cover letter that carries a yearly report to each of its recipients (Art. 14: the President;
copies to the Cabinet, the courts and the Prosecutor General), in az/en/ru, as PDF and DOCX from
one `core.documents.Letter` so that both say the same thing."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ombuds.core.documents import Letter
from ombuds.core.i18n import CONTENT_LANGUAGES, pick
from ombuds.reports.choices import RecipientRole, ReportKind
from ombuds.reports.models import Recipient, Report


def build(report: Report, recipient: Recipient, language: str) -> Letter:
    if language not in CONTENT_LANGUAGES:
        raise ValueError(language)
    with translation.override(language):
        title = getattr(report, f"title_{language}") or report.title_az
        if report.kind == ReportKind.ANNUAL:
            basis = _(
                "In accordance with Article 14 of the Constitutional Law on the Commissioner for Human Rights "
                "(Ombudsman), the Commissioner presents the annual report on the observance and protection of "
                "human rights in %(year)s."
            ) % {"year": report.year}
        else:
            basis = _(
                "As the National Preventive Mechanism under the Optional Protocol to the Convention against "
                "Torture (Article 23), the Commissioner presents the report on the prevention of torture and "
                "ill-treatment in places of deprivation of liberty in %(year)s."
            ) % {"year": report.year}
        if recipient.role == RecipientRole.ADDRESSEE:
            ask = _("The report is attached. The Commissioner is at your disposal for any question about it.")
        else:
            ask = _("A copy of the report is attached for your information.")
        sent = recipient.sent_on or report.submitted_on or timezone.localdate()
        signer = report.approved_by
        return Letter(
            language=language,
            reference=recipient.reference,
            date=date_format(sent, "DATE_FORMAT"),
            header=[_("Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan")],
            addressee=[pick(recipient.authority, "name", language)],
            subject=title,
            paragraphs=[basis, ask],
            signature=[signer.display_name if signer else "", _("Commissioner for Human Rights (Ombudsman)")],
        )


def filename(report: Report, recipient: Recipient, language: str, fmt: str) -> str:
    return f"{report.kind}-report-{report.year}-letter-{recipient.authority.code}-{language}.{fmt}"

"""The annual report (Constitutional Law Art. 14) and the NPM report as records people work on:
prepared in draft (datasets, narrative, recipients), approved by the Commissioner, submitted to
its recipients, presented, published (domain.md §7).

The annual report has a legal term: two months after the end of the year (rule `annual_report`).
Its clock starts with the report (from 1 January, Baku time) and stops when it is submitted."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit, deadlines
from ombuds.core.models import Authority
from ombuds.core.services import lock, move, require, save
from ombuds.reports import figures, tables
from ombuds.reports.choices import RecipientRole, ReportKind, ReportStatus
from ombuds.reports.models import Dataset, Narrative, Recipient, Report
from ombuds.reports.permissions import APPROVE, PREPARE
from ombuds.reports.services import datasets

log = logging.getLogger(__name__)
BAKU = ZoneInfo("Asia/Baku")
DEADLINE_RULE = "annual_report"
S = ReportStatus
TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.APPROVED},
    S.APPROVED: {S.DRAFT, S.SUBMITTED},
    S.SUBMITTED: {S.PRESENTED},
    S.PRESENTED: {S.PUBLISHED},
}
# Recipients may change until the report leaves: the cover letters are made for them.
RECIPIENTS_OPEN = (S.DRAFT, S.APPROVED)


def year_period(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _az_ordinal(year: int) -> str:
    """ "2025-ci", "2023-cü", "2026-cı", "2029-cu": the suffix follows the vowel of the last word
    said (bir, iki, üç, …; iyirmi, otuz, …; min)."""
    units = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
    tens = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}
    if year % 10:
        suffix = units[year % 10]
    elif year % 100:
        suffix = tens[(year % 100) // 10]
    elif year % 1000:
        suffix = "cü"  # yüz
    else:
        suffix = "ci"  # min
    return f"{year}-{suffix}"


def default_titles(kind: str, year: int) -> dict[str, str]:
    """The titles the institution uses, one per language (content, not interface text)."""
    if kind == ReportKind.ANNUAL:
        return {
            "title_az": f"Azərbaycan Respublikasının İnsan hüquqları üzrə müvəkkilinin (Ombudsmanın) "
            f"{_az_ordinal(year)} il üzrə illik məruzəsi",
            "title_en": f"Annual report of the Commissioner for Human Rights (Ombudsman) of the Republic of "
            f"Azerbaijan for {year}",
            "title_ru": f"Ежегодный доклад Уполномоченного по правам человека (Омбудсмена) Азербайджанской "
            f"Республики за {year} год",
        }
    return {
        "title_az": f"Milli Preventiv Mexanizmin {_az_ordinal(year)} il üzrə fəaliyyəti haqqında məruzə",
        "title_en": f"Report of the National Preventive Mechanism for {year}",
        "title_ru": f"Доклад Национального превентивного механизма за {year} год",
    }


def _check_period(dataset: Dataset | None, year: int, field: str) -> None:
    if dataset is not None and (dataset.period_start, dataset.period_end) != year_period(year):
        raise ValidationError(
            {field: _("The dataset must cover exactly 1 January to 31 December %(year)s.") % {"year": year}}
        )


def _default_previous(year: int) -> Dataset | None:
    start, end = year_period(year - 1)
    same = Dataset.objects.filter(period_start=start, period_end=end).order_by("-number")
    return same.filter(status="published").first() or same.first()


def _default_dataset(actor, year: int) -> Dataset:
    start, end = year_period(year)
    latest = Dataset.objects.filter(period_start=start, period_end=end).order_by("-number").first()
    return latest or datasets.take_snapshot(
        actor, period_start=start, period_end=end, note=_("Taken when the report was started.")
    )


def _default_recipients(kind: str) -> list[tuple[Authority, str]]:
    configured = getattr(settings, "OMBUDS_REPORT_RECIPIENTS", {}).get(kind, [])
    found = {a.code: a for a in Authority.objects.filter(code__in=[code for code, _role in configured])}
    out = []
    for code, role in configured:
        if code in found:
            out.append((found[code], role))
        else:  # a configuration error: the report is still made, without that recipient
            log.warning("OMBUDS_REPORT_RECIPIENTS names an unknown authority %r", code)
    return out


def create_report(
    actor, *, kind: str, year: int, dataset: Dataset | None = None, previous_dataset: Dataset | None = None
) -> Report:
    """Start the report of `year`: read from the latest dataset of the year (a snapshot is taken
    when there is none) beside the dataset of the year before; default titles and recipients;
    for the annual report, the legal clock."""
    require(actor, PREPARE)
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("Choose the kind of report.")})
    if not isinstance(year, int) or year < 2000 or year >= timezone.localdate().year:
        raise ValidationError({"year": _("A report covers a year that has ended.")})
    if Report.objects.filter(kind=kind, year=year).exists():
        raise ValidationError({"year": _("There is already a report of this kind for %(year)s.") % {"year": year}})
    _check_period(dataset, year, "dataset")
    _check_period(previous_dataset, year - 1, "previous_dataset")
    dataset = dataset or _default_dataset(actor, year)  # the snapshot is read outside the transaction
    previous_dataset = previous_dataset or _default_previous(year)
    with transaction.atomic():
        if Report.objects.select_for_update().filter(kind=kind, year=year).exists():  # a concurrent start
            raise ValidationError({"year": _("There is already a report of this kind for %(year)s.") % {"year": year}})
        report = Report.objects.create(
            kind=kind,
            year=year,
            dataset=dataset,
            previous_dataset=previous_dataset,
            created_by=actor,
            updated_by=actor,
            **default_titles(kind, year),
        )
        for authority, role in _default_recipients(kind):
            Recipient.objects.create(report=report, authority=authority, role=role, created_by=actor, updated_by=actor)
        audit.record(
            "reports.report.created",
            actor=actor,
            obj=report,
            changes={
                "kind": kind,
                "year": year,
                "dataset": dataset.content_hash,
                "previous_dataset": previous_dataset.content_hash if previous_dataset else None,
            },
        )
        if kind == ReportKind.ANNUAL:
            deadlines.start_deadline(actor, report, DEADLINE_RULE, start=datetime(year + 1, 1, 1, tzinfo=BAKU))
    return report


def _draft(report: Report) -> Report:
    report = lock(report)
    if report.status != S.DRAFT:
        raise ValidationError(_("Only a draft report can be changed; reopen it first."))
    return report


@transaction.atomic
def set_datasets(actor, report: Report, *, dataset: Dataset, previous_dataset: Dataset | None = None) -> Report:
    """Read the report from another version of its datasets (e.g. after late records were
    entered): the narrative's figures follow, its text does not change."""
    require(actor, PREPARE)
    report = _draft(report)
    _check_period(dataset, report.year, "dataset")
    _check_period(previous_dataset, report.year - 1, "previous_dataset")
    old = (report.dataset.content_hash, report.previous_dataset.content_hash if report.previous_dataset else None)
    report.dataset, report.previous_dataset = dataset, previous_dataset
    save(report, actor, "dataset", "previous_dataset")
    new = (dataset.content_hash, previous_dataset.content_hash if previous_dataset else None)
    audit.record("reports.report.datasets_changed", actor=actor, obj=report, changes={"datasets": [old, new]})
    return report


def _chapter_keys(kind: str) -> list[str]:
    return [chapter.key for chapter in tables.chapters(kind)]


def _check_figures(text_by_language: dict[str, str], dataset: Dataset) -> None:
    errors = {}
    for language, text in text_by_language.items():
        problems = figures.check(text, dataset)
        if problems:
            errors[f"text_{language}"] = [
                _("This figure cannot be read from the report's dataset: %(problem)s") % {"problem": p}
                for p in problems
            ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_narrative(actor, report: Report, chapter: str, *, text_az: str, text_en: str, text_ru: str) -> Narrative:
    """Write the text of one chapter. Its figures are references checked against the dataset."""
    require(actor, PREPARE)
    report = _draft(report)
    if chapter not in _chapter_keys(report.kind):
        raise ValidationError({"chapter": _("This report has no such chapter.")})
    texts = {"az": text_az or "", "en": text_en or "", "ru": text_ru or ""}
    _check_figures(texts, report.dataset)
    narrative, created = Narrative.objects.select_for_update().get_or_create(
        report=report, chapter=chapter, defaults={"created_by": actor, "updated_by": actor}
    )
    changed = [lang for lang, text in texts.items() if getattr(narrative, f"text_{lang}") != text]
    for lang, text in texts.items():
        setattr(narrative, f"text_{lang}", text)
    save(narrative, actor, "text_az", "text_en", "text_ru")
    audit.record(
        "reports.narrative.saved",
        actor=actor,
        obj=narrative,
        changes={"report": str(report.public_id), "chapter": chapter, "languages": changed, "created": created},
    )
    return narrative


@transaction.atomic
def add_recipient(actor, report: Report, *, authority: Authority, role: str) -> Recipient:
    require(actor, PREPARE)
    report = lock(report)
    if report.status not in RECIPIENTS_OPEN:
        raise ValidationError(_("The report has been submitted: its recipients can no longer change."))
    if role not in RecipientRole.values:
        raise ValidationError({"role": _("Choose addressee or copy.")})
    if Recipient.objects.filter(report=report, authority=authority).exists():
        raise ValidationError({"authority": _("This body already receives the report.")})
    recipient = Recipient.objects.create(
        report=report, authority=authority, role=role, created_by=actor, updated_by=actor
    )
    audit.record(
        "reports.recipient.added", actor=actor, obj=recipient, changes={"authority": authority.code, "role": role}
    )
    return recipient


@transaction.atomic
def remove_recipient(actor, recipient: Recipient) -> None:
    require(actor, PREPARE)
    report = lock(recipient.report)
    if report.status not in RECIPIENTS_OPEN:
        raise ValidationError(_("The report has been submitted: its recipients can no longer change."))
    audit.record(
        "reports.recipient.removed",
        actor=actor,
        obj=recipient,
        changes={"report": str(report.public_id), "authority": recipient.authority.code},
    )
    recipient.delete()


@transaction.atomic
def approve_report(actor, report: Report) -> Report:
    """The Commissioner approves the text and figures. Every chapter needs its Azerbaijani text
    (the language the report is submitted in); every figure must read from the dataset."""
    require(actor, APPROVE)
    report = lock(report)
    texts = {n.chapter: n for n in report.narratives.all()}
    missing = [
        str(chapter.title)
        for chapter in tables.chapters(report.kind)
        if not (texts.get(chapter.key) and texts[chapter.key].text_az.strip())
    ]
    move(report, S.APPROVED, TRANSITIONS)
    if missing:
        raise ValidationError(
            _("Every chapter needs its Azerbaijani text before approval. Missing: %(chapters)s.")
            % {"chapters": "; ".join(missing)}
        )
    for narrative in texts.values():
        _check_figures({lang: getattr(narrative, f"text_{lang}") for lang in ("az", "en", "ru")}, report.dataset)
    report.approved_at, report.approved_by = timezone.now(), actor
    save(report, actor, "status", "approved_at", "approved_by")
    audit.record("reports.report.approved", actor=actor, obj=report, changes={"dataset": report.dataset.content_hash})
    return report


@transaction.atomic
def reopen_report(actor, report: Report, reason: str) -> Report:
    """Back to draft before it is sent (a correction); the reason is kept in the audit trail."""
    require(actor, APPROVE)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give a reason.")})
    report = lock(report)
    if report.status != S.APPROVED:
        raise ValidationError(_("Only an approved report that has not been submitted can be reopened."))
    move(report, S.DRAFT, TRANSITIONS)
    report.approved_at, report.approved_by = None, None
    save(report, actor, "status", "approved_at", "approved_by")
    audit.record("reports.report.reopened", actor=actor, obj=report, changes={"reason": reason.strip()})
    return report


def _check_date(value: date | None, report: Report, field: str, not_before: date | None = None) -> date:
    if value is None:
        raise ValidationError({field: _("Give the date.")})
    if value > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})
    if value <= date(report.year, 12, 31):
        raise ValidationError({field: _("The date must be after the end of %(year)s.") % {"year": report.year}})
    if not_before and value < not_before:
        raise ValidationError({field: _("The date cannot be before %(date)s.") % {"date": not_before.isoformat()}})
    return value


@transaction.atomic
def submit_report(actor, report: Report, *, submitted_on: date, references: dict[Any, str] | None = None) -> Report:
    """The report is sent to every recipient on `submitted_on`, each letter with its outgoing
    reference (`references` by recipient id or public id). Stops the annual report's clock."""
    require(actor, APPROVE)
    report = lock(report)
    _check_date(submitted_on, report, "submitted_on")
    recipients = list(report.recipients.select_related("authority"))
    if not recipients:
        raise ValidationError(_("Add the recipients of the report first."))
    by_key = {str(r.pk): r for r in recipients} | {str(r.public_id): r for r in recipients}
    unknown = [str(key) for key in (references or {}) if str(key) not in by_key]
    if unknown:
        raise ValidationError(_("Unknown recipient: %(ids)s.") % {"ids": ", ".join(unknown)})
    move(report, S.SUBMITTED, TRANSITIONS)
    report.submitted_on = submitted_on
    save(report, actor, "status", "submitted_on")
    given = {by_key[str(key)].pk: (value or "").strip()[:100] for key, value in (references or {}).items()}
    for recipient in recipients:
        recipient.sent_on = submitted_on
        if given.get(recipient.pk):
            recipient.reference = given[recipient.pk]
        save(recipient, actor, "sent_on", "reference")
    audit.record(
        "reports.report.submitted",
        actor=actor,
        obj=report,
        changes={
            "submitted_on": submitted_on.isoformat(),
            "recipients": {r.authority.code: r.reference for r in recipients},
        },
    )
    deadlines.close_for(actor, report, DEADLINE_RULE)
    return report


@transaction.atomic
def present_report(actor, report: Report, *, presented_on: date) -> Report:
    require(actor, APPROVE)
    report = lock(report)
    _check_date(presented_on, report, "presented_on", not_before=report.submitted_on)
    move(report, S.PRESENTED, TRANSITIONS)
    report.presented_on = presented_on
    save(report, actor, "status", "presented_on")
    changes = {"presented_on": presented_on.isoformat()}
    audit.record("reports.report.presented", actor=actor, obj=report, changes=changes)
    return report


@transaction.atomic
def publish_report(actor, report: Report) -> Report:
    """Publish the report, and its dataset with it, so that the public statistics show the
    numbers the report prints."""
    require(actor, APPROVE)
    report = lock(report, "dataset")
    move(report, S.PUBLISHED, TRANSITIONS)
    if not report.dataset.is_published:
        datasets.publish_dataset(actor, report.dataset)
    report.published_at = timezone.now()
    save(report, actor, "status", "published_at")
    audit.record("reports.report.published", actor=actor, obj=report, changes={"dataset": report.dataset.content_hash})
    return report

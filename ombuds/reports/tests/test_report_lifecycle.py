"""The annual and NPM reports through their lifecycle: prepared in draft, approved by the
Commissioner, submitted to their recipients (the annual report's legal clock stops), presented,
published with their dataset."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ombuds.accounts.testing import make_persona
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import AuditEvent, Authority, Deadline
from ombuds.reports.models import Dataset
from ombuds.reports.services import datasets, reports
from ombuds.reports.tests.reporting import make_report, write_every_chapter

BAKU = ZoneInfo("Asia/Baku")
pytestmark = pytest.mark.django_db


def _snapshot(year):
    return datasets.take_snapshot(None, period_start=date(year, 1, 1), period_end=date(year, 12, 31))


def _codes(report):
    return [(r.authority.code, r.role) for r in report.recipients.select_related("authority").order_by("role", "pk")]


def test_a_new_annual_report_reads_the_year_takes_a_snapshot_and_starts_the_legal_clock():
    analyst = make_persona("analyst")
    older = _snapshot(2024)
    report = reports.create_report(analyst, kind="annual", year=2025)
    assert (report.dataset.period_start, report.dataset.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert report.previous_dataset == older
    assert report.title_en.endswith("for 2025") and "2025-ci il" in report.title_az and "2025 год" in report.title_ru
    assert _codes(report) == [
        ("president", "addressee"),
        ("cabinet", "copy"),
        ("constitutional_court", "copy"),
        ("supreme_court", "copy"),
        ("pgo", "copy"),
    ]
    clock = Deadline.objects.get(rule__code="annual_report", object_id=report.pk)
    assert clock.started_at == datetime(2026, 1, 1, tzinfo=BAKU)
    assert clock.due_at.astimezone(BAKU).date() == date(2026, 3, 1) and clock.responsible is None
    assert AuditEvent.objects.filter(action="reports.report.created", object_id=str(report.public_id)).exists()


def test_the_latest_dataset_of_the_year_is_used_and_the_published_one_of_the_year_before():
    first_2024 = _snapshot(2024)
    datasets.publish_dataset(None, first_2024)
    _snapshot(2024)  # a newer draft: the published one is preferred for the year before
    _snapshot(2025)
    latest = _snapshot(2025)
    report = reports.create_report(None, kind="npm", year=2025)
    assert (report.dataset, report.previous_dataset) == (latest, first_2024)
    assert Dataset.objects.filter(period_start=date(2025, 1, 1)).count() == 2  # no snapshot taken
    assert not Deadline.objects.filter(object_id=report.pk, rule__code="annual_report").exists()


def test_the_npm_report_goes_where_the_setting_says(settings):
    assert _codes(reports.create_report(None, kind="npm", year=2024)) == [
        ("president", "addressee"),
        ("milli_majlis", "copy"),
    ]
    settings.OMBUDS_REPORT_RECIPIENTS = {"npm": [("milli_majlis", "addressee")]}
    assert _codes(reports.create_report(None, kind="npm", year=2023)) == [("milli_majlis", "addressee")]


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"kind": "thematic", "year": 2025}, "kind"),
        ({"kind": "annual", "year": timezone.localdate().year}, "year"),
        ({"kind": "annual", "year": 2025, "dataset": "2024"}, "dataset"),
        ({"kind": "annual", "year": 2025, "previous_dataset": "2025"}, "previous_dataset"),
    ],
)
def test_a_report_needs_a_kind_an_ended_year_and_datasets_of_its_years(fields, error):
    for key in ("dataset", "previous_dataset"):
        if key in fields:
            fields[key] = _snapshot(int(fields[key]))
    with pytest.raises(ValidationError) as caught:
        reports.create_report(None, **fields)
    assert error in caught.value.message_dict


def test_one_report_of_a_kind_a_year():
    make_report()
    with pytest.raises(ValidationError):
        reports.create_report(None, kind="annual", year=2025)


def test_only_chapters_of_the_kind_are_written_and_only_in_draft():
    report = make_report(kind="npm")
    with pytest.raises(ValidationError):
        reports.save_narrative(None, report, "rights", text_az="x", text_en="", text_ru="")  # an annual chapter
    narrative = reports.save_narrative(None, report, "visits", text_az="Baş çəkildi.", text_en="Visited.", text_ru="")
    assert (narrative.text_az, narrative.text_en) == ("Baş çəkildi.", "Visited.")
    again = reports.save_narrative(None, report, "visits", text_az="Yeni.", text_en="", text_ru="")
    assert again.pk == narrative.pk and report.narratives.count() == 1


def test_approval_needs_the_azerbaijani_text_of_every_chapter():
    commissioner = make_persona("commissioner")
    report = make_report()
    reports.save_narrative(None, report, "rights", text_az="Mətn.", text_en="", text_ru="")
    with pytest.raises(ValidationError) as caught:
        reports.approve_report(commissioner, report)
    assert "International relations" in str(caught.value) or "Beynəlxalq" in str(caught.value)
    write_every_chapter(report)
    report = reports.approve_report(commissioner, report)
    assert (report.status, report.approved_by) == ("approved", commissioner)
    with pytest.raises(ValidationError):
        reports.save_narrative(None, report, "rights", text_az="Sonra.", text_en="", text_ru="")


def test_only_the_commissioner_approves():
    report = make_report()
    write_every_chapter(report)
    with pytest.raises(PermissionDenied):
        reports.approve_report(make_persona("analyst"), report)


def test_reopen_needs_a_reason_and_returns_to_draft():
    commissioner = make_persona("commissioner")
    report = make_report(status="approved")
    with pytest.raises(ValidationError):
        reports.reopen_report(commissioner, report, "  ")
    report = reports.reopen_report(commissioner, report, "A figure changed.")
    assert (report.status, report.approved_at) == ("draft", None)
    event = AuditEvent.objects.get(action="reports.report.reopened")
    assert event.changes["reason"] == "A figure changed."


def test_submission_records_the_letters_and_stops_the_clock():
    commissioner = make_persona("commissioner")
    report = make_report(status="approved")
    president = report.recipients.get(authority__code="president")
    cabinet = report.recipients.get(authority__code="cabinet")
    with pytest.raises(ValidationError) as caught:
        reports.submit_report(commissioner, report, submitted_on=date(2025, 12, 31))
    assert "submitted_on" in caught.value.message_dict
    with pytest.raises(ValidationError):
        reports.submit_report(commissioner, report, submitted_on=timezone.localdate() + timedelta(days=1))
    report = reports.submit_report(
        commissioner,
        report,
        submitted_on=date(2026, 2, 24),
        references={president.pk: "01/25-123", str(cabinet.public_id): "01/25-124"},
    )
    assert (report.status, report.submitted_on) == ("submitted", date(2026, 2, 24))
    president.refresh_from_db()
    cabinet.refresh_from_db()
    assert (president.sent_on, president.reference, cabinet.reference) == (date(2026, 2, 24), "01/25-123", "01/25-124")
    assert set(report.recipients.values_list("sent_on", flat=True)) == {date(2026, 2, 24)}
    clock = Deadline.objects.get(rule__code="annual_report", object_id=report.pk)
    assert clock.closed_at is not None and clock.status != DeadlineStatus.RUNNING
    with pytest.raises(ValidationError):
        reports.add_recipient(commissioner, report, authority=Authority.objects.get(code="milli_majlis"), role="copy")


def test_an_unknown_recipient_reference_is_refused_and_nothing_is_written():
    report = make_report(status="approved")
    with pytest.raises(ValidationError):
        reports.submit_report(None, report, submitted_on=date(2026, 2, 24), references={"999999": "x"})
    report.refresh_from_db()
    assert report.status == "approved" and not report.recipients.filter(sent_on__isnull=False).exists()


def test_presentation_follows_submission_and_publication_publishes_the_dataset():
    commissioner = make_persona("commissioner")
    report = make_report(status="submitted")
    with pytest.raises(ValidationError):
        reports.publish_report(commissioner, report)  # not presented yet
    with pytest.raises(ValidationError):
        reports.present_report(commissioner, report, presented_on=date(2026, 2, 1))  # before submission
    report = reports.present_report(commissioner, report, presented_on=date(2026, 3, 3))
    assert not report.dataset.is_published
    report = reports.publish_report(commissioner, report)
    report.dataset.refresh_from_db()
    assert report.status == "published" and report.published_at and report.dataset.is_published
    assert AuditEvent.objects.filter(action="reports.dataset.published").count() == 1
    assert AuditEvent.objects.filter(action="reports.report.published").count() == 1


def test_recipients_are_added_and_removed_before_submission():
    analyst = make_persona("analyst")
    report = make_report()
    majlis = Authority.objects.get(code="milli_majlis")
    recipient = reports.add_recipient(analyst, report, authority=majlis, role="copy")
    with pytest.raises(ValidationError):
        reports.add_recipient(analyst, report, authority=majlis, role="copy")
    with pytest.raises(ValidationError):
        reports.add_recipient(analyst, report, authority=Authority.objects.get(code="cabinet"), role="boss")
    reports.remove_recipient(analyst, recipient)
    assert not report.recipients.filter(authority=majlis).exists()
    assert AuditEvent.objects.filter(action="reports.recipient.removed").exists()


def test_datasets_are_changed_in_draft_only_and_of_the_right_years():
    report = make_report()
    with pytest.raises(ValidationError):
        reports.set_datasets(None, report, dataset=_snapshot(2024))
    newer = _snapshot(2025)
    report = reports.set_datasets(None, report, dataset=newer)
    assert report.dataset == newer and report.previous_dataset is None
    approved = make_report(kind="npm", status="approved")
    with pytest.raises(ValidationError):
        reports.set_datasets(None, approved, dataset=newer)

"""Service-matrix rows of the reports app: analysts, heads and the Commissioner prepare datasets
and reports; only the Commissioner approves, submits, presents and publishes."""

from datetime import date

from ombuds.core.testing import ServiceRow
from ombuds.reports.services import datasets

PREPARERS = frozenset({"commissioner", "department_head", "analyst"})
APPROVERS = frozenset({"commissioner"})


def _snapshot(actor):
    return datasets.take_snapshot(actor, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))


def _draft_dataset():
    return datasets.take_snapshot(None, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))


ROWS = [
    ServiceRow(datasets.take_snapshot, PREPARERS, _snapshot),
    ServiceRow(datasets.publish_dataset, APPROVERS, lambda a: datasets.publish_dataset(a, _draft_dataset())),
    ServiceRow(datasets.content_hash, note="a pure function: the hash of a period's figures"),
    ServiceRow(datasets.compute, note="reads only: the figures of a period, written by take_snapshot"),
]


# --- reports: the annual and NPM reports (services/reports.py) ---
from ombuds.core.models import Authority  # noqa: E402
from ombuds.reports.services import reports  # noqa: E402
from ombuds.reports.tests.reporting import make_report  # noqa: E402


def _report(status: str = "draft"):
    return make_report(status=status)


ROWS += [
    ServiceRow(reports.create_report, PREPARERS, lambda a: reports.create_report(a, kind="npm", year=2025)),
    ServiceRow(reports.set_datasets, PREPARERS, lambda a: reports.set_datasets(a, r := _report(), dataset=r.dataset)),
    ServiceRow(
        reports.save_narrative,
        PREPARERS,
        lambda a: reports.save_narrative(a, _report(), "rights", text_az="Mətn", text_en="", text_ru=""),
    ),
    ServiceRow(
        reports.add_recipient,
        PREPARERS,
        lambda a: reports.add_recipient(a, _report(), authority=Authority.objects.get(code="pgo"), role="addressee"),
    ),
    ServiceRow(
        reports.remove_recipient, PREPARERS, lambda a: reports.remove_recipient(a, _report().recipients.first())
    ),
    ServiceRow(reports.approve_report, APPROVERS, lambda a: reports.approve_report(a, _report())),
    ServiceRow(reports.reopen_report, APPROVERS, lambda a: reports.reopen_report(a, _report("approved"), "Typo.")),
    ServiceRow(
        reports.submit_report,
        APPROVERS,
        lambda a: reports.submit_report(a, _report("approved"), submitted_on=date(2026, 2, 20)),
    ),
    ServiceRow(
        reports.present_report,
        APPROVERS,
        lambda a: reports.present_report(a, _report("submitted"), presented_on=date(2026, 3, 3)),
    ),
    ServiceRow(reports.publish_report, APPROVERS, lambda a: reports.publish_report(a, _report("presented"))),
    ServiceRow(reports.year_period, note="a pure function: the first and last day of a year"),
    ServiceRow(reports.default_titles, note="a pure function: the titles of a new report"),
]

# --- documents (services/generation.py) ---
from ombuds.reports.services import generation  # noqa: E402


def _start_generation(actor):
    from ombuds.reports.models import Report

    dataset = _draft_dataset()
    report = Report.objects.create(kind="annual", year=2025, dataset=dataset)
    return generation.start_generation(actor, report, language="en", output="pdf")


ROWS += [
    ServiceRow(generation.start_generation, PREPARERS, _start_generation),
    ServiceRow(generation.run_generation, note="the system's task: checks that whoever asked may still prepare"),
    ServiceRow(generation.active_generation, note="reads only: the running generation of a document, if any"),
    ServiceRow(generation.file_name, note="a pure function: the downloaded file's name"),
    ServiceRow(generation.is_stale, note="reads only: whether the report's dataset changed since"),
]

# --- entered figures (services/entered.py: A9, A12, A13, N10) ---
from ombuds.reports.services import entered  # noqa: E402


def _enter(actor):
    return entered.set_entered_figure(actor, year=2025, measure="pardons.petitions", value=3, source="Sərəncam")


ROWS += [
    ServiceRow(entered.set_entered_figure, PREPARERS, _enter),
    ServiceRow(entered.delete_entered_figure, PREPARERS, lambda a: entered.delete_entered_figure(a, _enter(None))),
]

"""Published statistics and reports for the portal's tests, written directly (a real snapshot
counts every measure: too slow for a matrix row run once per persona). The figures are chosen so
that a suppressed one is a number found nowhere else on the page."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from ombuds.core.uploads import store_bytes
from ombuds.reports.models import Dataset, Generation, Narrative, Report
from ombuds.reports.services.datasets import content_hash

LANGS = ("az", "en", "ru")


def labels(**by_key: str) -> dict[str, dict[str, str]]:
    """The same label in the three languages, marked with the language (`Post [en]`)."""
    return {key: {lang: f"{text} [{lang}]" for lang in LANGS} for key, text in by_key.items()}


def frozen(values: dict[str, int], *, additive: bool = True, unit: str = "appeal", total: int | None = None) -> dict:
    return {
        "unit": unit,
        "additive": additive,
        "values": values,
        "total": sum(values.values()) if total is None else total,
        "labels": labels(**{key: key.replace("_", " ").title() for key in values}),
    }


def cross(values: dict[str, int], rows: list[str], columns: list[str], unit: str = "visit") -> dict:
    return {
        "unit": unit,
        "additive": True,
        "values": values,
        "total": sum(values.values()),
        "labels": labels(**{key: key.title() for key in rows}),
        "columns": columns,
        "column_labels": labels(**{key: key.title() for key in columns}),
    }


# A cell of 3 (primary suppression) and 4817, the smallest other cell, hidden so that the 3 cannot
# be worked out from the total (secondary suppression); 7391 and the total 12211 are shown.
CHANNELS = {"post": 7391, "email": 4817, "social_media": 3}


def sample_measures(scale: int = 1) -> dict:
    return {
        "applications.total": frozen({"total": 12211 * scale}),
        "applications.by_channel": frozen({k: v * scale for k, v in CHANNELS.items()}),
        "applications.by_right": frozen({"property": 2287, "labour": 847}, additive=False, total=2900),
        "calls.total": frozen({"total": 9120}, unit="call"),
        "calls.by_quarter": frozen({"1": 2210, "2": 2267, "3": 2301, "4": 2342}, unit="call"),
        "visits.total": frozen({"total": 347}, unit="visit"),
        "visits.by_place_type_and_type": cross(
            {"prison|planned": 120, "prison|reactive": 2, "police|planned": 225},
            ["prison", "police"],
            ["planned", "reactive"],
        ),
        "recommendations.proposals": frozen({"total": 76}, unit="recommendation"),
    }


def make_dataset(year: int, measures: dict | None = None, *, status: str = "published", number: int = 1) -> Dataset:
    start, end = date(year, 1, 1), date(year, 12, 31)
    figures = measures if measures is not None else sample_measures()
    data = {
        "measures": figures,
        "entered": {"received.persons": {"Ganja": {"value": 2, "source": "Field reception log"}}},
        "lists": {"recommendations": []},
    }
    return Dataset.objects.create(
        period_start=start,
        period_end=end,
        number=number,
        snapshot_at=timezone.now(),
        content_hash=content_hash(start, end, data),
        data=data,
        status=status,
        published_at=timezone.now() if status == "published" else None,
    )


def make_report(year: int = 2023, *, kind: str = "annual", status: str = "published", dataset=None) -> Report:
    dataset = dataset or make_dataset(year, status="published" if status == "published" else "draft")
    now = timezone.now()
    report = Report.objects.create(
        kind=kind,
        year=year,
        dataset=dataset,
        status=status,
        title_az=f"Müvəkkilin {year}-cü il üzrə məruzəsi",
        title_en=f"The Commissioner's report for {year}",
        title_ru="",  # not translated: the page says so and shows the Azerbaijani title
        approved_at=now - timedelta(days=2) if status != "draft" else None,
        presented_on=date(year + 1, 3, 3) if status in ("presented", "published") else None,
        published_at=now if status == "published" else None,
    )
    Narrative.objects.create(
        report=report,
        chapter="rights",
        text_az="Müvəkkil il ərzində {{applications.total}} müraciət almışdır.\n\nİkinci abzas.",
        text_en="The Commissioner received {{applications.total}} appeals in the year.\n\nA second paragraph.",
    )
    return report


def make_pdf(report: Report, language: str = "en", *, finished_at=None) -> Generation:
    generation = Generation.objects.create(report=report, language=language, output="pdf")
    generation.file = store_bytes(
        None, generation, b"%PDF-1.7\n%%EOF\n", f"annual-report-{report.year}-{language}.pdf", "application/pdf"
    )
    generation.state = "done"
    generation.dataset_hash = report.dataset.content_hash
    generation.finished_at = finished_at or timezone.now()
    generation.save()
    return generation

"""A small annual report for the document tests: two years of appeals frozen in two datasets,
with a narrative in the three languages (Azerbaijani ə and Cyrillic included)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ombuds.accounts.testing import make_persona
from ombuds.complaints.testing import make_application
from ombuds.reports.models import Narrative, Report
from ombuds.reports.services.datasets import take_snapshot

BAKU = ZoneInfo("Asia/Baku")


def small_annual_report() -> Report:
    clerk = make_persona("commissioner")
    for day, channel in ((3, "post"), (4, "email"), (5, "post")):
        make_application(clerk, received_at=datetime(2025, 3, day, 10, tzinfo=BAKU), channel=channel)
    make_application(clerk, received_at=datetime(2024, 6, 1, 10, tzinfo=BAKU), channel="post")
    before = take_snapshot(None, period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    dataset = take_snapshot(None, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    report = Report.objects.create(
        kind="annual",
        year=2025,
        dataset=dataset,
        previous_dataset=before,
        title_az="İnsan hüquqları üzrə müvəkkilin 2025-ci il üzrə məruzəsi",
        title_en="Annual report of the Commissioner for Human Rights, 2025",
        title_ru="Ежегодный доклад Уполномоченного по правам человека за 2025 год",
    )
    Narrative.objects.create(
        report=report,
        chapter="rights",
        text_az="Müvəkkil ilboyu şikayətləri araşdırmışdır.\n\nİkinci abzas <b>qalın deyil</b>.",
        text_en="The Commissioner examined appeals all year.\n\nA second paragraph <b>not bold</b>.",
        text_ru="Уполномоченный рассматривал обращения весь год.\n\nВторой абзац <b>не жирный</b>.",
    )
    return report


def pdf_objects(content: bytes) -> bytes:
    """The PDF's objects with every Flate stream inflated (the catalogue and the outline may sit
    in compressed object streams), for asserting on /Lang, /Outlines and /StructTreeRoot without a
    PDF library."""
    import re
    import zlib

    out = [content]
    for match in re.finditer(rb"stream\r?\n", content):
        start = match.end()
        try:
            out.append(zlib.decompressobj().decompress(content[start : start + 5_000_000]))
        except zlib.error:
            continue
    return b"\n".join(out)


def pdf_string(text: str) -> list[bytes]:
    """The ways a PDF may spell a text string: literal, or UTF-16BE hex with its byte-order mark."""
    hexed = ("feff" + text.encode("utf-16-be").hex()).encode()
    return [f"({text})".encode(), b"<" + hexed + b">", b"<" + hexed.upper() + b">"]

"""Figures in the narrative are references to the tables (reports-and-portal.md 2.6): rendered
from the dataset the table is drawn from, never typed, never invented."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from ombuds.accounts.testing import make_persona
from ombuds.complaints.testing import make_application
from ombuds.reports import figures
from ombuds.reports.services import datasets, reports
from ombuds.reports.tables import render, spec
from ombuds.reports.templatetags.report_tables import grouped, signed

BAKU = ZoneInfo("Asia/Baku")
pytestmark = pytest.mark.django_db


def _applications(clerk, year, channels):
    for day, channel in enumerate(channels, start=1):
        make_application(clerk, received_at=datetime(year, 3, day, 10, tzinfo=BAKU), channel=channel)


def _snapshot(year):
    return datasets.take_snapshot(None, period_start=date(year, 1, 1), period_end=date(year, 12, 31))


@pytest.fixture
def years():
    clerk = make_persona("commissioner")
    _applications(clerk, 2024, ["post"])
    _applications(clerk, 2025, ["post", "post", "post", "email"])
    return _snapshot(2025), _snapshot(2024)


def test_references_are_parsed_with_their_category_and_suffix():
    refs = figures.references("A {{applications.total}} b {{ applications.by_channel:post|previous }}.")
    assert [(r.measure, r.category, r.suffix) for r in refs] == [
        ("applications.total", "", ""),
        ("applications.by_channel", "post", "previous"),
    ]


def test_check_names_every_unknown_measure_category_and_suffix(years):
    dataset, _previous = years
    text = "{{applications.total}} {{applications.nothing}} {{applications.by_channel:pigeon}} {{applications.total|x}}"
    problems = figures.check(text, dataset)
    assert len(problems) == 3
    assert "applications.nothing" in problems[0] and "pigeon" in problems[1] and "x" in problems[2]
    assert figures.check("{{applications.by_channel:post|percent}}", dataset) == []


def test_numbers_in_the_narrative_are_rendered_from_the_tables(years):
    """Reconciliation: a reference renders exactly what the table shows for that cell."""
    dataset, previous = years
    table = render(spec("A2"), dataset, previous, "en")
    post = next(row for row in table.blocks[0].rows if row.key == "post")
    text = (
        "{{applications.by_channel:post}} / {{applications.by_channel:post|previous}} / "
        "{{applications.by_channel:post|change}} / {{applications.by_channel:post|percent}} / {{applications.total}}"
    )
    html = figures.render(text, dataset, previous, "en")
    assert (post.value, post.previous, post.change, post.change_percent) == (3, 1, 2, 200.0)
    total = render(spec("A0"), dataset, previous, "en").blocks[0].total.value
    expected = f"{grouped(post.value)} / {grouped(post.previous)} / {signed(post.change)} / +200.0% / {grouped(total)}"
    assert html == f"<p>{_spans(expected)}</p>"


def _spans(expected: str) -> str:
    return " / ".join(f'<span class="figure">{part}</span>' for part in expected.split(" / "))


def test_a_new_dataset_version_changes_the_number_not_the_text(years):
    dataset, previous = years
    report = reports.create_report(None, kind="annual", year=2025, dataset=dataset, previous_dataset=previous)
    narrative = reports.save_narrative(
        None, report, "rights", text_az="Pochtla: {{applications.by_channel:post}}.", text_en="", text_ru=""
    )
    assert '<span class="figure">3</span>' in figures.render(narrative.text_az, report.dataset, previous, "az")
    make_application(None, received_at=datetime(2025, 6, 1, tzinfo=BAKU), channel="post")
    report = reports.set_datasets(None, report, dataset=_snapshot(2025), previous_dataset=previous)
    narrative.refresh_from_db()
    assert narrative.text_az == "Pochtla: {{applications.by_channel:post}}."
    assert '<span class="figure">4</span>' in figures.render(narrative.text_az, report.dataset, previous, "az")


def test_numbers_use_the_grouping_of_the_language(years, monkeypatch):
    dataset, previous = years
    dataset.data["measures"]["applications.total"]["total"] = 29411
    assert "29,411" in figures.render("{{applications.total}}", dataset, previous, "en")
    assert "29\xa0411" in figures.render("{{applications.total}}", dataset, previous, "az")
    assert "29\xa0411" in figures.render("{{applications.total}}", dataset, previous, "ru")


def test_an_unresolvable_reference_is_a_visible_marker_never_a_number(years):
    dataset, _previous = years
    html = figures.render("{{applications.nothing}} and {{applications.total|previous}}", dataset, None, "en")
    assert html.count('<mark class="figure-missing"') == 2
    assert "[applications.nothing]" in html and "[applications.total|previous]" in html
    assert 'figure">' not in html


def test_text_is_escaped_and_split_into_paragraphs(years):
    dataset, previous = years
    html = figures.render("<script>x</script> {{applications.total}}\nline two\n\nsecond", dataset, previous, "en")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<p>") == 2 and "<br>line two" in html


def test_saving_a_narrative_with_an_unknown_figure_is_refused_naming_it(years):
    dataset, previous = years
    report = reports.create_report(None, kind="annual", year=2025, dataset=dataset, previous_dataset=previous)
    with pytest.raises(ValidationError) as caught:
        reports.save_narrative(None, report, "rights", text_az="{{applications.by_wind}}", text_en="", text_ru="")
    assert "applications.by_wind" in str(caught.value.message_dict["text_az"])
    assert not report.narratives.exists()


def test_the_catalogue_lists_every_figure_of_the_report_with_its_reference(years):
    dataset, previous = years
    report = reports.create_report(None, kind="annual", year=2025, dataset=dataset, previous_dataset=previous)
    entries = figures.catalogue(report, "en")
    post = next(e for e in entries if e.reference == "{{applications.by_channel:post}}")
    assert (post.table, post.value, post.category) == ("A2", "3", "post")
    assert any(e.reference == "{{applications.total}}" and e.table == "A0" for e in entries)
    for entry in entries:  # every reference offered renders, and as the value shown
        rendered = figures.render(entry.reference, dataset, previous, "en")
        if entry.value == "–":  # a figure nobody entered for the year: a visible gap, never a 0
            assert 'class="figure-missing"' in rendered
        else:
            assert f'<span class="figure">{entry.value}</span>' in rendered
    assert any(entry.value == "–" for entry in entries)  # the entered figures of A12, none entered here

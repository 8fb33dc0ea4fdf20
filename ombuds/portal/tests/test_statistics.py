"""The published statistics: only published datasets, only their public form (small cells and
the cells that would give them away suppressed), charts followed by their tables, downloads with
a data dictionary, the year before beside each figure, cache headers."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from ombuds.portal.tests.statistics_fixtures import CHANNELS, make_dataset, sample_measures

pytestmark = pytest.mark.django_db
HIDDEN = ("4817", "4 817", "4,817", "4\xa0817")  # the secondary-suppressed cell, however grouped


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"portal:{name}", args=args)


def page(client, name, *args, language="en"):
    response = client.get(url(name, *args, language=language))
    assert response.status_code == 200, response.status_code
    return response, response.content.decode()


def test_index_lists_published_years_only_in_constant_queries(client, django_assert_max_num_queries):
    make_dataset(2022)
    make_dataset(2023)
    make_dataset(2023, number=2)
    make_dataset(2024, status="draft")
    with django_assert_max_num_queries(3):
        _response, html = page(client, "statistics")
    assert url("statistics_year", 2023) in html and url("statistics_year", 2022) in html
    assert url("statistics_year", 2024) not in html
    assert html.count(url("statistics_year", 2023)) == 1  # the latest version only


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_year_page_in_each_language(client, language):
    dataset = make_dataset(2023)
    response, html = page(client, "statistics_year", 2023, language=language)
    assert f'<html lang="{language}">' in html
    assert f"Post [{language}]" in html  # the categories in the page's language
    assert dataset.content_hash in html  # traceable: the dataset's fingerprint
    assert response["Cache-Control"].startswith("public, max-age=")


def test_a_small_cell_and_the_cell_that_would_give_it_away_never_appear(client):
    make_dataset(2023)
    _response, html = page(client, "statistics_year", 2023)
    assert not any(hidden in html for hidden in HIDDEN)
    assert "7,391" in html and "12,211" in html  # the shown cell and the total
    row = html[html.index("Social Media [en]") :][:120]
    assert "&lt;5" in row and ">3<" not in row
    email = html[html.index("Email [en]") :][:120]
    assert "suppressed" in email
    assert "could identify people" in html  # the explanation of the marks


def test_draft_and_unknown_years_are_404_and_never_shown(client):
    make_dataset(2024, status="draft")
    for name, args in (
        ("statistics_year", (2024,)),
        ("statistics_data", (2024, "csv")),
        ("statistics_dictionary", (2024, "json")),
        ("statistics_year", (1999,)),
        ("statistics_data", (2023, "xml")),
    ):
        assert client.get(url(name, *args)).status_code == 404


def test_a_signed_in_analyst_sees_no_draft_either(client, persona, staff_client):
    make_dataset(2023)
    make_dataset(
        2023,
        {
            **sample_measures(),
            "calls.total": {"unit": "call", "additive": True, "values": {"total": 55555}, "total": 55555, "labels": {}},
        },
        status="draft",
        number=2,
    )
    http = staff_client(persona("analyst"))
    html = http.get(url("statistics_year", 2023)).content.decode()
    assert "55,555" not in html and "9,120" in html


def test_the_year_before_stands_beside_each_figure(client):
    make_dataset(2022, sample_measures(scale=2))
    make_dataset(2023)
    _response, html = page(client, "statistics_year", 2023)
    assert '<th scope="col" class="text-end">2022</th>' in html
    assert "14,782" in html  # post, 2022
    assert "hatch" in html  # the year before is hatched in the charts, not only paler


def test_each_chart_has_a_title_a_text_alternative_and_is_followed_by_its_table(client):
    make_dataset(2023)
    _response, html = page(client, "statistics_year", 2023)
    chart = html.index('id="chart-applications-by-channel-t"')
    table = html.index('id="cap-applications-by-channel"')
    assert chart < table
    assert (
        'role="img"' in html
        and 'aria-labelledby="chart-applications-by-channel-t chart-applications-by-channel-d"' in html
    )
    assert "every figure is in the table that follows" in html
    assert html.count("<th scope=") > 10


def test_the_916_quarterly_figures_are_a_table_never_a_picture(client):
    make_dataset(2023)
    _response, html = page(client, "statistics_year", 2023)
    section = html[html.index('id="calls-by-quarter"') :]
    section = section[: section.index("</section>")]
    assert "<table" in section and "<svg" not in section and "<img" not in section
    assert "2,210" in section


def test_a_cross_table_shows_its_cells_and_hides_its_small_ones(client):
    make_dataset(2023)
    _response, html = page(client, "statistics_year", 2023)
    section = html[html.index('id="visits-by-place-type-and-type"') :]
    section = section[: section.index("</section>")]
    assert "Reactive [en]" in section and "&lt;5" in section
    assert ">2<" not in section and ">120<" not in section  # 120 would give the 2 back from the total


def test_downloads_hold_only_the_public_form_and_the_dictionary_covers_them(client):
    make_dataset(2023)
    response = client.get(url("statistics_data", 2023, "csv"))
    assert response["Cache-Control"].startswith("public")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    channel = {row["category"]: row for row in rows if row["measure"] == "applications.by_channel"}
    assert channel["social_media"]["value"] == "" and channel["social_media"]["suppressed"] == "<5"
    assert channel["email"]["value"] == "" and channel["email"]["suppressed"] == "*"
    assert channel["post"]["value"] == str(CHANNELS["post"])
    assert "4817" not in text
    data = json.loads(client.get(url("statistics_data", 2023, "json")).content)
    assert data["form"] == "public" and data["dataset"]["version"] == 1
    assert data["measures"]["applications.by_channel"]["values"]["social_media"] is None
    assert "4817" not in json.dumps(data) and "lists" not in data
    assert data["entered"]["received.persons"]["values"]["Ganja"] is None  # an entered 2 is hidden too
    dictionary = json.loads(client.get(url("statistics_dictionary", 2023, "json")).content)["measures"]
    described = {entry["measure"] for entry in dictionary}
    assert {row["measure"] for row in rows} <= described
    assert set(data["measures"]) | set(data["entered"]) <= described
    channel_entry = next(e for e in dictionary if e["measure"] == "applications.by_channel")
    assert channel_entry["title"] and channel_entry["definition"] and channel_entry["unit"] == "appeal"
    assert {"key": "post", "label": "Post [en]"} in channel_entry["categories"]


def test_the_dictionary_is_in_the_page_language(client):
    make_dataset(2023)
    response = client.get(url("statistics_dictionary", 2023, "csv", language="ru"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["measure"]: row for row in csv.DictReader(io.StringIO(text))}
    assert "Post [ru]" in rows["applications.by_channel"]["categories"]
    assert rows["applications.by_channel"]["unit_label"] == "обращений"


def test_year_page_queries_do_not_grow_with_the_figures(client, django_assert_max_num_queries):
    big = sample_measures()
    big["applications.by_district"] = {
        "unit": "appeal",
        "additive": True,
        "values": {f"d{i}": 100 + i for i in range(80)},
        "total": sum(100 + i for i in range(80)),
        "labels": {f"d{i}": {"en": f"District {i}"} for i in range(80)},
    }
    make_dataset(2022)
    make_dataset(2023, big)
    with django_assert_max_num_queries(4):
        _response, html = page(client, "statistics_year", 2023)
    assert "District 79" in html

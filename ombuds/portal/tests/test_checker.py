"""The public checker "Can the Ombudsman help?" through the Django test client, as a browser
without JavaScript uses it: every branch in az, en and ru, errors, and changing the answers."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from ombuds.portal.checker.advice import DESTINATIONS
from ombuds.portal.tests.matrix_checker import ANSWERS

pytestmark = pytest.mark.django_db
TODAY = date(2025, 10, 6)
LANGUAGES = ["az", "en", "ru"]


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel("2025-10-06 10:00 +04:00", tick=False):
        yield


def _url(language: str) -> str:
    with translation.override(language):
        return reverse("portal:checker")


def _result(html: str) -> str:
    """The result itself, without the base template's 916 block and navigation."""
    start = html.index('data-testid="checker-result"')
    return html[start : html.index("</main>")]


# answers -> (outcome, failing rules, where to go)
BRANCHES = {
    "apply": ({"when": "2025-03-15"}, "apply", [], []),
    "apply_no_date": ({}, "apply", [], []),
    "apply_anonymous_with_evidence": ({"anonymous": "yes", "evidence": "yes"}, "apply", [], []),
    "apply_court_delay": ({"respondent": "court", "court_delay": "yes", "court_pending": "yes"}, "apply", [], []),
    "apply_municipality": ({"respondent": "municipality"}, "apply", [], []),
    "apply_state_entity_in_detention": ({"respondent": "state_entity", "detention": "yes"}, "apply", [], []),
    "call": ({"urgent": "yes", "detention": "yes"}, "call", [], []),
    "call_even_if_outside": ({"urgent": "yes", "respondent": "private"}, "call", ["mandate"], ["police", "court"]),
    "refer_anonymous": ({"anonymous": "yes", "evidence": "no"}, "refer", ["identity"], ["with_name"]),
    "refer_time_barred": ({"when": "2024-06-01"}, "refer", ["time_limit"], ["court"]),
    "refer_private": ({"respondent": "private"}, "refer", ["mandate"], ["police", "court"]),
    "refer_judge": ({"respondent": "court"}, "refer", ["mandate"], ["higher_court"]),
    "refer_president_or_mp": ({"respondent": "president_or_mp"}, "refer", ["mandate"], ["the_body"]),
    "refer_nakhchivan": ({"respondent": "nakhchivan"}, "refer", ["mandate"], ["nakhchivan"]),
    "refer_court_pending": ({"court_pending": "yes"}, "refer", ["court"], ["pending_court"]),
    "refer_several": (
        {"respondent": "court", "court_pending": "yes", "when": "2023-01-01"},
        "refer",
        ["time_limit", "mandate", "court"],
        ["court", "higher_court", "pending_court"],
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("branch", BRANCHES)
def test_each_branch_in_each_language(client, language, branch):
    answers, outcome, codes, destinations = BRANCHES[branch]
    response = client.post(_url(language), {**ANSWERS, **answers})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    result = _result(html)
    assert f'data-outcome="{outcome}"' in result
    assert [f.code for f in response.context["advice"].findings] == codes
    assert result.count('class="checker-finding') == len(codes)
    with translation.override(language):
        titles = [str(escape(DESTINATIONS[key].title)) for key in destinations]
        apply_url, how_url = reverse("portal:apply"), reverse("portal:page", args=["how-to-apply"])
    for title in titles:
        assert title in result
    # Whatever the outcome, nobody is turned away: they may still apply or call 916.
    assert f'href="{apply_url}"' in result and f'href="{how_url}"' in result
    assert 'href="tel:916"' in result and 'href="tel:012916"' in result
    if language != "en":  # the result is written in the page's language, not left in English
        with translation.override("en"):
            english = [str(escape(DESTINATIONS[key].title)) for key in destinations]
        assert not any(title in result for title in english)
        assert "Not sure?" not in result and "Your answers" not in result


def test_urgent_says_call_916_with_both_dial_forms_first(client):
    result = _result(client.post(_url("en"), {**ANSWERS, "urgent": "yes"}).content.decode())
    assert "<h1" in result and "Call 916 now" in result[: result.index("</h1>")]
    call = result[result.index('class="checker-call') : result.index("</div>", result.index('class="checker-call'))]
    assert 'href="tel:916"' in call and 'href="tel:012916"' in call


def test_the_apply_result_gives_the_last_day_and_both_ways_to_apply(client):
    response = client.post(_url("en"), {**ANSWERS, "when": "2025-03-15"})
    advice = response.context["advice"]
    assert advice.until is not None and advice.until >= date(2026, 3, 15)
    result = _result(response.content.decode())
    assert "Apply online" in result and "Other ways to apply" in result
    # The reasons, in plain words: a public body, no court seized, the last day to apply.
    assert "It is about a public body" in result and "No court is examining the same matter." in result
    assert "Apply by " in result


def test_the_form_works_without_javascript(client):
    page = client.get(_url("en"))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'method="post"' in html and 'name="csrfmiddlewaretoken"' in html
    assert "<script" not in html.split("<main", 1)[1]
    assert "public" not in page.get("Cache-Control", "")  # the page carries a CSRF token
    # Every question is a labelled group; the date has its label.
    for name in ("respondent", "court_delay", "court_pending", "anonymous", "evidence", "detention", "urgent"):
        assert f'id="id_{name}_0"' in html and f'for="id_{name}_0"' in html
    assert 'for="id_when"' in html


def test_the_form_enforces_csrf_like_a_browser_would(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(_url("en"), ANSWERS).status_code == 403
    page = strict.get(_url("en"))
    token = page.cookies["csrftoken"].value
    assert strict.post(_url("en"), {**ANSWERS, "csrfmiddlewaretoken": token}).status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_answers_are_listed_and_shown_next_to_each_question(client, language):
    response = client.post(_url(language), {"respondent": "state", "anonymous": "yes"})
    assert response.status_code == 200
    html = response.content.decode()
    form = response.context["form"]
    missing = {"court_delay", "court_pending", "detention", "urgent", "evidence"}
    assert set(form.errors) == missing
    summary = html[html.index('data-testid="error-summary"') : html.index("</ul>", html.index("error-summary"))]
    for name in missing:
        assert f'href="#id_{name}_0"' in summary
        assert f'id="id_{name}_error"' in html
        assert re.search(f'aria-describedby="[^"]*id_{name}_error"', html)
    assert "autofocus" in html[html.index("<main") : html.index('data-testid="error-summary"') + 200]
    # Nothing given is lost: the answered questions stay checked.
    assert 'value="state" checked' in html and 'id="id_anonymous_0" value="yes" checked' in html
    if language != "en":
        assert "Answer yes or no." not in html


@pytest.mark.parametrize("when", [(TODAY + timedelta(days=1)).isoformat(), "2025-02-30", "soon", "1.1"])
def test_a_future_or_impossible_date_is_an_error_not_a_crash(client, when):
    response = client.post(_url("ru"), {**ANSWERS, "when": when})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"when"}
    html = response.content.decode()
    assert 'href="#id_when"' in html and 'aria-describedby="id_when_hint id_when_error"' in html
    assert f'value="{when}"' in html  # what was typed is shown again


def test_a_date_typed_the_local_way_is_understood(client):
    response = client.post(_url("az"), {**ANSWERS, "when": "15.03.2025"})
    assert response.context["advice"].outcome == "apply"


@pytest.mark.parametrize(
    "data",
    [
        {"respondent": "someone", "court_delay": "maybe"},
        {**ANSWERS, "urgent": ["yes", "no"], "when": "9" * 60},
        {"change": "1", "respondent": "<script>"},
        {},
    ],
    ids=["unknown-choices", "oversized", "change-with-junk", "empty"],
)
def test_nonsense_never_gives_a_server_error(client, data):
    response = client.post(_url("en"), data)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_changing_the_answers_brings_the_form_back_filled_in(client):
    answers = {**ANSWERS, "respondent": "private", "when": "2025-03-15", "anonymous": "yes", "evidence": "yes"}
    result = client.post(_url("en"), answers).content.decode()
    # The result carries the answers in hidden fields, so nothing depends on the Back button or a cookie.
    for name, value in answers.items():
        assert f'type="hidden" name="{name}" value="{value}"' in result
    back = client.post(_url("en"), {**answers, "change": "1"})
    html = back.content.decode()
    assert back.status_code == 200 and not back.context["form"].is_bound
    assert 'value="private" checked' in html and 'value="2025-03-15"' in html
    assert 'id="id_evidence_0" value="yes" checked' in html
    assert 'data-testid="error-summary"' not in html


def test_other_methods_are_refused(client):
    assert client.put(_url("en")).status_code == 405

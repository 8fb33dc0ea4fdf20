"""Register search on PostgreSQL gives the same rows whichever way it reads them: walking the date
index (a common word) or reading the index matches first (a rare or absent word), equal to a naive
reading of every row the user may see."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.complaints import listing
from ombuds.complaints.models import Application
from ombuds.complaints.testing import make_application
from ombuds.core.names import normalise_name_tokens

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's"),
]

COMMON, RARE, ABSENT = "pensiya", "kirayə", "xylofon"
PEOPLE = [("Məmmədov", "Elçin"), ("Həsənov", "Rauf"), ("Kirayəli", "Anar")]


def _register(boss):
    for i in range(12):
        surname, given_name = PEOPLE[i % 3]
        words = [COMMON] * (i % 2 == 0) + [RARE] * (i % 5 == 0)
        west = i % 3 != 1
        make_application(
            boss,
            summary=" ".join(["şikayət", *words, f"{i}"]),
            applicant={"surname": surname, "given_name": given_name},
            unit="rc_west" if west else "dept_complaints",
            district="ganja" if west else "baku",
            sensitivity="highly_sensitive" if i % 4 == 3 else "normal",
        )


def _naive(user, text):
    """Every row the user may see, read one by one: the summary outside the secret tier by word,
    the names (and a secret-tier summary) by every folded word of the query."""
    wanted = set(normalise_name_tokens(text))
    found = []
    for app in Application.objects.visible_to(user).order_by("-received_at", "-pk"):
        names = [app.applicant, *app.victims.all()]
        known = {w for p in names if p for w in normalise_name_tokens(f"{p.surname} {p.given_name}")}
        if app.is_secret:
            known |= set(normalise_name_tokens(app.summary))
        if (not app.is_secret and text.lower() in app.summary.lower().split()) or (wanted and wanted <= known):
            found.append(app.pk)
    return found


@pytest.mark.parametrize("rare_matches", [-1, 10**9], ids=["walking_dates", "matches_first"])
@pytest.mark.parametrize("text", [COMMON, RARE, ABSENT, "Mammadov"])
@pytest.mark.parametrize("who", ["regional_officer", "commissioner"])
def test_both_plans_give_the_rows_of_a_naive_reading(persona, monkeypatch, rare_matches, text, who):
    _register(persona("commissioner"))
    monkeypatch.setattr(listing, "RARE_MATCHES", rare_matches)
    user = persona(who)
    qs = listing.search(Application.objects.visible_to(user), text).order_by(*listing.SORTS["newest"])
    assert [app.pk for app in qs] == _naive(user, text)
    assert text == ABSENT or _naive(user, text)  # the cases are not vacuous


@pytest.mark.parametrize("rare_matches", [-1, 10**9], ids=["walking_dates", "matches_first"])
@pytest.mark.parametrize("who", ["regional_officer", "commissioner"])
def test_a_search_page_costs_the_same_few_queries_either_way_at_any_size(
    persona, staff_client, monkeypatch, rare_matches, who
):
    """The register page searching a word: ≤ 12 queries, constant in the number of matches, whether
    the planner's estimate sends it walking the date index (a common word) or reading the index
    matches first (a rare one). The first page of a session settles the session and builds the
    reference lists: the pages counted are the ones after it."""
    boss = persona("commissioner")
    monkeypatch.setattr(listing, "RARE_MATCHES", rare_matches)
    client = staff_client(persona(who))
    url = reverse("complaints:list") + "?" + urlencode({"q": COMMON})
    _register(boss)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(2 * listing.PAGE_SIZE):
        make_application(boss, summary=f"{COMMON} {i}", unit="rc_west", district="ganja")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert len(few.captured_queries) == len(many.captured_queries) <= 12, [q["sql"] for q in many.captured_queries]
    assert page.count('href="/complaints/') >= listing.PAGE_SIZE
    driven = any("= ANY(" in q["sql"] for q in many.captured_queries)
    assert driven == (rare_matches > 0), "the page took the path the estimate asked for"

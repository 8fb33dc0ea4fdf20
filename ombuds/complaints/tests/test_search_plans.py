"""Register search on PostgreSQL gives the same rows whichever way it reads them: walking the date
index (a common word) or reading the index matches first (a rare or absent word), equal to a naive
reading of every row the user may see."""

import pytest
from django.db import connection

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

"""Every URL pattern × every role persona (and the anonymous visitor) → the expected status."""

import pytest

from ombuds.accounts.testing import PERSONAS
from ombuds.core.testing import ANONYMOUS, app_rows, iter_url_patterns, row_matches

ROWS = app_rows("matrix")
CHECKED = [row for row in ROWS if row.url is not None]


def test_every_url_pattern_has_a_row():
    uncovered = [
        p.name or p.route
        for p in iter_url_patterns()
        if not p.route.startswith("static/") and not any(row_matches(row, p) for row in ROWS)
    ]
    assert uncovered == [], f"URL patterns without a permission-matrix row: {uncovered}"


def test_rows_with_a_prefix_only_say_where_they_are_tested():
    assert all(row.note for row in ROWS if row.url is None)


@pytest.mark.django_db
@pytest.mark.parametrize("row", CHECKED, ids=lambda r: r.pattern)
@pytest.mark.parametrize("who", [ANONYMOUS, *sorted(PERSONAS)])
def test_matrix(row, who, persona, staff_client, client):
    user = None if who == ANONYMOUS else persona(who)
    http = client if user is None else staff_client(user)
    url = row.url(user)
    if url.startswith("/api/") and row.data is not None:
        response = getattr(http, row.method)(url, row.data, content_type="application/json")
    else:
        response = getattr(http, row.method)(url, row.data or {})
    assert response.status_code == row.status_for(who), f"{row.pattern} as {who}"

"""Every URL pattern × every role persona (and the anonymous visitor) → the expected status."""

import pytest

from ombuds.accounts.middleware import focal_point_may_reach
from ombuds.accounts.testing import ALL_PERSONAS, FOCAL_POINT
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


def expected_status(row, who: str, url: str) -> int:
    """A focal point is never staff: outside the paths it may reach, every URL is 404 to it,
    whatever the row says of staff (accounts.middleware.FocalPointConfinementMiddleware)."""
    if who == FOCAL_POINT and who not in row.expected and not focal_point_may_reach(url):
        return 404
    return row.status_for(who)


@pytest.mark.django_db
@pytest.mark.parametrize("row", CHECKED, ids=lambda r: r.pattern)
@pytest.mark.parametrize("who", [ANONYMOUS, *ALL_PERSONAS])
def test_matrix(row, who, persona, staff_client, client):
    user = None if who == ANONYMOUS else persona(who)
    http = client if user is None else staff_client(user)
    url = row.url(user)
    if url.startswith("/api/") and row.data is not None:
        response = getattr(http, row.method)(url, row.data, content_type="application/json")
    else:
        response = getattr(http, row.method)(url, row.data or {})
    assert response.status_code == expected_status(row, who, url), f"{row.pattern} as {who}"

"""Anonymised statistics: counts below 5 hidden, and nothing hidden can be worked out from a total."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ombuds.complaints.choices import Channel
from ombuds.complaints.testing import make_application
from ombuds.reports.statistics import Cell, Table, application_statistics, protect


def _shown(counts, additive=True):
    table = protect(Table("t", "t", [Cell(str(i), n) for i, n in enumerate(counts)], additive=additive))
    return [cell.shown for cell in table.cells], table.total_shown


@pytest.mark.parametrize(
    ("counts", "cells", "total"),
    [
        ([0, 12, 30], ["0", "12", "30"], "42"),
        # One small cell: total − shown would give it back, so the next smallest is hidden too.
        ([3, 50, 60], ["<5", "*", "60"], "113"),
        # Two small cells adding up to 2 can only be 1 and 1; to 8 only 4 and 4.
        ([1, 1, 50], ["<5", "<5", "*"], "52"),
        ([4, 4, 100], ["<5", "<5", "*"], "108"),
        # 2 + 3 = 5 could be 1 + 4, 2 + 3, …: safe as it is.
        ([2, 3, 100], ["<5", "<5", "100"], "105"),
        # Nothing left to hide: the total goes.
        ([3, 0], ["<5", "0"], "*"),
    ],
)
def test_small_cells_and_what_would_reveal_them_are_hidden(counts, cells, total):
    assert _shown(counts) == (cells, total)


def test_overlapping_counts_hide_only_the_small_cells():
    cells, _total = _shown([3, 50, 60], additive=False)
    assert cells == ["<5", "50", "60"]


@pytest.mark.django_db
def test_the_statistics_page_counts_by_channel_region_right_outcome_month(persona, staff_client):
    officer = persona("complaints_officer")
    for _ in range(6):
        make_application(officer)
    for _ in range(2):
        make_application(officer, channel=Channel.ONLINE)
    year = timezone.localdate().year
    tables = {t.key: t for t in application_statistics(year)}
    channel = {cell.label: cell.shown for cell in tables["channel"].cells}
    assert channel[str(Channel.ONLINE.label)] == "<5"
    assert channel[str(Channel.POST.label)] == "*"  # 8 − 2 would otherwise be 6 and give the 2 away
    assert tables["channel"].total_shown == "8"
    assert {c.shown for c in tables["region"].cells} == {"0", "8"}
    assert sum(c.count for c in tables["month"].cells) == 8
    assert [c.shown for c in tables["right"].cells if c.count] == ["8"]
    assert all(c.count == 0 for c in tables["outcome"].cells)

    response = staff_client(persona("analyst")).get(reverse("reports:statistics"), {"year": year})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="stats-channel"' in body and "&lt;5" in body


@pytest.mark.django_db
def test_a_bad_year_falls_back_to_this_year(persona, staff_client):
    response = staff_client(persona("analyst")).get(reverse("reports:statistics"), {"year": "99999999999999999999"})
    assert response.status_code == 200
    assert str(timezone.localdate().year) in response.content.decode()

"""Keyset pagination: every row once, in order, forward and back, whatever the ties and NULLs."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.api import router
from ombuds.accounts.models import OrgUnit, User
from ombuds.core.keyset import InvalidCursor, Keyset
from ombuds.core.models import District
from tests.fixtures_app.models import Dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossiers():
    unit, district = OrgUnit.objects.first(), District.objects.first()
    people = [User.objects.create(username=f"keyset{i}") for i in range(3)]
    rows = []
    for i in range(17):
        assignee = None if i % 4 == 0 else people[i % 3]
        rows.append(Dossier.objects.create(title=f"t{i % 5}", unit=unit, district=district, assignee=assignee))
    return rows


def _expected(rows, ordering):
    """The order the keyset promises: NULL is the largest value."""
    result = list(rows)
    for name in reversed(ordering):
        attname = {"assignee": "assignee_id", "-assignee": "assignee_id"}.get(name, name.lstrip("-"))
        result.sort(
            key=lambda row, a=attname: (
                (getattr(row, a) is None, getattr(row, a) or 0) if a == "assignee_id" else getattr(row, a)
            ),
            reverse=name.startswith("-"),
        )
    return [row.pk for row in result]


def _walk(keyset, size, backward_from=None):
    pages, token = [], backward_from
    while True:
        page = keyset.page(Dossier.objects.all(), token, size=size)
        pages.append(page)
        token = page.previous_cursor if backward_from else page.next_cursor
        if token is None:
            return pages


@pytest.mark.parametrize(
    "ordering",
    [
        ("title", "pk"),
        ("-title", "-pk"),
        ("title", "-assignee", "pk"),
        ("-assignee", "title", "-pk"),
        ("assignee", "pk"),
    ],
)
@pytest.mark.parametrize("size", [1, 3, 17, 50])
def test_pages_cover_every_row_once_in_order(dossiers, ordering, size):
    keyset = Keyset(Dossier, ordering)
    expected = _expected(dossiers, ordering)
    forward = _walk(keyset, size)
    assert [row.pk for page in forward for row in page.rows] == expected
    assert [page.number for page in forward] == list(range(1, len(forward) + 1))
    assert not forward[0].has_previous and not forward[-1].has_next
    if len(forward) > 1:
        back = _walk(keyset, size, backward_from=forward[-1].previous_cursor)
        assert [page.number for page in back] == list(range(len(forward) - 1, 0, -1))
        assert [[row.pk for row in page.rows] for page in back] == [
            [row.pk for row in page.rows] for page in reversed(forward[:-1])
        ]


def test_a_page_is_one_query_wherever_it_is(dossiers):
    keyset = Keyset(Dossier, ("title", "pk"))
    page = keyset.page(Dossier.objects.all(), None, size=2)
    for _ in range(4):
        with CaptureQueriesContext(connection) as queries:
            page = keyset.page(Dossier.objects.all(), page.next_cursor, size=2)
        assert len(queries) == 1
        assert "OFFSET" not in queries[0]["sql"].upper()


def test_going_back_past_rows_removed_since_shows_the_first_page(dossiers):
    keyset = Keyset(Dossier, ("title", "pk"))
    second = keyset.page(Dossier.objects.all(), keyset.page(Dossier.objects.all(), None, size=5).next_cursor, size=5)
    Dossier.objects.filter(pk__in=[row.pk for row in Dossier.objects.order_by("title", "pk")[:3]]).delete()
    back = keyset.page(Dossier.objects.all(), second.previous_cursor, size=5)
    assert back.number == 1 and not back.has_previous and len(back.rows) == 5


def test_foreign_and_edited_cursors_are_refused(dossiers):
    by_title = Keyset(Dossier, ("title", "pk"))
    token = by_title.page(Dossier.objects.all(), None, size=2).next_cursor
    with pytest.raises(InvalidCursor):
        Keyset(Dossier, ("-title", "-pk")).read(token)
    with pytest.raises(InvalidCursor):
        by_title.read(token[:-2] + "xx")
    with pytest.raises(InvalidCursor):
        by_title.read("not-a-cursor")


def test_an_ordering_must_be_total_and_local():
    with pytest.raises(ImproperlyConfigured):
        Keyset(Dossier, ("title",))
    with pytest.raises(ImproperlyConfigured):
        Keyset(Dossier, ("unit__code", "pk"))


def test_every_api_list_declares_a_total_ordering():
    for _prefix, viewset, _basename in router.registry:
        if not hasattr(viewset, "list"):
            continue
        ordering = getattr(viewset, "ordering", None)
        assert ordering and ordering[-1].lstrip("-") in ("pk", "id"), viewset.__name__
        model = viewset.serializer_class.Meta.model
        Keyset(model, ordering)  # fields exist and are columns of the model's table

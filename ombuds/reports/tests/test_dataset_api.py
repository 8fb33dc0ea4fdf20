"""The datasets API: published datasets are open data in their public form; staff who see
aggregates get the drafts too, with raw figures unless they ask for the public form."""

import pytest
from rest_framework.test import APIClient

from ombuds.reports.tests.matrix_datasets import make_dataset

pytestmark = pytest.mark.django_db

SMALL_CELLS = {
    "applications.by_channel": {
        "unit": "appeal",
        "additive": True,
        "values": {"post": 3, "email": 20, "walk_in": 7},
        "total": 30,
        "labels": {"post": {"en": "Post"}, "email": {"en": "E-mail"}, "walk_in": {"en": "In person"}},
    }
}


def _client(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_anonymous_callers_read_published_datasets_in_public_form():
    published = make_dataset(1, status="published", measures=SMALL_CELLS)
    draft = make_dataset(2, status="draft", measures=SMALL_CELLS)
    client = _client()
    listed = client.get("/api/v1/datasets/")
    assert listed.status_code == 200
    assert [row["public_id"] for row in listed.json()["results"]] == [str(published.public_id)]
    assert client.get(f"/api/v1/datasets/{draft.public_id}/").status_code == 404
    body = client.get(f"/api/v1/datasets/{published.public_id}/").json()
    assert body["content_hash"] == published.content_hash and body["version"] == 1
    figures = body["figures"]
    assert figures["form"] == "public"
    channel = figures["measures"]["applications.by_channel"]
    assert channel["values"] == {"post": None, "email": 20, "walk_in": None}
    assert channel["suppressed"] == {"post": "<5", "walk_in": "*"}
    assert channel["total"] == 30
    # Asking for the raw form changes nothing for the public.
    assert client.get(f"/api/v1/datasets/{published.public_id}/?public=false").json()["figures"]["form"] == "public"


def test_staff_without_aggregates_see_what_the_public_sees(persona):
    make_dataset(1, status="published")
    draft = make_dataset(2)
    client = _client(persona("complaints_officer"))
    assert len(client.get("/api/v1/datasets/").json()["results"]) == 1
    assert client.get(f"/api/v1/datasets/{draft.public_id}/").status_code == 404


def test_analysts_get_drafts_and_raw_figures_or_the_public_form_on_request(persona):
    draft = make_dataset(1, measures=SMALL_CELLS)
    client = _client(persona("analyst"))
    assert [row["status"] for row in client.get("/api/v1/datasets/").json()["results"]] == ["draft"]
    raw = client.get(f"/api/v1/datasets/{draft.public_id}/").json()["figures"]
    assert raw["form"] == "raw"
    assert raw["measures"]["applications.by_channel"]["values"] == {"post": 3, "email": 20, "walk_in": 7}
    public = client.get(f"/api/v1/datasets/{draft.public_id}/", {"public": "true"}).json()["figures"]
    assert public["form"] == "public"
    assert public["measures"]["applications.by_channel"]["values"]["post"] is None


def test_the_list_filters_by_year_and_is_read_only(persona):
    make_dataset(1, year=2024, status="published")
    this = make_dataset(1, year=2025, status="published")
    client = _client(persona("analyst"))
    found = client.get("/api/v1/datasets/", {"year": 2025}).json()["results"]
    assert [row["public_id"] for row in found] == [str(this.public_id)]
    assert "figures" not in found[0]  # the list stays light: the figures are on the detail
    assert client.post("/api/v1/datasets/", {}, format="json").status_code == 405
    assert client.delete(f"/api/v1/datasets/{this.public_id}/").status_code == 405


def test_the_list_costs_the_same_queries_for_more_datasets(django_assert_max_num_queries):
    for number in range(1, 3):
        make_dataset(number, status="published")
    client = _client()
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v1/datasets/").json()["results"]) == 2
    for number in range(3, 9):
        make_dataset(number, status="published")
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v1/datasets/").json()["results"]) == 8

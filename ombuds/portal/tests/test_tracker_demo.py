"""The demo's public tracker shows something: published recommendations in several statuses, with
the authorities' responses; seeding again publishes nothing more."""

import io

import pytest
from django.urls import reverse
from django.utils import translation

from ombuds.recommendations import demo
from ombuds.recommendations.models import AuthorityResponse
from ombuds.reports.measures.recommendations import status_bucket, tracker_rows

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_recommendations_in_several_statuses(client):
    from ombuds.accounts import demo as accounts_demo
    from ombuds.complaints import demo as complaints_demo
    from ombuds.monitoring import demo as monitoring_demo

    accounts_demo.seed(io.StringIO())
    complaints_demo.seed(io.StringIO(), count=5)
    monitoring_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    rows = list(tracker_rows())
    buckets = {status_bucket(rec.status) for rec in rows}
    assert {"implemented", "partial", "not_implemented", "cannot_assess", "open"} <= buckets
    assert AuthorityResponse.objects.filter(recommendation__in=rows).count() >= len(rows) - 1
    before = len(rows)
    demo.seed(io.StringIO())
    assert tracker_rows().count() == before

    answered = next(rec for rec in rows if rec.responses.exists())
    with translation.override("ru"):
        page = client.get(reverse("portal:tracker_detail", args=[answered.public_id])).content.decode()
    assert "Ответ, полученный" in page and answered.responses.first().text[:30] in page

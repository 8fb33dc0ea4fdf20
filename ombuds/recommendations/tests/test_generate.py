"""The bulk generator's recommendations keep the rules the services keep (generate_data)."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F, Max
from django.test.utils import CaptureQueriesContext

from ombuds.recommendations import choices as c
from ombuds.recommendations.models import AuthorityResponse, Recommendation, RecommendationCounter, StatusChange

pytestmark = pytest.mark.django_db


def test_generate_data_makes_recommendations_with_their_history_and_analyzes():
    err = io.StringIO()
    with CaptureQueriesContext(connection) as queries:
        call_command(
            "generate_data",
            applications=0,
            places=20,
            visits=60,
            recommendations=600,
            batch=150,
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "600/600 recommendations" in err.getvalue()
    assert queries.captured_queries[-1]["sql"].strip().upper() == "ANALYZE"
    recs = Recommendation.objects.all()
    assert recs.count() == 600
    statuses = Counter(recs.values_list("status", flat=True))
    assert set(statuses) >= set(c.Status.values) - {c.Status.ISSUED, c.Status.DRAFT}
    assert len(set(recs.values_list("addressee", flat=True))) > 10
    assert len(set(recs.values_list("year", flat=True))) > 10
    assert recs.filter(source="visit", places__isnull=False).exists()
    # Numbers per year in order of issue; the counter is past them.
    for year, last in RecommendationCounter.objects.values_list("year", "last"):
        assert recs.filter(year=year).aggregate(m=Max("sequence"))["m"] == last
    issued = list(recs.exclude(issued_on=None).order_by("year", "sequence").values_list("year", "issued_on"))
    assert issued == sorted(issued)
    # Every issued one starts its history on its day of issue and ends on its status and its date.
    lines = {}
    for rec_id, old, new, on, evidence in StatusChange.objects.order_by("happened_on", "pk").values_list(
        "recommendation", "old_status", "new_status", "happened_on", "evidence"
    ):
        lines.setdefault(rec_id, []).append((old, new, on, evidence))
    for rec in recs.exclude(status="draft"):
        chain = lines[rec.pk]
        assert chain[0][:3] == ("draft", "issued", rec.issued_on)
        assert chain[-1][1] == rec.status and chain[-1][2] == rec.status_changed_on
        assert all(
            b[0] == a[1] and b[2] >= a[2] and b[1] in c.TRANSITIONS[a[1]]
            for a, b in zip(chain, chain[1:], strict=False)
        )
        if rec.status == "implemented":
            assert chain[-1][3] in c.VERIFICATION_SOURCES
        if rec.status in ("accepted", "rejected", "reported_implemented"):
            assert chain[-1][3] == "authority_response"
    assert not recs.filter(status="draft", history__isnull=False).exists()
    assert not StatusChange.objects.filter(evidence="authority_response", response=None).exists()
    assert AuthorityResponse.objects.exclude(received_on__gte=F("recommendation__issued_on")).count() == 0
    assert not recs.filter(due_date__lte=F("issued_on")).exists()
    repeats = recs.exclude(repeats=None)
    assert repeats.exists()
    assert not repeats.exclude(repeats__status__in=c.REPEATABLE).exists()
    assert not repeats.filter(repeats__issued_on__gt=F("issued_on")).exists()

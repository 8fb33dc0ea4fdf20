"""The bulk generator's places and visits: consistent with the rules the services keep, then ANALYZE."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from ombuds.complaints.models import Application
from ombuds.monitoring.models import Place, Visit

pytestmark = pytest.mark.django_db


def test_generate_data_makes_places_and_visits_and_analyzes():
    before = Place.objects.count()
    err = io.StringIO()
    with CaptureQueriesContext(connection) as queries:
        call_command("generate_data", applications=0, places=30, visits=90, batch=40, stdout=io.StringIO(), stderr=err)
    assert "30/30 places" in err.getvalue() and "90/90 visits" in err.getvalue()
    assert Application.objects.count() == 0
    assert Place.objects.count() == before + 30 and Visit.objects.count() == 90
    assert not Place.objects.exclude(region=F("district__region")).exists()
    assert not Visit.objects.exclude(region=F("place__region")).exists()
    # Unannounced visits stay secret until the team arrives, as the services keep them.
    assert not Visit.objects.filter(is_secret=True, arrival_at__isnull=False).exists()
    assert not Visit.objects.filter(is_secret=True, announced=True).exists()
    assert Visit.objects.filter(status="closed", arrival_at__isnull=False).exists()
    assert queries.captured_queries[-1]["sql"].strip().upper() == "ANALYZE"


def test_places_and_visits_follow_the_register_by_default():
    call_command("generate_data", applications=100, batch=50, stdout=io.StringIO(), stderr=io.StringIO())
    assert Application.objects.count() == 100
    assert Visit.objects.count() == 20 and Place.objects.filter(source="generate_data").count() == 5


def test_nothing_to_generate_is_refused():
    with pytest.raises(CommandError):
        call_command("generate_data", applications=0, places=0, visits=0)
    with pytest.raises(CommandError):
        call_command("generate_data", applications=-1)

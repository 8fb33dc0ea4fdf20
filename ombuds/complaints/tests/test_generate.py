"""The bulk generator: realistic, consistent with the services (numbers continue), fast paths only."""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from ombuds.complaints.models import Application
from ombuds.complaints.testing import make_application

pytestmark = pytest.mark.django_db


def test_generate_data_writes_a_consistent_register(persona):
    err = io.StringIO()
    call_command("generate_data", applications=400, batch=150, stdout=io.StringIO(), stderr=err)
    assert "400/400" in err.getvalue()
    apps = Application.objects.all()
    assert apps.count() == 400
    assert apps.values("number").distinct().count() == 400
    statuses = Counter(apps.values_list("status", flat=True))
    assert statuses["closed"] > statuses["registered"] > 0
    assert apps.filter(region_id__isnull=True).count() == 0
    assert all(a.region_id == a.district.region_id for a in apps.select_related("district")[:50])
    # The services continue the numbering where the generator stopped.
    officer = persona("complaints_officer")
    new = make_application(officer)
    assert not Application.objects.exclude(pk=new.pk).filter(number=new.number).exists()


def test_generate_data_refuses_nonsense():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("generate_data", applications=0)

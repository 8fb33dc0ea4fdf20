"""Lists built from reference data: built once per language and version, rebuilt after a change."""

import pytest
from django.core.cache import cache
from django.utils import translation

from ombuds.accounts.models import OrgUnit
from ombuds.core import refcache
from ombuds.core.models import District

pytestmark = pytest.mark.django_db


def test_built_once_per_language_until_reference_data_changes():
    calls = []

    def build():
        calls.append(translation.get_language())
        return len(calls)

    with translation.override("az"):
        assert refcache.cached("test", build) == refcache.cached("test", build) == 1
    with translation.override("ru"):
        assert refcache.cached("test", build) == 2
    district = District.objects.first()
    district.name_en = "Renamed"
    district.save()  # any reference row, on any server: the shared token changes
    with translation.override("az"):
        assert refcache.cached("test", build) == 3
    token = refcache.version()
    District.objects.create(name_az="Yeni", code="new-district", kind=district.kind, region=district.region)
    assert refcache.version() != token
    token = refcache.version()
    unit = OrgUnit.objects.get(code="rc_west")
    unit.name_en = "Renamed centre"
    unit.save()
    assert refcache.version() != token


def test_other_saves_leave_the_version_alone(persona):
    token = refcache.version()
    persona("commissioner").save()
    assert refcache.version() == token


def test_a_lost_token_only_costs_a_rebuild():
    token = refcache.version()
    cache.delete(refcache.VERSION_KEY)
    assert refcache.version() != token

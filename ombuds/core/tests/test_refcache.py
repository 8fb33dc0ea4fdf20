"""Lists built from reference data: built once per language and version, rebuilt after a change."""

from datetime import date

import pytest
from django.core.cache import cache
from django.utils import translation

from ombuds.accounts.models import OrgUnit
from ombuds.core import refcache
from ombuds.core.choices import CalendarDayKind
from ombuds.core.clock import WorkingCalendar
from ombuds.core.models import CalendarDay, DeadlineRule, District

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


def test_the_working_calendar_and_the_deadline_rules_follow_their_edits():
    """The legal clock of the case page comes from the cache: a holiday added, moved or deleted in
    the admin, or a rule's term changed, is seen on the next page."""
    monday = date(2031, 3, 3)
    assert WorkingCalendar.current().is_working_day(monday)
    token = refcache.version()
    day = CalendarDay.objects.create(date=monday, kind=CalendarDayKind.HOLIDAY, name_az="Test")
    assert refcache.version() != token
    assert not WorkingCalendar.current().is_working_day(monday)
    token = refcache.version()
    day.delete()
    assert refcache.version() != token
    assert WorkingCalendar.current().is_working_day(monday)
    token = refcache.version()
    rule = DeadlineRule.objects.get(code="admissibility_window")
    rule.term += 1
    rule.save()
    assert refcache.version() != token

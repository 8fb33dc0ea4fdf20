"""Recurring issues: a theme at several places, and chains of repeats across years."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from ombuds.complaints.models import RightTopic
from ombuds.core.models import Authority
from ombuds.monitoring.choices import ThematicArea
from ombuds.monitoring.testing import make_place
from ombuds.recommendations import choices as c
from ombuds.recommendations import services, systemic
from ombuds.recommendations.tests.test_rates import draft


@pytest.fixture
def places(persona):
    boss = persona("commissioner")
    return [make_place(boss, name_az=f"Yer {i}") for i in range(4)]


def issue(actor, issued_on=None, **fields):
    fields.setdefault("addressee", Authority.objects.get(code="moj"))
    return services.issue_recommendation(actor, draft(actor, **fields), issued_on=issued_on)


@pytest.mark.django_db
def test_a_theme_at_enough_places_is_systemic(persona, places, settings):
    boss = persona("commissioner")
    right = RightTopic.objects.order_by("code").first()
    last_year = timezone.localdate().year - 1
    for i, place in enumerate(places[:3]):
        issue(boss, places=[place], area="health_care", right=right, issued_on=date(last_year + (i == 0), 1, 5))
    issue(boss, places=places[:2], area="regime")  # two places only
    issue(boss, places=[], area="health_care")  # counted among the recommendations, not the places
    draft(boss, addressee=Authority.objects.get(code="moj"), places=[places[3]], area="health_care")  # a draft

    (health,) = systemic.by_area()
    assert (health.key, health.places, health.recommendations, health.years) == (
        "health_care",
        3,
        3,
        [last_year, last_year + 1],
    )
    assert (health.implemented, health.rate_shown, health.filters) == (0, "0 %", {"area": "health_care"})
    (by_right,) = systemic.by_right()
    assert (by_right.key, by_right.places, by_right.filters) == (right.code, 3, {"right": right.code})

    settings.OMBUDS_SYSTEMIC_MIN_PLACES = 2
    assert [t.key for t in systemic.by_area()] == ["health_care", "regime"]
    settings.OMBUDS_SYSTEMIC_MIN_PLACES = 4
    assert systemic.by_area() == []


@pytest.mark.django_db
def test_chains_of_repeats_across_years(persona, places, staff_client):
    boss = persona("commissioner")
    today = timezone.localdate()
    first = issue(boss, places=[places[0]], area="personnel", issued_on=date(today.year - 1, 3, 1))
    services.record_outcome(boss, first, c.Status.NOT_IMPLEMENTED, evidence=c.Evidence.STAFF_DECISION)
    second = services.issue_recommendation(boss, services.repeat_recommendation(boss, first))
    services.record_outcome(boss, second, c.Status.PARTIALLY_IMPLEMENTED, evidence=c.Evidence.STAFF_DECISION)
    third = services.issue_recommendation(boss, services.repeat_recommendation(boss, second))
    services.repeat_recommendation(boss, third.__class__.objects.get(pk=second.pk))  # a draft: not counted
    issue(boss)  # no repeat: no chain

    chains, count = systemic.chains()
    assert count == 1
    (chain,) = chains
    assert [link.number for link in chain.links] == [first.number, second.number, third.number]
    assert (chain.repeats, chain.years, chain.across_years) == (2, [today.year - 1, today.year], True)
    assert chain.area == ThematicArea.PERSONNEL.label
    # The year filter keeps whole chains that touch the year, and only those.
    assert systemic.chains(year=today.year - 1)[1] == 1
    assert systemic.chains(year=today.year - 2)[1] == 0

    html = staff_client(boss).get(reverse("recommendations:systemic")).content.decode()
    assert first.number in html and reverse("recommendations:detail", args=[third.public_id]) in html
    # Analysts see the chain, without the numbers of the records.
    html = staff_client(persona("analyst")).get(reverse("recommendations:systemic")).content.decode()
    assert 'data-testid="chains"' in html and first.number not in html

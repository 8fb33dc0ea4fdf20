"""The demo shows the whole follow-up story: every status, repeats, overdue ones, a follow-up visit
that verifies two recommendations, and implementation rates that differ by authority. Seeding is
slow, so one test walks through all of it."""

import io
from datetime import timedelta

import pytest

from ombuds.monitoring.choices import VisitStatus, VisitType
from ombuds.monitoring.models import Visit
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import (
    AuthorityResponse,
    EscalationStep,
    FollowUpCheck,
    Recommendation,
    StatusChange,
)

pytestmark = pytest.mark.django_db


def _seed():
    from ombuds.accounts import demo as accounts_demo
    from ombuds.complaints import demo as complaints_demo
    from ombuds.monitoring import demo as monitoring_demo
    from ombuds.recommendations import demo

    accounts_demo.seed(io.StringIO())
    complaints_demo.seed(io.StringIO(), count=25)
    monitoring_demo.seed(io.StringIO())
    return demo.seed(io.StringIO())


def _implementation_rates() -> dict:
    """Implementation rates by addressee code (ombuds/recommendations/rates.py)."""
    from ombuds.recommendations import rates

    breakdown = rates.by_authority()
    return {code: breakdown.row(code).rate for code in ("penitentiary_service", "mia", "mlspp")}


def test_the_demo_tells_the_whole_follow_up_story():
    made = _seed()
    assert made == Recommendation.objects.count() > 0

    # Every status of domain.md §3.3, with texts in the three languages.
    assert set(Recommendation.objects.values_list("status", flat=True)) == set(c.Status.values)
    for rec in Recommendation.objects.all():
        assert rec.text_az and rec.text_en and rec.text_ru
        assert len({rec.text_az, rec.text_en, rec.text_ru}) == 3
    # Every source but the annual report.
    sources = set(Recommendation.objects.values_list("source", flat=True))
    assert {c.Source.VISIT, c.Source.APPLICATION, c.Source.THEMATIC_REPORT} <= sources
    app_rec = Recommendation.objects.get(source=c.Source.APPLICATION)
    assert app_rec.application.outcome == "violation_found"

    # A repeat, linked to a recommendation that was not implemented.
    repeat = Recommendation.objects.get(repeats__isnull=False)
    assert repeat.repeats.status == c.Status.NOT_IMPLEMENTED
    assert repeat.addressee == repeat.repeats.addressee
    # It went unanswered, was escalated, and answered late.
    path = list(repeat.history.values_list("new_status", flat=True))
    assert path == [c.Status.ISSUED, c.Status.NO_RESPONSE, c.Status.REJECTED]
    assert set(repeat.escalations.values_list("step", flat=True)) >= {
        c.Escalation.REMINDER_LETTER,
        c.Escalation.PARLIAMENT,
    }

    # Overdue ones, one due date set by hand with its reason, and open ones not yet due.
    overdue = Recommendation.objects.overdue()
    assert overdue.count() >= 5
    assert Recommendation.objects.filter(due_set_by_hand=True).exclude(due_reason="").count() >= 2
    assert Recommendation.objects.filter(status__in=c.OPEN).exclude(pk__in=overdue).exists()
    assert AuthorityResponse.objects.values("stance").distinct().count() == len(c.Stance.values)
    assert EscalationStep.objects.count() >= 4

    # A follow-up visit six months after an in-depth visit to the same place verifies two.
    follow_up = Visit.objects.get(visit_type=VisitType.FOLLOW_UP)
    earlier = Visit.objects.get(place=follow_up.place, visit_type=VisitType.IN_DEPTH)
    gap = follow_up.planned_date - earlier.planned_date
    assert timedelta(days=150) <= gap <= timedelta(days=210)
    verified = Recommendation.objects.filter(
        visit=earlier,
        status=c.Status.IMPLEMENTED,
        history__evidence=c.Evidence.FOLLOW_UP_VISIT,
        history__visit=follow_up,
    )
    assert verified.count() == 2
    assert FollowUpCheck.objects.filter(visit=follow_up, observed=c.Observed.IMPLEMENTED).count() == 2
    assert repeat.repeats.visit == earlier and repeat.visit == follow_up
    # Implemented is never the authority's word alone.
    for change in StatusChange.objects.filter(new_status=c.Status.IMPLEMENTED):
        assert change.evidence in c.VERIFICATION_SOURCES

    # The visits wait at each later step, each with its recommendations.
    for status in (
        VisitStatus.REPORT_FINAL,
        VisitStatus.RECOMMENDATIONS_ISSUED,
        VisitStatus.FOLLOW_UP,
        VisitStatus.CLOSED,
    ):
        assert Recommendation.objects.filter(visit__status=status).exists(), status
    assert not Recommendation.objects.filter(visit__status=VisitStatus.REPORT_FINAL).exclude(status="draft").exists()

    # Rates differ by authority.
    rates = _implementation_rates()
    assert len(set(rates.values())) == 3, rates
    assert rates["mia"] == 0 < rates["mlspp"] < rates["penitentiary_service"]

    # A second run adds nothing.
    from ombuds.recommendations import demo

    assert demo.seed(io.StringIO()) == 0
    assert Recommendation.objects.count() == made

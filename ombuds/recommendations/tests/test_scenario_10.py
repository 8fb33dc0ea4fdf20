"""Scenario 10 of domain.md §9: a follow-up visit six months after an in-depth visit to a pre-trial
isolator. The repaired shower block is implemented, verified by the visit; admission examinations
still done by a paramedic alone are not implemented and repeated (linked); the Penitentiary
Service's implementation rate is recalculated."""

from datetime import datetime, time, timedelta
from fractions import Fraction

import pytest
from django.utils import timezone

from ombuds.accounts.testing import make_user
from ombuds.core.models import Authority
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.recommendations import choices as c
from ombuds.recommendations import rates, services
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.services.followup import open_for_place
from ombuds.recommendations.testing import make_recommendation

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def _at(day, hour=9):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _on_site(lead, doctor, place, visit_type, day):
    visit = make_visit(
        lead,
        place=place,
        visit_type=visit_type,
        planned_date=day,
        announced=False,
        team=[(lead, "leader"), (doctor, "physician")],
    )
    monitoring.prepare_visit(lead, visit, "Saxlanılma şəraiti və qəbul zamanı tibbi müayinə.")
    return monitoring.record_arrival(lead, visit, arrival_at=_at(day), access_at=_at(day) + timedelta(minutes=15))


def _penitentiary_row():
    return rates.by_authority().row("penitentiary_service")


def test_scenario_10_follow_up_visit_six_months_on():
    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg")
    doctor = make_user(username="npm.doctor", roles=["npm_medical"], unit="npg", is_medical=True)
    penitentiary = Authority.objects.get(code="penitentiary_service")
    place = make_place(lead, authority=penitentiary)  # the Shuvalan pre-trial isolator, 1,050 places
    # Another authority's record, to show that only the addressee's rate moves.
    other = make_recommendation(lead, addressee=Authority.objects.get(code="mia"))

    # The in-depth visit and its findings.
    visited = today() - timedelta(days=200)
    visit = _on_site(lead, doctor, place, "in_depth", visited)
    finding = {
        key: monitoring.add_finding(lead, visit, area=area, text=text, severity="serious", sources=["observation"])
        for key, area, text in (
            ("shower", "material_conditions", "Duş blokunda isti su yoxdur, kranların yarısı işləmir."),
            ("exams", "health_care", "Qəbul zamanı tibbi müayinəni yalnız feldşer aparır, xəsarətlər qeydə alınmır."),
            ("crowding", "material_conditions", "1 050 yerlik təcridxanada 1 400 nəfər saxlanılır."),
        )
    }
    monitoring.complete_onsite(lead, visit, people_held=1400, end_at=_at(visited, 18))
    for step in (VisitStatus.REPORT_DRAFT, VisitStatus.FACTUAL_CHECK, VisitStatus.REPORT_FINAL):
        monitoring.advance_visit(lead, visit, step)

    # Recommendations to the Penitentiary Service, issued three weeks later.
    texts = {
        "shower": ("Duş blokunu üç ay ərzində təmir edin.", "Repair the shower block within three months."),
        "exams": (
            "Qəbul zamanı tibbi müayinəni feldşer deyil, həkim aparsın.",
            "Admission medical examinations by a physician, not a paramedic.",
        ),
        "crowding": ("Saxlanılanların sayını layihə tutumuna endirin.", "Bring the number held down to capacity."),
    }
    rec = {
        key: make_recommendation(
            lead, visit=visit, findings=[finding[key]], addressee=penitentiary, text_az=az, text_en=en
        )
        for key, (az, en) in texts.items()
    }
    issued_on = visited + timedelta(days=21)
    for key in rec:
        rec[key] = services.issue_recommendation(lead, rec[key], issued_on=issued_on)
    monitoring.advance_visit(lead, visit, VisitStatus.RECOMMENDATIONS_ISSUED)
    monitoring.advance_visit(lead, visit, VisitStatus.FOLLOW_UP)
    for key, stance in (("shower", "accepts"), ("exams", "accepts"), ("crowding", "progress")):
        services.record_response(lead, rec[key], stance=stance, received_on=issued_on + timedelta(days=25), text="…")

    before = _penitentiary_row()
    assert (before.total, before.implemented, before.rate) == (3, 0, Fraction(0))
    assert rates.by_authority().row("mia") is None  # a draft is not counted

    # Six months on: the follow-up visit's checklist is the place's open recommendations.
    follow_day = visited + timedelta(days=183)
    follow_up = _on_site(lead, doctor, place, "follow_up", follow_day)
    assert set(open_for_place(place)) == set(rec.values())
    services.record_follow_up_check(lead, follow_up, rec["shower"], c.Observed.IMPLEMENTED, note="Təmir olunub.")
    services.record_follow_up_check(lead, follow_up, rec["exams"], c.Observed.NOT_IMPLEMENTED, note="Yenə feldşer.")
    services.record_follow_up_check(lead, follow_up, rec["crowding"], c.Observed.PARTIALLY_IMPLEMENTED)
    for key in rec:
        rec[key].refresh_from_db()

    # The repaired item: implemented, verified by the visit.
    assert rec["shower"].status == c.Status.IMPLEMENTED
    verified = rec["shower"].history.get(new_status=c.Status.IMPLEMENTED)
    assert verified.evidence == c.Evidence.FOLLOW_UP_VISIT and verified.evidence in c.VERIFICATION_SOURCES
    assert verified.visit == follow_up and verified.happened_on == follow_day
    assert rec["crowding"].status == c.Status.PARTIALLY_IMPLEMENTED

    # Paramedic-only admission exams: not implemented, then repeated and linked.
    assert rec["exams"].status == c.Status.NOT_IMPLEMENTED
    assert rec["exams"].history.get(new_status=c.Status.NOT_IMPLEMENTED).visit == follow_up
    repeat = services.repeat_recommendation(lead, rec["exams"])
    assert repeat.repeats == rec["exams"] and list(rec["exams"].repeated_by.all()) == [repeat]
    assert repeat.addressee == penitentiary and repeat.text_az == rec["exams"].text_az
    assert repeat.number != rec["exams"].number and repeat.status == c.Status.DRAFT
    assert list(repeat.findings.all()) == [finding["exams"]]

    # The rate is recalculated: one implemented of three, then of four once the repeat is issued.
    after = _penitentiary_row()
    assert (after.total, after.implemented, after.count("not_implemented"), after.count("partly")) == (3, 1, 1, 1)
    assert after.rate == Fraction(1, 3) > before.rate
    services.issue_recommendation(lead, repeat)
    reissued = _penitentiary_row()
    assert (reissued.total, reissued.implemented, reissued.rate) == (4, 1, Fraction(1, 4))
    assert rates.summary().total == 4  # the other authority's draft still does not count
    assert other.status == c.Status.DRAFT

    # The place's dossier for the next visit: what is still open, the repeat included.
    assert set(open_for_place(place)) == {rec["exams"], rec["crowding"], repeat}
    assert Recommendation.objects.filter(repeats__isnull=False).count() == 1

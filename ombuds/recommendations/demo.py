"""Demo recommendations, through the services: every status of domain.md §3.3, responses from the
authorities, escalation steps, overdue and repeated recommendations, and a follow-up visit six
months after an in-depth visit to the Shuvalan pre-trial isolator that verifies two of them
(domain.md §9 scenarios 9-10). Implementation rates differ by authority: the Penitentiary Service
implements part, the Ministry of Labour and Social Protection less, the Ministry of Internal
Affairs nothing.

The monitoring demo leaves four visits at "report final"; here the first keeps its drafts, the
others are issued and move on to "recommendations issued", "follow-up" and "closed". Dates are
those of the 2024 demo visits; the clocks count from the day of issue. The Commissioner publishes
those of `PUBLISHED` in the public tracker."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints.choices import Outcome
from ombuds.complaints.models import Application
from ombuds.core.models import Authority
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.choices import PlaceType, VisitStatus
from ombuds.monitoring.demo_findings import findings_for
from ombuds.monitoring.models import Place, Visit, VisitPlan
from ombuds.recommendations import services
from ombuds.recommendations.choices import Escalation, Evidence, Kind, Observed, Priority, Source, Stance, Status
from ombuds.recommendations.demo_texts import (
    RECOMMENDATIONS,
    RESPONSES,
    SHOWER_FINDING,
    STILL_PARAMEDIC_FINDING,
    THEMATIC_REPORT,
)
from ombuds.recommendations.models import Recommendation

BAKU = ZoneInfo("Asia/Baku")
ISOLATOR = "Investigative Isolator No. 3 (Shuvalan)"
SMART_ALL = dict.fromkeys(("specific", "measurable", "achievable", "relevant", "time_bound"), True)


def _at(day: date, hour: int = 9):
    return datetime.combine(day, time(hour), BAKU)


def _texts(key: str) -> dict[str, str]:
    return {f"text_{lang}": text for lang, text in RECOMMENDATIONS[key].items()}


class _Story:
    """The demo's actors and the recommendations it made, by key."""

    def __init__(self):
        self.lead = User.objects.get(username="npm.lead")
        self.doctor = User.objects.get(username="npm.doctor")
        self.member = User.objects.get(username="npm.member")
        self.commissioner = User.objects.get(username="commissioner")
        self.recs: dict[str, Recommendation] = {}
        self.drawn: dict[int, int] = {}

    def number(self, year: int | None) -> dict[str, str]:
        """The number a recommendation drafted in an earlier demo year would have had."""
        if year is None:
            return {}
        self.drawn[year] = self.drawn.get(year, 0) + 1
        return {"number": f"{year}/{self.drawn[year]:04d}"}

    def draft(
        self, key: str, visit: Visit | None, finding=None, *, year: int | None = None, texts: str = "", **fields
    ) -> Recommendation:
        data = {
            "source": Source.VISIT,
            "visit": visit,
            "findings": [finding] if finding is not None else [],
            "addressee": visit.place.authority if visit else None,
            "kind": Kind.AFTER_VISIT,
            "area": finding.area if finding is not None else "",
            "smart": SMART_ALL,
            **_texts(texts or key),
            **self.number(year),
        }
        data.update(fields)
        self.recs[key] = services.draft_recommendation(self.lead, **data)
        return self.recs[key]

    def issue(self, key: str, on: date, **fields) -> None:
        self.recs[key] = services.issue_recommendation(self.commissioner, self.recs[key], issued_on=on, **fields)

    def respond(self, key: str, stance: str, on: date, text_key: str = "") -> None:
        services.record_response(
            self.lead,
            self.recs[key],
            stance=stance,
            received_on=on,
            text=RESPONSES[text_key or key],
            reference=f"{on:%m}/{on.day:02d}-{len(key)}",
        )


# Published in the public tracker: every outcome the tracker counts (accepted, in progress,
# reported but not verified, implemented, partly, not implemented, rejected), with the
# authorities' responses. Drafts and the case's recommendation stay unpublished.
PUBLISHED = (
    "shower",
    "overcrowding",
    "counsel_room",
    "psychologist",
    "phone_call",
    "daylight",
    "complaints_box",
    "night_staff",
    "mattresses",
    "pensions",
    "ramps",
)


def publish_for_tracker(commissioner: User) -> int:
    """Publish the demo's recommendations of `PUBLISHED` that are not yet (a second run publishes
    nothing; a demo made before this list existed gets them too). Found by their Azerbaijani
    text: the demo's keys are not stored."""
    texts = {RECOMMENDATIONS[key]["az"] for key in PUBLISHED}
    waiting = Recommendation.objects.filter(text_az__in=texts, is_published=False).exclude(status=Status.DRAFT)
    recs = list(waiting.order_by("pk"))
    for rec in recs:
        services.publish_recommendation(commissioner, rec)
    return len(recs)


@transaction.atomic
def seed(stdout) -> int:
    if Recommendation.objects.exists():
        publish_for_tracker(User.objects.get(username="commissioner"))
        return 0
    story = _Story()
    visits = list(Visit.objects.filter(status=VisitStatus.REPORT_FINAL).select_related("place").order_by("pk"))
    by_group = {_group(v.place.place_type): v for v in visits}
    _isolator(story)
    if "juvenile" in by_group:
        _juvenile_facility(story, by_group["juvenile"])
    if "police" in by_group:
        _police(story, by_group["police"])
    if "school" in by_group:
        _boarding_school(story, by_group["school"])
    if "children_home" in by_group:
        _children_home(story, by_group["children_home"])
    _thematic_report(story)
    _application(story)
    publish_for_tracker(story.commissioner)
    made = Recommendation.objects.count()
    stdout.write(f"  {made} recommendations, {Recommendation.objects.overdue().count()} overdue")
    return made


def _group(place_type: str) -> str:
    return {
        PlaceType.JUVENILE_FACILITY: "juvenile",
        PlaceType.TEMPORARY_DETENTION: "police",
        PlaceType.POLICE_DIVISION: "police",
        PlaceType.BOARDING_SCHOOL: "school",
        PlaceType.CHILDREN_HOME: "children_home",
    }.get(place_type, place_type)


def _finding(visit: Visit, text: str) -> object:
    return visit.findings.get(text=text)


def _visit_to_report(story: _Story, place: Place, visit_type: str, day: date, findings, people_held: int) -> Visit:
    """A visit of the 2024 plan taken through the monitoring services to its final report."""
    lead = story.lead
    plan = VisitPlan.objects.filter(year=2024).first() or monitoring.create_plan(lead, 2024, "2024")
    item = monitoring.add_plan_item(lead, plan, place=place, quarter=(day.month - 1) // 3 + 1, visit_type=visit_type)
    visit = monitoring.schedule_visit(
        lead,
        place=place,
        unit=OrgUnit.objects.get(code="npg"),
        visit_type=visit_type,
        planned_date=day,
        plan_item=item,
        announced=False,
        team=[(lead, "leader"), (story.doctor, "physician"), (story.member, "member")],
    )
    monitoring.prepare_visit(lead, visit, "Saxlanılma şəraiti, qəbul zamanı tibbi müayinə, müdafiəçi ilə görüşlər.")
    monitoring.record_arrival(lead, visit, arrival_at=_at(day), access_at=_at(day) + timedelta(minutes=20))
    for area, severity, text in findings:
        monitoring.add_finding(lead, visit, area=area, text=text, severity=severity, sources=["observation", "staff"])
    for k in range(4):
        monitoring.add_interview(lead, visit, pseudonym=f"T-{k + 1:02d}", kind="detainee", consent_anonymised_use=True)
    monitoring.complete_onsite(lead, visit, people_held=people_held, end_at=_at(day, 18))
    for step in (VisitStatus.REPORT_DRAFT, VisitStatus.FACTUAL_CHECK, VisitStatus.REPORT_FINAL):
        monitoring.advance_visit(lead, visit, step)
    return Visit.objects.get(pk=visit.pk)


def _isolator(story: _Story) -> None:
    """Scenario 10: four recommendations to the Penitentiary Service after an in-depth visit; six
    months on, a follow-up visit finds the shower block repaired and the counsel room in use
    (implemented, verified by the visit), the overcrowding partly reduced, and admission
    examinations still done by a paramedic: not implemented, and repeated."""
    place = (
        Place.objects.filter(name_en__startswith=ISOLATOR).first()
        or Place.objects.filter(place_type=PlaceType.PRETRIAL_ISOLATOR).order_by("pk").first()
    )
    if place is None or place.authority is None:
        return
    base = findings_for(PlaceType.PRETRIAL_ISOLATOR, "az")
    visit = _visit_to_report(
        story,
        place,
        "in_depth",
        date(2024, 3, 12),
        [*base, ("material_conditions", "serious", SHOWER_FINDING["az"])],
        people_held=1400,
    )
    overcrowded, counsel, paramedic = (_finding(visit, text) for _a, _s, text in base)
    story.draft("shower", visit, _finding(visit, SHOWER_FINDING["az"]), priority=Priority.HIGH, year=2024)
    story.draft(
        "admission_exam", visit, paramedic, priority=Priority.HIGH, uhri_reference="CAT/C/AZE/CO/5 §15", year=2024
    )
    story.draft("overcrowding", visit, overcrowded, year=2024)
    story.draft("counsel_room", visit, counsel, year=2024)
    issued = date(2024, 5, 6)
    for key in ("shower", "admission_exam", "counsel_room"):
        story.issue(key, issued)
    story.issue(
        "overcrowding",
        issued,
        due_date=date(2025, 5, 6),
        due_reason="Köçürmələr üçün Ədliyyə Nazirliyinin razılığı lazımdır: bir il.",
    )
    monitoring.advance_visit(story.lead, visit, VisitStatus.RECOMMENDATIONS_ISSUED)
    monitoring.advance_visit(story.lead, visit, VisitStatus.FOLLOW_UP)
    story.respond("shower", Stance.ACCEPTS, date(2024, 5, 29))
    story.respond("admission_exam", Stance.ACCEPTS, date(2024, 5, 29))
    story.respond("overcrowding", Stance.PROGRESS, date(2024, 6, 3))
    story.respond("counsel_room", Stance.IMPLEMENTED, date(2024, 7, 15))

    day = date(2024, 9, 12)
    follow_up = monitoring.schedule_visit(
        story.lead,
        place=place,
        unit=visit.unit,
        visit_type="follow_up",
        planned_date=day,
        announced=False,
        trigger=f"{visit.planned_date:%d.%m.%Y} tarixli baş çəkmənin tövsiyələrinin icrasının yoxlanılması",
        team=[(story.lead, "leader"), (story.doctor, "physician")],
    )
    monitoring.prepare_visit(story.lead, follow_up, "Əvvəlki baş çəkmənin tövsiyələrinin yerində yoxlanılması.")
    follow_up = monitoring.record_arrival(
        story.lead, follow_up, arrival_at=_at(day), access_at=_at(day) + timedelta(minutes=10)
    )
    for key, observed, note in (
        ("shower", Observed.IMPLEMENTED, "Duş bloku təmir olunub, isti su var; cədvəl üzrə həftədə iki dəfə."),
        ("counsel_room", Observed.IMPLEMENTED, "Otaq istifadədədir; söhbət dəhlizdən eşidilmir."),
        ("overcrowding", Observed.PARTIALLY_IMPLEMENTED, "1 400 əvəzinə 1 230 nəfər; tutum hələ aşılır."),
        ("admission_exam", Observed.NOT_IMPLEMENTED, "Qəbulda müayinəni yenə feldşer aparır."),
    ):
        services.record_follow_up_check(story.lead, follow_up, story.recs[key], observed, note=note)
    still = monitoring.add_finding(
        story.lead,
        follow_up,
        area="health_care",
        text=STILL_PARAMEDIC_FINDING["az"],
        severity="serious",
        sources=["observation", "document"],
    )
    monitoring.complete_onsite(story.lead, follow_up, people_held=1230, end_at=_at(day, 15))
    for step in (VisitStatus.REPORT_DRAFT, VisitStatus.REPORT_FINAL):
        monitoring.advance_visit(story.lead, follow_up, step)
    monitoring.advance_visit(story.lead, visit, VisitStatus.CLOSED)

    # The repeat answers the follow-up visit's finding; the authority keeps silent, is reminded,
    # answers late with a refusal, and the Commissioner takes it to the Milli Majlis.
    story.recs["admission_exam_repeat"] = services.repeat_recommendation(
        story.lead,
        story.recs["admission_exam"],
        visit=follow_up,
        findings=[still],
        priority=Priority.HIGH,
        smart=SMART_ALL,
        **_texts("admission_exam_repeat"),
        **story.number(2024),
    )
    story.issue("admission_exam_repeat", date(2024, 10, 15))
    monitoring.advance_visit(story.lead, follow_up, VisitStatus.RECOMMENDATIONS_ISSUED)
    monitoring.advance_visit(story.lead, follow_up, VisitStatus.FOLLOW_UP)
    services.mark_no_response(now=_at(date(2024, 11, 20)))
    repeat = story.recs["admission_exam_repeat"]
    services.record_escalation(story.lead, repeat, Escalation.REMINDER_LETTER, taken_on=date(2024, 11, 25))
    story.respond("admission_exam_repeat", Stance.REJECTS, date(2024, 12, 20))
    services.record_escalation(
        story.lead, repeat, Escalation.MEETING, taken_on=date(2025, 1, 22), note="Penitensiar Xidmətin rəisi ilə görüş."
    )
    services.record_escalation(
        story.lead,
        repeat,
        Escalation.PARLIAMENT,
        taken_on=date(2025, 3, 14),
        note="2024-cü il üzrə illik məruzədə Milli Məclisə təqdim edilib.",
    )


def _juvenile_facility(story: _Story, visit: Visit) -> None:
    """Penitentiary Service: accepted, in progress, and a verified appointment."""
    schooling, solitary, psychologist = _by_area(visit, "regime", "treatment", "health_care")
    story.draft("schooling", visit, schooling, year=2025)
    story.draft("solitary", visit, solitary, priority=Priority.HIGH, year=2025)
    story.draft("psychologist", visit, psychologist, year=2025)
    issued = date(2025, 1, 15)
    for key in ("schooling", "solitary", "psychologist"):
        story.issue(key, issued)
    monitoring.advance_visit(story.lead, visit, VisitStatus.RECOMMENDATIONS_ISSUED)
    story.respond("schooling", Stance.ACCEPTS, date(2025, 2, 10))
    story.respond("solitary", Stance.PROGRESS, date(2025, 2, 10))
    story.respond("psychologist", Stance.IMPLEMENTED, date(2025, 3, 3))
    services.record_outcome(
        story.lead,
        story.recs["psychologist"],
        Status.IMPLEMENTED,
        evidence=Evidence.AUTHORITY_REPORT_VERIFIED,
        happened_on=date(2025, 3, 20),
        note="Təyinat əmri və psixoloqun qəbul jurnalı yoxlanılıb.",
    )


def _police(story: _Story, visit: Visit) -> None:
    """Ministry of Internal Affairs: no response, a refusal and nothing implemented."""
    register, phone, cells = _by_area(visit, "protection", "treatment", "material_conditions")
    story.draft("custody_register", visit, register, priority=Priority.HIGH, year=2024)
    story.draft("phone_call", visit, phone, year=2024)
    story.draft("daylight", visit, cells, priority=Priority.LOW, year=2024)
    issued = date(2024, 4, 1)
    for key in ("custody_register", "phone_call", "daylight"):
        story.issue(key, issued)
    monitoring.advance_visit(story.lead, visit, VisitStatus.RECOMMENDATIONS_ISSUED)
    monitoring.advance_visit(story.lead, visit, VisitStatus.FOLLOW_UP)
    story.respond("phone_call", Stance.REJECTS, date(2024, 4, 22))
    story.respond("daylight", Stance.PROGRESS, date(2024, 4, 25))
    services.mark_no_response(now=_at(date(2024, 5, 6)))
    services.record_escalation(
        story.lead, story.recs["custody_register"], Escalation.REMINDER_LETTER, taken_on=date(2024, 5, 13)
    )
    services.record_escalation(
        story.lead,
        story.recs["phone_call"],
        Escalation.MEETING,
        taken_on=date(2024, 6, 18),
        note="Daxili İşlər Nazirliyinin İctimai təhlükəsizlik idarəsi ilə görüş; mövqe dəyişməyib.",
    )
    story.respond("daylight", Stance.PROGRESS, date(2025, 2, 3), "daylight_later")
    services.record_outcome(
        story.lead,
        story.recs["daylight"],
        Status.NOT_IMPLEMENTED,
        evidence=Evidence.AUTHORITY_RESPONSE,
        happened_on=date(2025, 2, 3),
        note="Nazirliyin məktubuna görə təmir 2026-cı ilə keçirilib.",
    )


def _boarding_school(story: _Story, visit: Visit) -> None:
    """Ministry of Science and Education: one implemented, one no longer relevant; the visit closes."""
    box, calls = _by_area(visit, "protection", "regime")
    story.draft("complaints_box", visit, box, year=2024)
    story.draft("parents_calls", visit, calls, year=2024)
    issued = date(2024, 7, 1)
    for key in ("complaints_box", "parents_calls"):
        story.issue(key, issued)
    monitoring.advance_visit(story.lead, visit, VisitStatus.RECOMMENDATIONS_ISSUED)
    story.respond("complaints_box", Stance.IMPLEMENTED, date(2024, 9, 16))
    services.record_outcome(
        story.lead,
        story.recs["complaints_box"],
        Status.IMPLEMENTED,
        evidence=Evidence.AUTHORITY_REPORT_VERIFIED,
        happened_on=date(2024, 10, 7),
        note="Şəkillər və etibarlı şəxsin təyinatı barədə əmr yoxlanılıb.",
    )
    services.mark_no_longer_relevant(
        story.lead,
        story.recs["parents_calls"],
        "Məktəbin internat bölməsi 2025-ci ildə bağlanıb; uşaqlar ailələrində yaşayır.",
        happened_on=date(2025, 6, 2),
    )
    monitoring.advance_visit(story.lead, visit, VisitStatus.CLOSED)


def _children_home(story: _Story, visit: Visit) -> None:
    """Drafts awaiting the Commissioner's approval: the visit stays at "report final"."""
    calls, training = _by_area(visit, "regime", "personnel")
    story.draft("parents_calls_home", visit, calls, texts="parents_calls")
    story.draft("educators_training", visit, training)


def _thematic_report(story: _Story) -> None:
    """Ministry of Labour and Social Protection: one verified, one partly, one reported and
    unverified, one accepted with a due date set by hand far ahead."""
    mlspp = Authority.objects.get(code="mlspp")
    homes = list(Place.objects.filter(place_type=PlaceType.SOCIAL_CARE_HOME).order_by("pk")[:3])
    common = {
        "source": Source.THEMATIC_REPORT,
        "report_title": THEMATIC_REPORT,
        "addressee": mlspp,
        "kind": Kind.THEMATIC,
        "places": homes,
        "place_type": PlaceType.SOCIAL_CARE_HOME,
    }
    story.draft("night_staff", None, area="personnel", **common, year=2024)
    story.draft("mattresses", None, area="health_care", priority=Priority.HIGH, **common, year=2024)
    story.draft("pensions", None, area="protection", **common, year=2024)
    story.draft("ramps", None, area="material_conditions", priority=Priority.LOW, **common, year=2024)
    issued = date(2024, 9, 2)
    for key in ("night_staff", "mattresses", "pensions"):
        story.issue(key, issued)
    story.issue(
        "ramps",
        issued,
        due_date=date(2027, 12, 31),
        due_reason="Pandusların tikintisi binaların əsaslı təmiri ilə birlikdə 2027-ci ilin sonunadək planlaşdırılıb.",
    )
    story.respond("night_staff", Stance.PROGRESS, date(2024, 10, 15))
    story.respond("night_staff", Stance.PROGRESS, date(2025, 4, 10), "night_staff_later")
    services.record_outcome(
        story.lead,
        story.recs["night_staff"],
        Status.PARTIALLY_IMPLEMENTED,
        evidence=Evidence.AUTHORITY_RESPONSE,
        happened_on=date(2025, 4, 10),
        note="30 müəssisədən yalnız 12-sində.",
    )
    story.respond("mattresses", Stance.IMPLEMENTED, date(2024, 12, 2))
    services.record_outcome(
        story.lead,
        story.recs["mattresses"],
        Status.IMPLEMENTED,
        evidence=Evidence.AUTHORITY_REPORT_VERIFIED,
        happened_on=date(2025, 1, 20),
        note="Qaimə-fakturalar və müəssisələrin inventar siyahıları yoxlanılıb.",
    )
    story.respond("pensions", Stance.IMPLEMENTED, date(2025, 5, 19))
    story.respond("ramps", Stance.ACCEPTS, date(2024, 10, 1))


def _application(story: _Story) -> None:
    """A recommendation from an application in which a violation was found, issued lately and
    awaiting the authority's response."""
    app = (
        Application.objects.filter(outcome=Outcome.VIOLATION_FOUND)
        .prefetch_related("respondents", "rights")
        .order_by("pk")
        .first()
    )
    if app is None:
        return
    authority = next((a for a in app.respondents.all() if not a.excluded_from_mandate), None) or Authority.objects.get(
        code="mia"
    )
    rec = services.draft_recommendation(
        story.commissioner,
        source=Source.APPLICATION,
        application=app,
        addressee=authority,
        right=next(iter(app.rights.all()), None),
        kind=Kind.THEMATIC,
        smart=SMART_ALL,
        **_texts("appeal_handling"),
    )
    story.recs["appeal_handling"] = services.issue_recommendation(
        story.commissioner, rec, issued_on=timezone.localdate() - timedelta(days=10)
    )


def _by_area(visit: Visit, *areas: str) -> list:
    """The visit's findings in the order of `areas` (one per area)."""
    findings = {f.area: f for f in visit.findings.order_by("pk")}
    return [findings[area] for area in areas]

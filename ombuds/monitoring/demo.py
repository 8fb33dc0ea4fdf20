"""Demo register of places, a 2024 visit plan and visits in every state, through the services.

Places come from the sourced reference list; the overcrowding figures of domain.md §8 are set on
the isolators it names (Ganja No. 2: 800 for 700 places; Shuvalan No. 3: 1,400 for 1,050;
the Baku isolator above its 2,500)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from ombuds.accounts.models import OrgUnit, User
from ombuds.core.models import Authority, District
from ombuds.core.reference import DATA_DIR
from ombuds.monitoring import services
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.demo_findings import findings_for
from ombuds.monitoring.importer import import_places
from ombuds.monitoring.models import Place, Visit

BAKU = ZoneInfo("Asia/Baku")
OVERCROWDED = {  # name_en prefix -> (capacity, people held), domain.md §8 (2023)
    "Baku Investigative Isolator": (2500, 2640),
    "Investigative Isolator No. 2 (Ganja)": (700, 800),
    "Investigative Isolator No. 3 (Shuvalan)": (1050, 1400),
}


def seed(stdout) -> int:
    if Place.objects.exists():
        return 0
    report = import_places(None, Path(DATA_DIR) / "az-places-of-detention.csv")
    synthetic = _district_police_places()
    lead = User.objects.get(username="npm.lead")
    doctor = User.objects.get(username="npm.doctor")
    member = User.objects.get(username="npm.member")
    npg = OrgUnit.objects.get(code="npg")
    for prefix, (capacity, held) in OVERCROWDED.items():
        place = Place.objects.filter(name_en__startswith=prefix).first()
        if place:
            services.update_place(lead, place, capacity=capacity)
            services.record_population(lead, place, date(2023, 12, 1), held, source="domain.md §8 (2023)")
    plan = services.create_plan(lead, 2024, "2024-cü il üzrə baş çəkmə planı")
    places = list(Place.objects.order_by("name_en"))
    statuses = [
        VisitStatus.PLANNED,
        VisitStatus.PREPARED,
        VisitStatus.IN_PROGRESS,
        VisitStatus.ONSITE_COMPLETED,
        VisitStatus.REPORT_DRAFT,
        VisitStatus.FACTUAL_CHECK,
        VisitStatus.REPORT_FINAL,
        VisitStatus.RECOMMENDATIONS_ISSUED,
        VisitStatus.FOLLOW_UP,
        VisitStatus.CLOSED,
        VisitStatus.CANCELLED,
    ]
    for n, status in enumerate(statuses):
        place = places[(n * 5) % len(places)]
        item = services.add_plan_item(
            lead, plan, place=place, quarter=n % 4 + 1, visit_type="in_depth" if n % 2 == 0 else "thematic"
        )
        visit = services.schedule_visit(
            lead,
            place=place,
            unit=npg,
            visit_type=item.visit_type,
            planned_date=date(2024, 3 * (n % 4) + 2, 10),
            plan_item=item,
            announced=n % 3 == 0,
            team=[(lead, "leader"), (doctor, "physician"), (member, "member")],
        )
        _bring_to(visit, status, lead)
    school = Place.objects.filter(place_type="boarding_school").order_by("name_en").first()
    services.schedule_visit(
        lead,
        place=school,
        unit=OrgUnit.objects.get(code="rc_northwest"),
        visit_type="ad_hoc",
        planned_date=timezone.localdate(),
        announced=False,
        trigger="916 zəngi: internat məktəbində uşağa qarşı zorakılıq barədə məlumat",
        team=[(lead, "leader"), (member, "member")],
    )
    stdout.write(f"  {report.created_count} sourced and {synthetic} synthetic places, {Visit.objects.count()} visits")
    return report.created_count


def _district_police_places() -> int:
    """Every district has a police temporary detention place and police divisions (MIA); only some
    are named in public reports, so the demo adds one of each per district, marked synthetic."""
    mia = Authority.objects.get(code="mia")
    made = 0
    for district in District.objects.exclude(region__code="nakhchivan"):
        for kind, az, en, ru in (
            ("temporary_detention", "RPŞ müvəqqəti saxlama yeri", "police temporary detention", "ИВС отдела полиции"),
            ("police_division", "rayon polis şöbəsi", "district police division", "районный отдел полиции"),
        ):
            services.register_place(
                None,
                name_az=f"{district.name_az} {az}",
                name_en=f"{district.name_en} {en}",
                name_ru=f"{district.name_ru}: {ru}",
                place_type=kind,
                authority=mia,
                district=district,
                capacity=20 if kind == "temporary_detention" else None,
                note="synthetic demo record",
            )
            made += 1
    return made


def _bring_to(visit: Visit, status: str, lead) -> None:
    if status == VisitStatus.PLANNED:
        return
    if status == VisitStatus.CANCELLED:
        services.cancel_visit(lead, visit, "Müəssisədə karantin elan edilib.")
        return
    services.prepare_visit(lead, visit, "Saxlanılma şəraiti, tibbi xidmət, qeydiyyat jurnalları.")
    if status == VisitStatus.PREPARED:
        return
    arrival = datetime.combine(visit.planned_date, datetime.min.time(), BAKU) + timedelta(hours=9)
    services.record_arrival(lead, visit, arrival_at=arrival, access_at=arrival + timedelta(minutes=15))
    for area, severity, text in findings_for(visit.place.place_type, settings.LANGUAGE_CODE):
        services.add_finding(lead, visit, area=area, text=text, severity=severity, sources=["observation", "staff"])
    for k in range(3):
        services.add_interview(lead, visit, pseudonym=f"S-{k + 1:02d}", kind="detainee", consent_anonymised_use=True)
    if status == VisitStatus.IN_PROGRESS:
        return
    capacity = visit.place.capacity
    services.complete_onsite(
        lead, visit, people_held=int(capacity * 1.2) if capacity else None, end_at=arrival + timedelta(hours=8)
    )
    for target in (
        VisitStatus.REPORT_DRAFT,
        VisitStatus.FACTUAL_CHECK,
        VisitStatus.REPORT_FINAL,
    ):
        # Beyond the final report the visit moves as its recommendations are issued
        # (ombuds/recommendations/demo.py).
        if Visit.objects.get(pk=visit.pk).status == status:
            return
        services.advance_visit(lead, visit, target)

"""The NPM side of a synthetic year (see ombuds/demo/year.py): visits with their team, interviews,
findings, access incidents and reprisal cases; the recommendations after the visits and the annual
report's proposals, with their history; a few awareness events.

The visits' place types are split in the proportions of the Georgian NPM's 2017 report
(domain.md §8: 34 penitentiary, 9 psychiatric, 9 family-type homes, 9 religious boarding schools,
45 police divisions, 21 temporary detention isolators, 1 migrant centre, 5 return flights).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.utils import timezone

from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints import choices as cc
from ombuds.core.models import Authority, District
from ombuds.monitoring import choices as mc
from ombuds.monitoring.models import AccessIncident, Finding, Interview, Place, ReprisalCase, TeamMember, Visit
from ombuds.recommendations import choices as rc
from ombuds.recommendations.generate import SETTLED, _chain
from ombuds.recommendations.models import AuthorityResponse, Recommendation, RecommendationCounter, StatusChange

BAKU = ZoneInfo("Asia/Baku")
# Georgia 2017 (domain.md §8): place type -> (visits, distinct places).
GEORGIA_2017 = {
    mc.PlaceType.PENITENTIARY: (34, 8),
    mc.PlaceType.PSYCHIATRIC_HOSPITAL: (9, 5),
    mc.PlaceType.CHILDREN_HOME: (9, 9),
    mc.PlaceType.BOARDING_SCHOOL: (9, 9),
    mc.PlaceType.POLICE_DIVISION: (45, 45),
    mc.PlaceType.TEMPORARY_DETENTION: (21, 19),
    mc.PlaceType.MIGRANT_CENTRE: (1, 1),
    mc.PlaceType.OTHER: (5, 5),  # return flights
}
# Carried out long ago: most visits are closed or in the follow-up of their recommendations.
STATUSES = [
    (mc.VisitStatus.CLOSED, 70),
    (mc.VisitStatus.FOLLOW_UP, 12),
    (mc.VisitStatus.RECOMMENDATIONS_ISSUED, 9),
    (mc.VisitStatus.REPORT_FINAL, 6),
    (mc.VisitStatus.FACTUAL_CHECK, 2),
    (mc.VisitStatus.REPORT_DRAFT, 1),
]
TYPES = [
    (mc.VisitType.IN_DEPTH, 35),
    (mc.VisitType.FOLLOW_UP, 25),
    (mc.VisitType.THEMATIC, 15),
    (mc.VisitType.AD_HOC, 15),
    (mc.VisitType.REACTIVE, 10),
]
INTERVIEWEES = [
    (mc.IntervieweeKind.DETAINEE, 80),
    (mc.IntervieweeKind.STAFF, 8),
    (mc.IntervieweeKind.MANAGEMENT, 5),
    (mc.IntervieweeKind.MEDICAL, 4),
    (mc.IntervieweeKind.FAMILY, 2),
    (mc.IntervieweeKind.LAWYER, 1),
]
AREAS = [
    (mc.ThematicArea.MATERIAL_CONDITIONS, 30),
    (mc.ThematicArea.HEALTH_CARE, 22),
    (mc.ThematicArea.REGIME, 15),
    (mc.ThematicArea.PROTECTION, 14),
    (mc.ThematicArea.TREATMENT, 10),
    (mc.ThematicArea.PERSONNEL, 9),
]
FINDINGS = {
    mc.ThematicArea.MATERIAL_CONDITIONS: "Kameralarda havalandırma və təbii işıq kifayət deyil.",
    mc.ThematicArea.HEALTH_CARE: "Qəbul zamanı tibbi müayinə jurnalda qeyd olunmur.",
    mc.ThematicArea.REGIME: "Gündəlik gəzinti bir saatdan az təşkil olunur.",
    mc.ThematicArea.PROTECTION: "Vəkillə görüş hüququ barədə məlumat verilmir.",
    mc.ThematicArea.TREATMENT: "Saxlanılan şəxslərə qarşı kobud rəftar barədə məlumatlar alınıb.",
    mc.ThematicArea.PERSONNEL: "Əməkdaşların insan hüquqları üzrə təlimi keçirilməyib.",
}
# Interviews in private per visit, by type of place (a prison takes a day, a police cell an hour).
INTERVIEWS = {mc.PlaceType.PENITENTIARY: (8, 20), mc.PlaceType.PSYCHIATRIC_HOSPITAL: (5, 12)}
PROPOSAL_ADDRESSEES = ["milli_majlis", "cabinet", "mia", "moj", "mlspp", "pgo", "moh", "mse", "sms", "local_executive"]
PROPOSALS = [
    "Şəxsiyyət vəsiqələrinin verilməsi müddətlərinə əməl olunmasını təmin etmək.",
    "Deaktiv edilmiş FİN-lərin bərpası qaydasını sadələşdirmək.",
    "Ölkədən çıxış hüququnun məhdudlaşdırılması barədə şəxsə vaxtında məlumat vermək.",
    "Yaşayış yeri üzrə qeydiyyat prosedurunu elektronlaşdırmaq.",
    "İstintaq təcridxanalarında sıxlığı aradan qaldırmaq üçün tədbirlər görmək.",
    "Məhkəmə qərarlarının icrası üzrə nəzarəti gücləndirmək.",
]


def visits_in(year: int) -> QuerySet:
    """Visits carried out in `year`: arrived (not planned, prepared or cancelled), on a day of the year."""
    start, end = datetime(year, 1, 1, tzinfo=BAKU), datetime(year + 1, 1, 1, tzinfo=BAKU)
    not_carried_out = [*mc.BEFORE_ARRIVAL, mc.VisitStatus.CANCELLED]
    return Visit.objects.exclude(status__in=not_carried_out).filter(
        Q(arrival_at__gte=start, arrival_at__lt=end) | Q(arrival_at__isnull=True, planned_date__year=year)
    )


def _weighted(rng: random.Random, pairs, k: int = 1) -> list:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs], k=k)


def split(total: int, weights: dict) -> dict:
    """`total` split in proportion to `weights` (largest remainders): the parts sum to `total`."""
    whole = sum(weights.values())
    exact = {key: total * w / whole for key, w in weights.items()}
    parts = {key: int(v) for key, v in exact.items()}
    for key in sorted(exact, key=lambda k: exact[k] - parts[k], reverse=True)[: total - sum(parts.values())]:
        parts[key] += 1
    return parts


def generate(rng: random.Random, year: int, *, visits: int, proposals: int, apps: list) -> dict[str, int]:
    tag = f"[synthetic {year}]"
    made_visits = _visits(rng, year, visits, apps, tag)
    made = {"visits": len(made_visits), **_visit_records(rng, made_visits, tag)}
    made["recommendations"] = _recommendations(rng, year, made_visits, proposals, tag)
    made["proposals"] = proposals
    made["events"] = _events(rng, year, tag)
    return made


def _places(rng: random.Random, place_type: str, wanted: int, tag: str) -> list[Place]:
    """Places of `place_type` from the register; synthetic ones when it holds fewer than `wanted`."""
    places = list(Place.objects.filter(place_type=place_type, is_active=True).order_by("pk")[:wanted])
    if len(places) < wanted:
        districts = list(District.objects.exclude(region__code="nakhchivan"))
        label = str(mc.PlaceType(place_type).label)
        new = []
        for n in range(len(places) + 1, wanted + 1):
            district = rng.choice(districts)
            new.append(
                Place(
                    name_az=f"{district.name_az} — {label} № {n}",
                    name_en=f"{district.name_en or district.name_az} — {label} No. {n}",
                    place_type=place_type,
                    district=district,
                    region_id=district.region_id,
                    capacity=rng.randint(20, 1200) if place_type == mc.PlaceType.PENITENTIARY else rng.randint(5, 120),
                    source=tag,
                    note=f"{tag} A place made up for the demo year.",
                )
            )
        places += Place.objects.bulk_create(new)
    return places


def _visits(rng: random.Random, year: int, count: int, apps: list, tag: str) -> list[Visit]:
    units = {u.kind: u for u in OrgUnit.objects.filter(kind__in=["npg", "regional_centre"])}
    regional = {u.region_id: u for u in OrgUnit.objects.filter(kind="regional_centre")}
    npg = units.get("npg") or OrgUnit.objects.order_by("pk").first()
    per_type = split(count, {t: v for t, (v, _) in GEORGIA_2017.items()})
    distinct = {t: max(1, min(per_type[t], round(p * count / 133))) for t, (_, p) in GEORGIA_2017.items()}
    plan = []
    for place_type, n in per_type.items():
        if n:
            places = _places(rng, place_type, distinct[place_type], tag)
            plan += [places[i % len(places)] for i in range(n)]
    rng.shuffle(plan)
    # Fewer visits in January and August; none on the first two days of the year.
    days = sorted(date(year, 1, 3) + timedelta(days=rng.randrange(362)) for _ in plan)
    made = []
    for place, day in zip(plan, days, strict=True):
        kind = _weighted(rng, TYPES)[0]
        arrival = datetime.combine(day, time(rng.randint(8, 15), rng.randrange(60)), BAKU)
        status = _weighted(rng, STATUSES)[0]
        made.append(
            Visit(
                place=place,
                region_id=place.region_id,
                unit=regional.get(place.region_id, npg) if rng.random() < 0.2 else npg,
                visit_type=kind,
                announced=rng.random() < 0.3,
                trigger=f"{tag} Müraciət əsasında." if kind in (mc.VisitType.REACTIVE, mc.VisitType.AD_HOC) else "",
                planned_date=day,
                objectives=f"{tag} Saxlanma şəraiti və rəftarın yoxlanılması.",
                status=status,
                arrival_at=arrival,
                access_at=arrival + timedelta(minutes=rng.randint(3, 40)),
                end_at=arrival + timedelta(hours=rng.randint(2, 8)),
                people_held=rng.randint(1, place.capacity) if place.capacity else None,
                immediate_observations=f"{tag} Rəhbərliyə ilkin müşahidələr bildirildi.",
            )
        )
    Visit.objects.bulk_create(made, batch_size=1000)
    # The appeals taken on visits are counted on the visits of the year.
    on_site = sum(1 for a in apps if a.channel == cc.Channel.DURING_VISIT)
    for _ in range(on_site):
        rng.choice(made).applications_received += 1
    return made


def _visit_records(rng: random.Random, visits: list[Visit], tag: str) -> dict[str, int]:
    """Team, interviews, findings, access incidents and reprisal cases of the visits."""
    npm = list(User.objects.filter(roles__code__in=["npm_member"]).distinct().values_list("pk", flat=True))
    medical = list(User.objects.filter(roles__code="npm_medical").values_list("pk", flat=True))
    team, interviews, findings, incidents = [], [], [], []
    for visit in visits:
        members = rng.sample(npm, k=min(len(npm), 2))
        for i, user in enumerate(members):
            team.append(
                TeamMember(visit=visit, user_id=user, role=mc.TeamRole.LEADER if i == 0 else mc.TeamRole.MEMBER)
            )
        if medical and rng.random() < 0.45:
            team.append(TeamMember(visit=visit, user_id=rng.choice(medical), role=mc.TeamRole.PHYSICIAN))
        low, high = INTERVIEWS.get(visit.place.place_type, (2, 9))
        private, groups = rng.randint(low, high), rng.choice([0, 0, 1, 1, 2, 3])
        young = visit.place.place_type in (mc.PlaceType.CHILDREN_HOME, mc.PlaceType.BOARDING_SCHOOL)
        for n in range(private + groups):
            is_group = n >= private
            interviews.append(
                Interview(
                    visit=visit,
                    pseudonym=f"{'Q' if is_group else 'P'}-{visit.planned_date:%y%m%d}-{n + 1:02d}",
                    kind=mc.IntervieweeKind.DETAINEE if is_group else _weighted(rng, INTERVIEWEES)[0],
                    private=not is_group,
                    group_size=rng.randint(3, 10) if is_group else 1,
                    interpreter=rng.random() < 0.03,
                    consent_anonymised_use=rng.random() < 0.8,
                    consent_disclose_to_authority=rng.random() < 0.2,
                    reprisal_risk=rng.random() < 0.02,
                    is_minor=young and rng.random() < 0.8,
                )
            )
        visit.private_interviews, visit.group_interviews = private, groups
        for area in {_weighted(rng, AREAS)[0] for _ in range(rng.randint(1, 5))}:
            findings.append(
                Finding(
                    visit=visit,
                    area=area,
                    text=f"{tag} {FINDINGS[area]}",
                    sources=rng.sample(["observation", "document", "detainee", "staff"], k=rng.randint(1, 3)),
                    severity=rng.choice(mc.Severity.values),
                )
            )
        if rng.random() < 0.04:
            kind = rng.choice([mc.ObstructionKind.DELAYED] * 4 + [mc.ObstructionKind.PARTIAL] * 2 + ["refused"])
            incidents.append(
                AccessIncident(
                    visit=visit,
                    kind=kind,
                    minutes_lost=rng.randint(15, 120) if kind != mc.ObstructionKind.REFUSED else 0,
                    description=f"{tag} Növbətçi rəis qrupu gözlətdi, sənədlər gec təqdim edildi.",
                    protocol_reference=f"İXM-{visit.planned_date:%Y}-{rng.randint(10, 99)}"
                    if kind == mc.ObstructionKind.REFUSED
                    else "",
                )
            )
    Visit.objects.bulk_update(visits, ["private_interviews", "group_interviews", "applications_received"], 1000)
    TeamMember.objects.bulk_create(team, batch_size=2000)
    Interview.objects.bulk_create(interviews, batch_size=2000)
    Finding.objects.bulk_create(findings, batch_size=2000)
    AccessIncident.objects.bulk_create(incidents)
    at_risk = [i for i in interviews if i.reprisal_risk][:6]
    reprisals = [
        ReprisalCase(
            visit=i.visit,
            interview=i,
            pseudonym=i.pseudonym,
            measure=rng.choice(mc.ReprisalMeasure.values),
            risk=rng.choice([mc.Risk.MEDIUM, mc.Risk.HIGH]),
            status=rng.choice([mc.ReprisalStatus.CLOSED, mc.ReprisalStatus.MONITORING, mc.ReprisalStatus.ACTION_TAKEN]),
            outcome=f"{tag} Müəssisə rəhbərliyinə məktub göndərildi.",
        )
        for i in at_risk
    ]
    ReprisalCase.objects.bulk_create(reprisals)
    return {
        "interviews": len(interviews),
        "findings": len(findings),
        "incidents": len(incidents),
        "reprisals": len(reprisals),
    }


def _recommendations(rng: random.Random, year: int, visits: list[Visit], proposals: int, tag: str) -> int:
    """After-visit recommendations (issued within the year) and the annual report's proposals."""
    today = timezone.localdate()
    authorities = {a.code: a.pk for a in Authority.objects.all()}
    places_auth = dict(Place.objects.filter(pk__in={v.place_id for v in visits}).values_list("pk", "authority_id"))
    fallback = authorities.get("mia") or next(iter(authorities.values()))
    office = OrgUnit.objects.filter(code="office").first() or visits[0].unit
    staff = list(User.objects.filter(roles__code__in=["npm_member", "department_head"]).values_list("pk", flat=True))
    rows = []  # (issued_on, fields)
    for visit in visits:
        if visit.status not in (mc.VisitStatus.RECOMMENDATIONS_ISSUED, mc.VisitStatus.FOLLOW_UP, mc.VisitStatus.CLOSED):
            continue
        issued = visit.planned_date + timedelta(days=rng.randint(20, 45))
        if issued.year != year or rng.random() < 0.35:
            continue
        for _ in range(rng.randint(1, 3)):
            rows.append(
                (
                    issued,
                    {
                        "source": rc.Source.VISIT,
                        "visit_id": visit.pk,
                        "kind": rc.Kind.AFTER_VISIT,
                        "addressee_id": places_auth.get(visit.place_id) or fallback,
                        "place_type": visit.place.place_type,
                        "area": _weighted(rng, AREAS)[0],
                        "unit_id": visit.unit_id,
                        "region_id": visit.region_id,
                        "text_az": f"{tag} {rng.choice(list(FINDINGS.values()))[:-1]}: aradan qaldırılsın.",
                        "_place": visit.place_id,
                    },
                )
            )
    report_day = date(year, 3, rng.randint(1, 28))  # the report presented, its proposals sent
    codes = [code for code in PROPOSAL_ADDRESSEES if code in authorities] or list(authorities)
    for n in range(proposals):
        rows.append(
            (
                report_day + timedelta(days=rng.randint(0, 30)),
                {
                    "source": rc.Source.ANNUAL_REPORT,
                    "report_title": f"{tag} Müvəkkilin {year}-ci il üzrə illik məruzəsi",
                    "kind": rng.choice([rc.Kind.LEGISLATIVE, rc.Kind.THEMATIC]),
                    "addressee_id": authorities.get(codes[n % len(codes)], fallback),
                    "unit_id": office.pk,
                    "text_az": f"{tag} {PROPOSALS[n % len(PROPOSALS)]}",
                },
            )
        )
    rows.sort(key=lambda row: row[0])
    counter = RecommendationCounter.objects.filter(year=year).first()
    sequence = counter.last if counter else 0
    recs, chains, links = [], [], []
    for issued, fields in rows:
        sequence += 1
        place = fields.pop("_place", None)
        status = _weighted(rng, SETTLED)[0]
        lines, stance, on = _chain(status, issued, today, rng)
        recs.append(
            Recommendation(
                number=f"{year}/{sequence:04d}",
                year=year,
                sequence=sequence,
                priority=rng.choice(rc.Priority.values),
                due_date=issued + timedelta(days=183),
                status=status,
                status_changed_on=on,
                issued_on=issued,
                responsible_id=rng.choice(staff) if staff else None,
                is_published=rng.random() < 0.4,
                reminded_before_due=True,
                reminded_after_due=True,
                **fields,
            )
        )
        chains.append((lines, stance))
        links.append(place)
    Recommendation.objects.bulk_create(recs, batch_size=1000)
    RecommendationCounter.objects.update_or_create(year=year, defaults={"last": sequence})
    Through = Recommendation.places.through  # noqa: N806 - a model class
    Through.objects.bulk_create(
        [Through(recommendation_id=r.pk, place_id=p) for r, p in zip(recs, links, strict=True) if p]
    )
    responses = {}
    for rec, (lines, stance) in zip(recs, chains, strict=True):
        if stance is not None:
            on = next(line[2] for line in lines if line[4])
            responses[rec.pk] = AuthorityResponse(
                recommendation=rec, received_on=on, stance=stance, text=f"{tag} Cavab məktubu.", channel="letter"
            )
    AuthorityResponse.objects.bulk_create(list(responses.values()), batch_size=1000)
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                recommendation=rec,
                old_status=old,
                new_status=new,
                happened_on=on,
                evidence=evidence,
                response=responses[rec.pk] if by_response else None,
            )
            for rec, (lines, _stance) in zip(recs, chains, strict=True)
            for old, new, on, evidence, by_response in lines
        ],
        batch_size=1000,
    )
    return len(recs)


def _events(rng: random.Random, year: int, tag: str) -> int:
    """A few awareness events held in the year, under the year's action plan (made if missing)."""
    from ombuds.outreach import choices as oc
    from ombuds.outreach.models import ActionPlan, Attendance, Audience, Event, PlanItem, Topic

    topics, audiences = list(Topic.objects.all()[:4]), list(Audience.objects.all())
    unit = OrgUnit.objects.filter(code="dept_awareness").first() or OrgUnit.objects.order_by("pk").first()
    regions = list(OrgUnit.objects.filter(kind="regional_centre").values_list("region_id", flat=True)) or [
        unit.region_id
    ]
    if not topics or unit is None:
        return 0
    plan = ActionPlan.objects.filter(year=year).first() or ActionPlan.objects.create(
        year=year,
        title_az=f"{tag} Maarifləndirmə fəaliyyəti üzrə {year}-ci il tədbirlər planı",
        title_en=f"{tag} Awareness-raising action plan {year}",
        approved_on=date(year, 1, 20),
    )
    made = 0
    for n, topic in enumerate(topics):
        item = PlanItem.objects.create(
            plan=plan,
            topic=topic,
            planned_from=date(year, 2 + 2 * n, 1),
            planned_to=date(year, 3 + 2 * n, 28),
            region_id=regions[n % len(regions)],
            responsible_unit=unit,
            target_events=2,
            target_participants=60,
            status=oc.ItemStatus.DONE,
        )
        item.audiences.set(audiences[n : n + 2])
        for k in range(2):
            starts = datetime(year, 2 + 2 * n + k, rng.randint(3, 25), 10, 0, tzinfo=BAKU)
            event = Event.objects.create(
                plan_item=item,
                kind=rng.choice(oc.EventKind.values),
                title_az=f"{tag} {topic.name_az}: maarifləndirmə tədbiri",
                title_en=f"{tag} {topic.name_en or topic.name_az}: awareness event",
                starts_at=starts,
                ends_at=starts + timedelta(hours=3),
                host_unit=unit,
                region_id=item.region_id,
                event_format=rng.choice(oc.EventFormat.values),
                status=oc.EventStatus.HELD,
                satisfied_share=rng.randint(70, 95),
            )
            event.audiences.set(audiences[n : n + 2])
            Attendance.objects.create(
                event=event,
                organisation=f"{tag} Yerli icra hakimiyyəti",
                women=rng.randint(5, 30),
                men=rng.randint(5, 30),
            )
            made += 1
    return made

"""Synthetic applications for the demo: a few hundred across channels, units, authorities and
states, including urgent and overdue ones. Everything goes through the services, so the demo
database carries real deadlines and a real audit trail. Proportions loosely follow domain.md §8."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints import services
from ombuds.complaints.choices import ApplicantKind, Channel, Outcome, RefusalGround, Status
from ombuds.complaints.models import Application, RightTopic
from ombuds.core.deadlines import mark_overdue
from ombuds.core.models import Authority, District

# topic code -> (respondent codes, summaries an officer might type, in Azerbaijani)
CASES = {
    "police": (
        ["mia", "baku_police", "road_police"],
        [
            "Rayon polis şöbəsi oğurluq barədə şikayətimi qeydə almaqdan imtina edib.",
            "Yol polisi əməkdaşı protokolu əsassız tərtib edib, cərimə ilə razı deyiləm.",
        ],
    ),
    "execution_of_judgments": (
        ["enforcement", "district_courts"],
        [
            "Qanuni qüvvəyə minmiş məhkəmə qərarı səkkiz aydır icra olunmur.",
            "Aliment barədə qərar icra məmuru tərəfindən icra edilmir.",
        ],
    ),
    "social_protection": (
        ["mlspp", "ssa"],
        [
            "Üç aydır ki, pensiyam ödənilmir, müraciətlərimə cavab verilmir.",
            "Əlilliyə görə sosial müavinətin təyin edilməsindən imtina olunub.",
        ],
    ),
    "property": (
        ["local_executive", "sslims"],
        [
            "Torpaq sahəsinin sənədləşdirilməsi il yarımdır uzadılır.",
            "Mənzilin mülkiyyət hüququnun dövlət qeydiyyatı əsassız olaraq dayandırılıb.",
        ],
    ),
    "labour": (
        ["mlspp", "local_executive"],
        [
            "İşdən qanunsuz azad edilmişəm, əmək haqqı borcu ödənilməyib.",
        ],
    ),
    "identity_card": (
        ["sms", "mia"],
        [
            "Şəxsiyyət vəsiqəsinin verilməsi iki aydır gecikdirilir.",
        ],
    ),
    "access_to_information": (
        ["municipality", "local_executive"],
        [
            "Bələdiyyə informasiya sorğuma 7 iş günü ərzində cavab verməyib.",
        ],
    ),
    "child_rights": (
        ["mse", "local_executive"],
        [
            "Uşağımın məktəbə qəbulundan əsassız imtina edilib.",
            "Internat məktəbində uşağa qarşı zorakılıq barədə məlumat verirəm.",
        ],
    ),
    "detention_conditions": (
        ["penitentiary_service", "moj"],
        [
            "İstintaq təcridxanasında kamerada həddindən artıq sıxlıq var, tibbi yardım göstərilmir.",
            "Məhkumun həkimə müraciətləri cavabsız qalır.",
        ],
    ),
    "court_red_tape": (
        ["district_courts", "appeal_courts"],
        [
            "Məhkəmə iclası altı dəfə təxirə salınıb, iş bir ildir baxılmır.",
        ],
    ),
    "prosecutor_supervision": (
        ["local_prosecutors", "pgo"],
        [
            "Prokurorluq cinayət işinin başlanmasından imtina barədə qərarı mənə təqdim etməyib.",
        ],
    ),
}
SURNAMES = [
    "Məmmədov",
    "Əliyev",
    "Həsənov",
    "Hüseynov",
    "Quliyev",
    "İsmayılov",
    "Kərimov",
    "Abbasov",
    "Rzayev",
    "Nəsirov",
    "Babayev",
    "Cəfərov",
    "Səfərov",
    "Vəliyev",
    "Orucov",
    "Bağırov",
]
GIVEN = {
    "male": ["Elçin", "Rauf", "Tural", "Anar", "Kamal", "Vüqar", "Nicat", "Ramil"],
    "female": ["Aygün", "Nərmin", "Sevinc", "Lalə", "Günay", "Aytən", "Səbinə", "Ülkər"],
}
CHANNELS = [
    (Channel.POST, 30),
    (Channel.WALK_IN, 22),
    (Channel.REGIONAL_OFFICE, 15),
    (Channel.EMAIL, 10),
    (Channel.ONLINE, 9),
    (Channel.CALL_916, 8),
    (Channel.DURING_VISIT, 4),
    (Channel.TORTURE_HOTLINE, 1),
    (Channel.OWN_INITIATIVE, 1),
]
UNIT_BY_REGION = {"west": "rc_west", "north": "rc_north", "south": "rc_south", "northwest": "rc_northwest"}


def _pick(rng, weighted):
    return rng.choices([item for item, _ in weighted], weights=[w for _, w in weighted])[0]


def seed(stdout, count: int = 300) -> int:
    if Application.objects.exists():
        return 0
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not security
    staff = {u.username: u for u in User.objects.filter(is_active=True)}
    head, officer = staff["head.complaints"], staff["officer.baku"]
    handlers = {"rc_west": staff["officer.ganja"], "rc_northwest": staff["officer.sheki"]}
    districts = list(District.objects.exclude(region__code="nakhchivan").select_related("region"))
    topics = {t.code: t for t in RightTopic.objects.all()}
    authorities = {a.code: a for a in Authority.objects.all()}
    units = {u.code: u for u in OrgUnit.objects.all()}
    now = timezone.now()
    # Registration numbers follow the order of receipt, as in a real register.
    arrivals = sorted(now - timedelta(days=rng.randint(0, 120), hours=rng.randint(0, 9)) for _ in range(count))
    for received in arrivals:
        topic_code = rng.choice(list(CASES))
        respondent_codes, summaries = CASES[topic_code]
        district = rng.choice(districts)
        unit = units[UNIT_BY_REGION.get(district.region.code, "dept_complaints")]
        channel = _pick(rng, CHANNELS)
        if channel in (Channel.WALK_IN, Channel.REGIONAL_OFFICE):
            regional = unit.code != "dept_complaints"
            channel = Channel.REGIONAL_OFFICE if regional else Channel.WALK_IN
            unit = unit if regional else units["reception"]
        sex = rng.choice(["male", "female"])
        anonymous = rng.random() < 0.06
        app = services.register_application(
            head,
            unit=unit,
            channel=channel,
            district=district,
            received_at=received,
            summary=rng.choice(summaries),
            rights=[topics[topic_code]],
            respondents=[authorities[rng.choice(respondent_codes)]],
            applicant_kind=ApplicantKind.ANONYMOUS if anonymous else ApplicantKind.PERSON,
            applicant=None
            if anonymous
            else {
                "surname": rng.choice(SURNAMES) + ("a" if sex == "female" else ""),
                "given_name": rng.choice(GIVEN[sex]),
                "sex": sex,
                "phone": f"+994 50 {rng.randint(100, 999)} {rng.randint(10, 99)} 00",
            },
            violation_date=(received - timedelta(days=rng.randint(5, 500))).date(),
            urgent_child=topic_code == "child_rights" and rng.random() < 0.3,
            urgent_life=topic_code == "detention_conditions" and rng.random() < 0.15,
            has_evidence=rng.random() < 0.5,
            about_court_delay=topic_code in ("court_red_tape", "execution_of_judgments"),
        )
        _advance(rng, app, handlers.get(unit.code, officer), head, authorities, received, now)
    overdue = mark_overdue()
    stdout.write(f"  {count} demo applications ({overdue} deadlines overdue)")
    return count


def _advance(rng, app, handler, head, authorities, received, now) -> None:
    """Move an application along the procedure according to its age."""
    age = (now - received).days
    roll = rng.random()
    if age < 3 or roll < 0.12:
        return  # still awaiting the admissibility decision
    services.assign_application(head, app, handler)
    if roll < 0.30:
        ground = rng.choice([RefusalGround.TIME_BARRED, RefusalGround.OUTSIDE_MANDATE, RefusalGround.REPEAT])
        services.decide_admissibility(handler, app, "refuse", ground=ground, reason="Əsaslandırılmış imtina.")
        if roll < 0.22:
            services.close_application(handler, app)
        return
    if roll < 0.34:
        services.decide_admissibility(handler, app, "refer", referred_to=authorities["pgo"])
        return
    app = services.decide_admissibility(handler, app, "accept")
    if rng.random() < 0.5:
        services.send_info_request(
            handler,
            app,
            addressee=app.respondents.first(),
            basis="general",
            questions="Müraciətdə göstərilən hallar barədə məlumat verməyinizi xahiş edirik.",
        )
    if age < 25 or rng.random() < 0.35:
        return  # under consideration (some of them past the 30 days: overdue)
    if rng.random() < 0.45:
        services.add_measure(
            handler,
            app,
            kind="letter",
            addressee=app.respondents.first(),
            text="Pozulmuş hüquqların bərpası üçün tədbir görülməsi xahiş olunur.",
        )
        outcome = Outcome.VIOLATION_FOUND
    else:
        outcome = rng.choice([Outcome.NOT_CONFIRMED, Outcome.RIGHTS_RESTORED, Outcome.EXPLANATION])
    app = services.conclude_application(handler, app, outcome, rights_restored=outcome == Outcome.RIGHTS_RESTORED)
    if rng.random() < 0.8:
        app = services.notify_applicant(handler, app)
        if app.status == Status.APPLICANT_NOTIFIED and rng.random() < 0.7:
            services.close_application(handler, app)

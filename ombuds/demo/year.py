"""A synthetic year whose headline figures are the published ones (`seed_demo --year 2023`).

The annual report of 2023 gave 29,411 appeals, 347 visits to places of deprivation of liberty and
76 proposals (reports-and-portal.md §2.2, source R23; domain.md §8). This module writes a year of
records that the reports' measures count to exactly those figures, with realistic breakdowns
behind them, so that the annual and NPM reports of the demo read like real ones. Everything else
is invented and says so: each free text starts with "[synthetic 2023]".

2022 is the year before in the reports (the N−1 column): its 201 visits are published (R22); its
appeals, calls and proposals are not, and the figures here are synthetic.

Rows are written in bulk (like complaints/generate.py): no services, no audit events, no
deadlines, no notifications. They keep the models' constraints and the apps' rules: registration
numbers in order of receipt with the register's counters raised past them (and the
recommendations' counter), statuses reached through their dated steps, unannounced visits no
longer secret once the team arrived. Refused in production (by the command).
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints import choices as c
from ombuds.complaints import demo as complaints_demo
from ombuds.complaints.models import Application, Call, Measure, Party, RegisterCounter, RightTopic, SearchToken
from ombuds.complaints.tokens import name_key, tokens_for
from ombuds.core.models import Authority, District
from ombuds.demo import year_npm

BAKU = ZoneInfo("Asia/Baku")


@dataclass(frozen=True)
class Figures:
    applications: int
    visits: int
    proposals: int
    calls: int
    source: str


# Headline figures per year: published ones with their source, the rest synthetic (and said so).
FIGURES = {
    2023: Figures(
        applications=29411,  # R23
        visits=347,  # R23
        proposals=76,  # R23
        calls=9120,  # synthetic: 4,477 calls in one half-year (R916), the year not stated
        source="appeals 29,411, visits 347, proposals 76: annual report 2023 (reports-and-portal.md §2.2, R23); "
        "916 calls 9,120: synthetic",
    ),
    2022: Figures(
        applications=27836,  # synthetic
        visits=201,  # R22
        proposals=64,  # synthetic
        calls=8310,  # synthetic
        source="visits 201: NPM 2022 (reports-and-portal.md §2.2, R22); appeals 27,836, proposals 64, "
        "916 calls 8,310: synthetic",
    ),
}


def marker(year: int) -> str:
    return f"[synthetic {year}]"


# Fewer appeals in January and August, more in spring and autumn.
MONTH_WEIGHTS = [7, 8, 9, 9, 9, 8, 8, 6, 9, 10, 9, 8]
TYPES = [
    (c.ApplicationType.COMPLAINT, 796),
    (c.ApplicationType.PETITION, 115),
    (c.ApplicationType.INFORMATION, 88),
    (c.ApplicationType.PROPOSAL, 1),
]
# The issues of 2023 (R23: ID cards, residence registration, deactivated FIN, travel bans) first.
TOPICS = {
    "identity_card": (12, ["sms", "mia", "asan"]),
    "residence_registration": (10, ["mia", "sms", "local_executive"]),
    "deactivated_id_number": (8, ["mia", "sts", "asan"]),
    "travel_ban": (7, ["sms", "enforcement", "mia"]),
    "property": (9, ["local_executive", "sslims", "municipality"]),
    "execution_of_judgments": (6, ["enforcement", "district_courts"]),
    "court_red_tape": (4, ["district_courts", "appeal_courts"]),
    "police": (7, ["mia", "baku_police", "road_police"]),
    "prosecutor_supervision": (3, ["local_prosecutors", "pgo"]),
    "labour": (6, ["mlspp", "local_executive"]),
    "social_protection": (9, ["mlspp", "ssa", "sspf"]),
    "child_rights": (3, ["mse", "local_executive"]),
    "disability": (3, ["mlspp", "moh"]),
    "detention_conditions": (4, ["penitentiary_service", "moj"]),
    "access_to_lawyer": (1, ["mia", "moj"]),
    "access_to_information": (2, ["municipality", "local_executive"]),
    "equality": (1, ["local_executive", "mlspp"]),
    "other": (5, ["local_executive", "cabinet"]),
}
SUMMARIES = {
    "identity_card": "Şəxsiyyət vəsiqəsinin verilməsi gecikdirilir.",
    "residence_registration": "Yaşayış yeri üzrə qeydiyyata alınmaqdan imtina edilib.",
    "deactivated_id_number": "Fərdi identifikasiya nömrəsi (FİN) əsassız olaraq deaktiv edilib.",
    "travel_ban": "Ölkədən çıxış hüququ əsassız məhdudlaşdırılıb.",
    "labour": "İşdən qanunsuz azad edilmişəm, əmək haqqı borcu ödənilməyib.",
    "disability": "Əlillik dərəcəsinin təyin edilməsindən imtina olunub.",
    "access_to_lawyer": "Saxlanılan şəxsə vəkil ilə görüşməyə imkan verilmir.",
    "equality": "İşə qəbulda ayrı-seçkiliyə məruz qalmışam.",
    "other": "Müraciətimə dövlət orqanı tərəfindən cavab verilmir.",
}
# What became of an appeal: refused, referred, or considered to an outcome.
DISPOSITION = [("refused", 30), ("referred", 12), ("considered", 58)]
GROUNDS = [
    (c.RefusalGround.OUTSIDE_MANDATE, 45),
    (c.RefusalGround.TIME_BARRED, 16),
    (c.RefusalGround.COURT_PENDING, 15),
    (c.RefusalGround.REPEAT, 18),
    (c.RefusalGround.ANONYMOUS, 6),
]
OUTCOMES = [
    (c.Outcome.EXPLANATION, 35),
    (c.Outcome.RIGHTS_RESTORED, 22),
    (c.Outcome.VIOLATION_FOUND, 18),
    (c.Outcome.NOT_CONFIRMED, 18),
    (c.Outcome.WITHDRAWN, 5),
    (c.Outcome.DISCONTINUED_COURT, 2),
]
SEXES = [(c.Sex.MALE, 54), (c.Sex.FEMALE, 44), (c.Sex.UNKNOWN, 2)]
CITIZENSHIPS = [
    (c.Citizenship.AZ, 965),
    (c.Citizenship.FOREIGN, 20),
    (c.Citizenship.STATELESS, 5),
    (c.Citizenship.UNKNOWN, 10),
]
KINDS = [(c.ApplicantKind.PERSON, 91), (c.ApplicantKind.LEGAL_ENTITY, 3), (c.ApplicantKind.ANONYMOUS, 6)]
REGIONAL = {"west": "rc_west", "north": "rc_north", "south": "rc_south", "northwest": "rc_northwest"}


def _weighted(rng: random.Random, pairs, k: int = 1) -> list:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs], k=k)


def _moments(rng: random.Random, year: int, count: int, weights=MONTH_WEIGHTS) -> list[datetime]:
    """`count` instants in `year` (Baku time), by month weights, in order, in office hours mostly."""
    months = _weighted(rng, list(zip(range(1, 13), weights, strict=True)), count)
    out = []
    for month in months:
        first = date(year, month, 1)
        days = ((first.replace(month=month + 1) if month < 12 else date(year + 1, 1, 1)) - first).days
        day = first + timedelta(days=rng.randrange(days))
        hour = rng.randint(9, 17) if rng.random() < 0.9 else rng.randint(0, 23)
        out.append(datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60), tzinfo=BAKU))
    return sorted(out)


def existing(year: int) -> dict[str, int]:
    """What the year holds already, counted by the headline's measures (by the same rules when a
    measure is not registered)."""
    from ombuds.recommendations.models import Recommendation
    from ombuds.reports.measures import REGISTRY, Period

    def measured(key: str, fallback) -> int:
        return REGISTRY[key].compute(Period.year(year))["total"] if key in REGISTRY else fallback()

    start = datetime(year, 1, 1, tzinfo=BAKU)
    end = datetime(year + 1, 1, 1, tzinfo=BAKU)
    return {
        "applications": measured(
            "applications.total",
            lambda: Application.objects.filter(received_at__gte=start, received_at__lt=end).count(),
        ),
        "visits": measured("visits.total", lambda: year_npm.visits_in(year).count()),
        "proposals": measured(
            "recommendations.proposals",
            lambda: (
                Recommendation.objects.issued().filter(source="annual_report", issued_on__year=year, year=year).count()
            ),
        ),
    }


def is_there(year: int) -> bool:
    """The synthetic year was generated already (its calls carry the marker)."""
    return Call.objects.filter(note__startswith=marker(year)).exists()


class YearNotEmpty(Exception):
    """The year holds records already: a synthetic one added to them would not give its figures."""


def generate_year(year: int, *, scale: float = 1.0, seed: int | None = None, out=sys.stderr) -> dict[str, int]:
    """Write the synthetic `year` and return what was made. `scale` < 1 makes a smaller year (the
    unit tests): every headline figure is multiplied by it and rounded."""
    figures = FIGURES[year]
    held = existing(year)
    if any(held.values()):
        raise YearNotEmpty(
            f"{year} already holds {held['applications']} appeals, {held['visits']} visits and "
            f"{held['proposals']} proposals: a synthetic year added to them would not give the published figures."
        )
    rng = random.Random(seed if seed is not None else year)  # noqa: S311 - synthetic data, not security
    target = {
        name: max(1, round(getattr(figures, name) * scale)) for name in ("applications", "visits", "proposals", "calls")
    }
    started = time.monotonic()
    with transaction.atomic():
        apps = _applications(rng, year, target["applications"])
        made = {"applications": len(apps), "calls": _calls(rng, year, target["calls"], apps)}
        out.write(
            f"  {year}: {made['applications']} appeals, {made['calls']} calls ({time.monotonic() - started:.1f} s)\n"
        )
        made.update(year_npm.generate(rng, year, visits=target["visits"], proposals=target["proposals"], apps=apps))
    out.write(f"  {year}: done in {time.monotonic() - started:.1f} s\n")
    return made


def _units() -> tuple[dict[str, OrgUnit], OrgUnit]:
    units = {u.code: u for u in OrgUnit.objects.all()}
    fallback = units.get("dept_complaints") or next((u for u in units.values() if u.kind == "hq_department"), None)
    if fallback is None:
        raise ValueError("the register needs the institution's units (migrate first)")
    return units, fallback


def _applications(rng: random.Random, year: int, count: int) -> list[Application]:
    """The appeals of the year with their applicants, respondents, rights and search tokens."""
    units, fallback = _units()
    districts = list(District.objects.exclude(region__code="nakhchivan").select_related("region"))
    topics = {t.code: t.pk for t in RightTopic.objects.all()}
    topic_weights = [(code, w) for code, (w, _) in TOPICS.items() if code in topics] or [(code, 1) for code in topics]
    authorities = {a.code: a.pk for a in Authority.objects.all()}
    any_authority = list(authorities.values())
    handlers: dict[int, list[int]] = {}
    for user in User.objects.filter(roles__code__in=["complaints_officer", "regional_officer"]).distinct():
        handlers.setdefault(user.org_unit_id, []).append(user.pk)
    counters = {(r.year, r.unit_id): r.last for r in RegisterCounter.objects.filter(year=year)}
    tag = marker(year)
    apps, parties, respondents, rights = [], [], [], []
    for received in _moments(rng, year, count):
        district = rng.choice(districts)
        channel = _weighted(rng, complaints_demo.CHANNELS)[0]
        regional = units.get(REGIONAL.get(district.region.code, ""))
        if channel in (c.Channel.WALK_IN, c.Channel.REGIONAL_OFFICE):
            channel = c.Channel.REGIONAL_OFFICE if regional else c.Channel.WALK_IN
            unit = regional or units.get("reception", fallback)
        elif channel == c.Channel.CALL_916:
            unit = units.get("call916", fallback)
        else:
            unit = regional if regional and rng.random() < 0.5 else fallback
        key = (year, unit.pk)
        counters[key] = counters.get(key, 0) + 1
        topic = _weighted(rng, topic_weights)[0]
        codes = [code for code in TOPICS.get(topic, (0, []))[1] if code in authorities]
        resp = [authorities[rng.choice(codes)] if codes else rng.choice(any_authority)]
        if rng.random() < 0.15:
            resp.append(rng.choice(any_authority))
        kind = _weighted(rng, KINDS)[0]
        secret = rng.random() < 0.005
        party = None if kind == c.ApplicantKind.ANONYMOUS else _party(rng, kind, district, secret)
        app = Application(
            number=f"{year}/{unit.number_prefix or unit.code}/{counters[key]:05d}",
            year=year,
            sequence=counters[key],
            unit=unit,
            channel=channel,
            app_type=_weighted(rng, TYPES)[0],
            received_at=received,
            applicant_kind=kind,
            summary=f"{tag} {SUMMARIES.get(topic) or _case_summary(rng, topic)}",
            district=district,
            region_id=district.region_id,
            violation_date=(received - timedelta(days=rng.randint(3, 420))).date(),
            has_evidence=rng.random() < 0.55,
            about_court_delay=topic in ("court_red_tape", "execution_of_judgments"),
            court_status=c.CourtStatus.DECIDED if topic == "execution_of_judgments" else c.CourtStatus.NONE,
            from_detention=topic == "detention_conditions" or channel == c.Channel.DURING_VISIT,
            urgent_life=topic == "detention_conditions" and rng.random() < 0.05,
            urgent_child=topic == "child_rights" and rng.random() < 0.1,
            is_secret=secret,
            sensitivity=c.Sensitivity.HIGHLY_SENSITIVE if secret else c.Sensitivity.NORMAL,
            in_intake=False,
        )
        _dispose(rng, app, handlers.get(unit.pk), resp[0])
        apps.append(app)
        parties.append(party)
        respondents.append(resp)
        rights.append([topics[topic]] + ([rng.choice(list(topics.values()))] if rng.random() < 0.2 else []))
    Party.objects.bulk_create([p for p in parties if p is not None], batch_size=2000)
    for app, party in zip(apps, parties, strict=True):
        app.applicant = party
    Application.objects.bulk_create(apps, batch_size=2000)
    Through, RightsThrough = Application.respondents.through, Application.rights.through  # noqa: N806
    Through.objects.bulk_create(
        [
            Through(application_id=a.pk, authority_id=r)
            for a, rs in zip(apps, respondents, strict=True)
            for r in set(rs)
        ],
        batch_size=5000,
    )
    RightsThrough.objects.bulk_create(
        [
            RightsThrough(application_id=a.pk, righttopic_id=t)
            for a, ts in zip(apps, rights, strict=True)
            for t in set(ts)
        ],
        batch_size=5000,
    )
    SearchToken.objects.bulk_create(
        [t for a, p, rs in zip(apps, parties, respondents, strict=True) for t in tokens_for(a, [p], rs)],
        batch_size=5000,
    )
    # A letter to the authority for every violation found (the measures taken, table A7).
    Measure.objects.bulk_create(
        [
            Measure(
                application=a,
                kind=c.MeasureKind.LETTER,
                addressee_id=rs[0],
                text=f"{tag} Pozulmuş hüquqların bərpası üçün tədbir görülməsi xahiş olunur.",
                taken_at=a.concluded_at,
            )
            for a, rs in zip(apps, respondents, strict=True)
            if a.outcome == c.Outcome.VIOLATION_FOUND
        ],
        batch_size=2000,
    )
    for (y, unit_id), last in counters.items():
        RegisterCounter.objects.update_or_create(year=y, unit_id=unit_id, defaults={"last": last})
    return apps


def _case_summary(rng: random.Random, topic: str) -> str:
    case = complaints_demo.CASES.get(topic)
    return rng.choice(case[1]) if case else SUMMARIES["other"]


def _party(rng: random.Random, kind: str, district: District, secret: bool) -> Party:
    if kind == c.ApplicantKind.LEGAL_ENTITY:
        party = Party(kind=kind, organisation=f"{rng.choice(complaints_demo.SURNAMES)} MMC", district=district)
    else:
        sex = _weighted(rng, SEXES)[0]
        given = complaints_demo.GIVEN["female" if sex == c.Sex.FEMALE else "male"]
        surname = rng.choice(complaints_demo.SURNAMES) + ("a" if sex == c.Sex.FEMALE else "")
        age = min(95, max(14, int(rng.gauss(47, 15))))
        party = Party(
            kind=kind,
            surname=surname,
            given_name=rng.choice(given),
            sex=sex,
            citizenship=_weighted(rng, CITIZENSHIPS)[0],
            birth_date=date(2023 - age, rng.randint(1, 12), rng.randint(1, 28)),
            is_minor=age < 18,
            district=district,
        )
    party.is_secret = secret
    party.name_key = name_key(party)
    return party


def _dispose(rng: random.Random, app: Application, handlers: list[int] | None, respondent: int) -> None:
    """The appeal's way through the procedure, with its dated steps (decisions after the end of the
    year stay pending at the year's end, as in a real register)."""
    received = app.received_at
    app.assignee_id = rng.choice(handlers) if handlers else None
    app.decided_at = received + timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 6))
    way = _weighted(rng, DISPOSITION)[0]
    if way == "refused" or (app.applicant_kind == c.ApplicantKind.ANONYMOUS and rng.random() < 0.6):
        grounds = GROUNDS if app.applicant_kind == c.ApplicantKind.ANONYMOUS else GROUNDS[:-1]
        app.refusal_ground = _weighted(rng, grounds)[0]
        app.decision_reason = "Əsaslandırılmış imtina."
        app.closed_at = app.decided_at + timedelta(days=rng.randint(1, 6))
        app.status = c.Status.CLOSED
        return
    if way == "referred":
        app.referred_to_id = respondent
        app.closed_at = app.decided_at + timedelta(days=rng.randint(1, 10))
        app.status = c.Status.CLOSED
        return
    app.outcome = _weighted(rng, OUTCOMES)[0]
    app.rights_restored = app.outcome == c.Outcome.RIGHTS_RESTORED
    app.concluded_at = app.decided_at + timedelta(days=rng.randint(7, 58))
    if rng.random() < 0.01:  # a few still being examined long after (court, experts)
        app.outcome, app.rights_restored, app.concluded_at = "", False, None
        app.status = c.Status.UNDER_CONSIDERATION
        return
    app.notified_at = app.concluded_at + timedelta(days=rng.randint(1, 9))
    app.status = c.Status.APPLICANT_NOTIFIED
    if rng.random() < 0.95:
        app.closed_at = app.notified_at + timedelta(days=rng.randint(0, 5))
        app.status = c.Status.CLOSED


def _calls(rng: random.Random, year: int, count: int, apps: list[Application]) -> int:
    """The 916 calls of the year; the appeals that came through 916 are the calls registered as one."""
    topics = {t.code: t.pk for t in RightTopic.objects.all()}
    weights = [(code, w) for code, (w, _) in TOPICS.items() if code in topics] or [(code, 1) for code in topics]
    districts = list(District.objects.exclude(region__code="nakhchivan").values_list("pk", flat=True))
    operators = list(
        User.objects.filter(roles__code="intake_operator", org_unit__code="call916").values_list("pk", flat=True)
    )
    by_916 = [a for a in apps if a.channel == c.Channel.CALL_916]
    tag = marker(year)
    calls = []
    for app in by_916[:count]:
        calls.append(
            Call(
                received_at=app.received_at - timedelta(minutes=rng.randint(1, 20)),
                topic_id=rng.choice(list(topics.values())),
                district_id=app.district_id,
                note=f"{tag} Müraciət kimi qeydə alındı.",
                application=app,
                created_by_id=rng.choice(operators) if operators else None,
            )
        )
    for received in _moments(rng, year, max(0, count - len(calls))):
        calls.append(
            Call(
                received_at=received,
                topic_id=topics[_weighted(rng, weights)[0]],
                district_id=rng.choice(districts) if rng.random() < 0.8 else None,
                urgent=rng.random() < 0.01,
                note=f"{tag} Hüquqi məsləhət verildi."
                if rng.random() < 0.8
                else f"{tag} Aidiyyəti üzrə yönləndirildi.",
                created_by_id=rng.choice(operators) if operators else None,
            )
        )
    # A call made in the first minutes of the year for an appeal registered then stays in the year.
    for call in calls:
        call.received_at = max(call.received_at, datetime(year, 1, 1, tzinfo=BAKU))
    Call.objects.bulk_create(calls, batch_size=2000)
    return len(calls)

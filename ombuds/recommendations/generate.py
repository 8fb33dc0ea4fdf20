"""Bulk synthetic recommendations for load tests (`manage.py generate_data --recommendations N`).

Like the register's and the visits' generators: direct bulk inserts (COPY on PostgreSQL, through
core.imports' `insert`) — no services, no audit events, no deadlines, no notifications — so that
500,000 recommendations take minutes. Refused in production (see the command).

The rows keep the rules the services keep, so that pages and rates read them as real ones: numbers
per year in order of issue (the year's counter raised past them), a dated history from "issued" to
the status with the evidence each step rests on (implemented only through a verification source,
accepted, rejected and "reported implemented" only through the authority's response, which is
stored), a due date six months after issue unless set by hand with a reason, repeats only of an
earlier recommendation not or partly implemented. Older recommendations are mostly settled, recent
ones mostly open; the addressees differ in how often they implement, so the rates differ.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from ombuds.accounts.choices import OrgUnitKind
from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints.models import Application, RightTopic
from ombuds.core.imports import allocate_ids, insert, maker
from ombuds.core.models import Authority
from ombuds.monitoring.choices import ThematicArea
from ombuds.monitoring.models import Place, Visit
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import AuthorityResponse, Recommendation, RecommendationCounter, StatusChange

S, E = c.Status, c.Evidence
SOURCES = [
    (c.Source.VISIT, 70),
    (c.Source.APPLICATION, 10),
    (c.Source.THEMATIC_REPORT, 12),
    (c.Source.ANNUAL_REPORT, 8),
]
# Final statuses of a recommendation issued more than two years ago, and of a recent one.
SETTLED = [
    (S.IMPLEMENTED, 34),
    (S.PARTIALLY_IMPLEMENTED, 16),
    (S.NOT_IMPLEMENTED, 18),
    (S.REJECTED, 6),
    (S.NO_RESPONSE, 6),
    (S.NO_LONGER_RELEVANT, 8),
    (S.IN_PROGRESS, 6),
    (S.ACCEPTED, 4),
    (S.REPORTED_IMPLEMENTED, 2),
]
RECENT = [
    (S.DRAFT, 3),
    (S.ISSUED, 18),
    (S.ACCEPTED, 16),
    (S.REJECTED, 6),
    (S.NO_RESPONSE, 8),
    (S.IN_PROGRESS, 18),
    (S.REPORTED_IMPLEMENTED, 8),
    (S.IMPLEMENTED, 10),
    (S.PARTIALLY_IMPLEMENTED, 6),
    (S.NOT_IMPLEMENTED, 5),
    (S.NO_LONGER_RELEVANT, 2),
]
# The response each status passed through (None: none recorded).
RESPONSE_OF = {
    S.ACCEPTED: c.Stance.ACCEPTS,
    S.REJECTED: c.Stance.REJECTS,
    S.IN_PROGRESS: c.Stance.PROGRESS,
    S.REPORTED_IMPLEMENTED: c.Stance.IMPLEMENTED,
    S.IMPLEMENTED: c.Stance.ACCEPTS,
    S.PARTIALLY_IMPLEMENTED: c.Stance.PROGRESS,
    S.NOT_IMPLEMENTED: c.Stance.ACCEPTS,
}
OUTCOME_EVIDENCE = [E.FOLLOW_UP_VISIT, E.FOLLOW_UP_VISIT, E.DOCUMENT]
WORDS = (
    "təcridxana kamera duş otağı işıqlandırma havalandırma tibbi müayinə həkim feldşer qeydiyyat jurnalı "
    "vəkil ailə əlaqə gəzinti qidalanma yataq dəsti şikayət qutusu video müşahidə tərcüməçi psixoloq "
    "təlim əməkdaşlar sıxlıq təmir isitmə su təchizatı kitabxana idman məşğulluq təhsil"
).split()
TEXT_EN = "Repair the shower block and ensure that every detainee is examined by a doctor on admission."
TEXT_RU = "Отремонтировать душевую и обеспечить осмотр каждого поступающего врачом."


def _weighted(rng, pairs, k):
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs], k=k)


def _chain(status: str, issued_on: date, today: date, rng) -> tuple[list[tuple], str | None, date]:
    """The history lines (old, new, on, evidence, by the response) from issue to `status`, the
    stance of the response it passed through, and the day of the last step."""
    lines = [(S.DRAFT, S.ISSUED, issued_on, E.STAFF_DECISION, False)]
    stance = RESPONSE_OF.get(status)
    room = max((today - issued_on).days, 2)
    current, on = S.ISSUED, issued_on
    if status == S.NO_RESPONSE:
        lines.append((S.ISSUED, S.NO_RESPONSE, issued_on + timedelta(days=min(31, room)), E.CLOCK, False))
        return lines, None, lines[-1][2]
    if stance is not None:
        on = issued_on + timedelta(days=rng.randint(1, min(60, room - 1)))
        current = c.STANCE_STATUS[stance]
        lines.append((S.ISSUED, current, on, E.AUTHORITY_RESPONSE, True))
    if status != current:
        evidence = rng.choice(OUTCOME_EVIDENCE) if status in c.ASSESSED else E.STAFF_DECISION
        later = on + timedelta(days=rng.randint(1, max(1, min(400, (today - on).days))))
        lines.append((current, status, min(later, today), evidence, False))
    return lines, stance, lines[-1][2]


def generate_recommendations(count: int, *, batch: int = 5000, years: int = 15, seed: int = 7, out=sys.stderr) -> int:
    rng = random.Random(seed + 2)  # noqa: S311 - synthetic data, not security
    today = timezone.localdate()
    authorities = list(Authority.objects.values_list("pk", flat=True))
    # Some addressees implement far more than others: each gets its own share of implemented.
    keen = {pk: rng.random() for pk in authorities}
    places = list(Place.objects.values_list("pk", "place_type", "region_id")[:50000])
    visits = list(
        Visit.objects.exclude(arrival_at=None).values_list(
            "pk", "place_id", "unit_id", "region_id", "place__place_type"
        )[:200000]
    )
    applications = list(
        Application.objects.filter(status__in=["concluded", "applicant_notified", "closed"]).values_list(
            "pk", "unit_id", "region_id"
        )[:50000]
    )
    rights = list(RightTopic.objects.values_list("pk", flat=True)) or [None]
    units = {u.kind: u.pk for u in OrgUnit.objects.filter(kind__in=[OrgUnitKind.NPG, OrgUnitKind.HQ_DEPARTMENT])}
    npg = units.get(OrgUnitKind.NPG) or OrgUnit.objects.values_list("pk", flat=True).first()
    office = units.get(OrgUnitKind.HQ_DEPARTMENT, npg)
    staff = list(User.objects.filter(is_active=True, org_unit__isnull=False).values_list("pk", flat=True)[:500]) or [
        None
    ]
    span = 365 * years
    days = sorted(today - timedelta(days=rng.randint(1, span)) for _ in range(count))
    counters = dict(RecommendationCounter.objects.values_list("year", "last"))
    repeatable: list[tuple[int, str]] = []  # (id, number) of earlier ones not or partly implemented
    new_rec, new_change, new_response = maker(Recommendation), maker(StatusChange), maker(AuthorityResponse)
    Through = Recommendation.places.through  # noqa: N806 - a model class
    started, done = time.monotonic(), 0
    while done < count:
        chunk = days[done : done + batch]
        sources = _weighted(rng, SOURCES, len(chunk))
        recs, chains, links = [], [], []
        for issued_on, source in zip(chunk, sources, strict=True):
            addressee = rng.choice(authorities)
            settled = (today - issued_on).days > 730
            status = _weighted(rng, SETTLED if settled else RECENT, 1)[0]
            # The response term is a month: before it runs out a silent one is still awaited, after
            # it the periodic job has marked it "no response".
            if status in (S.ISSUED, S.NO_RESPONSE):
                status = S.ISSUED if (today - issued_on).days <= 31 else S.NO_RESPONSE
            if status in (S.PARTIALLY_IMPLEMENTED, S.NOT_IMPLEMENTED) and rng.random() < keen[addressee]:
                status = S.IMPLEMENTED
            counters[issued_on.year] = counters.get(issued_on.year, 0) + 1
            sequence = counters[issued_on.year]
            visit_id = application_id = region_id = None
            rec_places, place_type, unit_id, title = [], "", office, ""
            if source == c.Source.VISIT and visits:
                visit_id, place_id, unit_id, region_id, place_type = rng.choice(visits)
                rec_places = [place_id]
            elif source == c.Source.APPLICATION and applications:
                application_id, unit_id, region_id = rng.choice(applications)
            else:
                source = rng.choice([c.Source.THEMATIC_REPORT, c.Source.ANNUAL_REPORT])
                title = f"Məruzə {issued_on.year}"
                if places and rng.random() < 0.5:
                    picked = rng.sample(places, k=min(len(places), rng.randint(1, 3)))
                    rec_places = [p[0] for p in picked]
                    place_type = picked[0][1]
            draft = status == S.DRAFT
            lines, stance, on = ([], None, issued_on) if draft else _chain(status, issued_on, today, rng)
            by_hand = rng.random() < 0.1
            due = issued_on + timedelta(days=rng.randint(20, 120) if by_hand else 183)
            repeats = None
            if repeatable and rng.random() < 0.05:
                repeats = rng.choice(repeatable)[0]
            recs.append(
                new_rec(
                    number=f"{issued_on.year}/{sequence:04d}",
                    year=issued_on.year,
                    sequence=sequence,
                    source=source,
                    visit_id=visit_id,
                    application_id=application_id,
                    report_title=title,
                    addressee_id=addressee,
                    place_type=place_type,
                    area=rng.choice(ThematicArea.values),
                    right_id=rng.choice(rights),
                    kind=c.Kind.AFTER_VISIT if visit_id else rng.choice([c.Kind.THEMATIC, c.Kind.LEGISLATIVE]),
                    priority=rng.choice(c.Priority.values),
                    text_az=" ".join(rng.sample(WORDS, 10)).capitalize() + ".",
                    text_en=TEXT_EN if rng.random() < 0.5 else "",
                    text_ru=TEXT_RU if rng.random() < 0.3 else "",
                    due_date=None if draft else due,
                    due_set_by_hand=by_hand and not draft,
                    due_reason="Razılaşdırılmış müddət" if by_hand and not draft else "",
                    repeats_id=repeats,
                    status=status,
                    status_changed_on=on,
                    issued_on=None if draft else issued_on,
                    responsible_id=rng.choice(staff),
                    unit_id=unit_id or npg,
                    region_id=region_id,
                    is_published=not draft and rng.random() < 0.2,
                    reminded_before_due=not draft and due < today,
                    reminded_after_due=not draft and due < today,
                )
            )
            chains.append((lines, stance))
            links.append(rec_places)
        with transaction.atomic():
            for rec, pk in zip(recs, allocate_ids(Recommendation, len(recs)), strict=False):
                rec.pk = pk
            insert(Recommendation, recs)
            insert(
                Through,
                [Through(recommendation_id=r.pk, place_id=p) for r, ps in zip(recs, links, strict=True) for p in ps],
            )
            responses = {}
            for rec, (lines, stance) in zip(recs, chains, strict=True):
                if stance is not None:
                    on = next(line[2] for line in lines if line[4])
                    responses[rec.pk] = new_response(
                        recommendation_id=rec.pk, received_on=on, stance=stance, text="Cavab məktubu.", channel="letter"
                    )
            objs = list(responses.values())
            for response, pk in zip(objs, allocate_ids(AuthorityResponse, len(objs)), strict=False):
                response.pk = pk
            insert(AuthorityResponse, objs)
            insert(
                StatusChange,
                [
                    new_change(
                        recommendation_id=rec.pk,
                        old_status=old,
                        new_status=new,
                        happened_on=on,
                        evidence=evidence,
                        response_id=responses[rec.pk].pk if by_response else None,
                    )
                    for rec, (lines, _stance) in zip(recs, chains, strict=True)
                    for old, new, on, evidence, by_response in lines
                ],
            )
        repeatable.extend((r.pk, r.number) for r in recs if r.status in c.REPEATABLE)
        done += len(chunk)
        rate = done / max(time.monotonic() - started, 1e-6)
        out.write(f"\r[{'#' * int(30 * done / count):<30}] {done}/{count} recommendations, {rate:,.0f}/s")
        out.flush()
    out.write("\n")
    with transaction.atomic():
        for year, last in counters.items():
            RecommendationCounter.objects.update_or_create(year=year, defaults={"last": last})
    return done

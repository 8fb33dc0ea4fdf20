"""Bulk synthetic places of detention and visits for load tests (`manage.py generate_data`).

Like the register's generator (complaints/generate.py): direct bulk inserts — no services, no
audit events, no teams, no deadlines — so that 50,000 places and 200,000 visits take a minute.
Refused in production (see the command). Proportions loosely follow domain.md: police divisions
and temporary detention are most of the places; most visits are long closed; an unannounced
visit stays secret until the team arrives, as the services keep it.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from ombuds.accounts.choices import OrgUnitKind
from ombuds.accounts.models import OrgUnit
from ombuds.core.models import Authority, District
from ombuds.monitoring import choices as c
from ombuds.monitoring.models import Place, Visit

BAKU = ZoneInfo("Asia/Baku")
PLACE_TYPES = [
    (c.PlaceType.POLICE_DIVISION, 40),
    (c.PlaceType.TEMPORARY_DETENTION, 15),
    (c.PlaceType.PENITENTIARY, 6),
    (c.PlaceType.PRETRIAL_ISOLATOR, 3),
    (c.PlaceType.MILITARY_GUARDHOUSE, 10),
    (c.PlaceType.PSYCHIATRIC_HOSPITAL, 3),
    (c.PlaceType.PSYCHONEUROLOGICAL_HOME, 2),
    (c.PlaceType.SOCIAL_CARE_HOME, 8),
    (c.PlaceType.CHILDREN_HOME, 6),
    (c.PlaceType.BOARDING_SCHOOL, 5),
    (c.PlaceType.JUVENILE_FACILITY, 1),
    (c.PlaceType.MIGRANT_CENTRE, 1),
]
VISIT_STATUSES = [
    (c.VisitStatus.PLANNED, 3),
    (c.VisitStatus.PREPARED, 1),
    (c.VisitStatus.IN_PROGRESS, 1),
    (c.VisitStatus.REPORT_DRAFT, 2),
    (c.VisitStatus.REPORT_FINAL, 2),
    (c.VisitStatus.FOLLOW_UP, 3),
    (c.VisitStatus.CLOSED, 80),
    (c.VisitStatus.CANCELLED, 8),
]
VISIT_TYPES = [
    (c.VisitType.IN_DEPTH, 30),
    (c.VisitType.THEMATIC, 15),
    (c.VisitType.FOLLOW_UP, 20),
    (c.VisitType.AD_HOC, 25),
    (c.VisitType.REACTIVE, 10),
]
# Before arrival (or never: cancelled) a visit has no arrival time.
NOT_ARRIVED = {c.VisitStatus.PLANNED, c.VisitStatus.PREPARED, c.VisitStatus.CANCELLED}


def _weighted(rng, pairs, k):
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs], k=k)


def _progress(out, what: str, done: int, count: int, started: float) -> None:
    rate = done / max(time.monotonic() - started, 1e-6)
    out.write(f"\r[{'#' * int(30 * done / count):<30}] {done}/{count} {what}, {rate:,.0f}/s")
    out.flush()


def generate_places(count: int, *, batch: int = 5000, seed: int = 7, out=sys.stderr) -> int:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    districts = list(District.objects.all())
    authorities = list(Authority.objects.values_list("pk", flat=True)) or [None]
    types = dict(c.PlaceType.choices)
    first = Place.objects.count() + 1
    started, done = time.monotonic(), 0
    while done < count:
        size = min(batch, count - done)
        kinds = _weighted(rng, PLACE_TYPES, size)
        places = []
        for i, kind in enumerate(kinds, start=first + done):
            district = rng.choice(districts)
            label = str(types[kind])
            places.append(
                Place(
                    name_az=f"{district.name_az} — {label} № {i}",
                    name_en=f"{district.name_en or district.name_az} — {label} No. {i}",
                    place_type=kind,
                    authority_id=rng.choice(authorities),
                    district=district,
                    region_id=district.region_id,
                    capacity=rng.choice([None, rng.randint(5, 2500)]),
                    is_active=rng.random() > 0.05,
                    source="generate_data",
                )
            )
        Place.objects.bulk_create(places, batch_size=batch)
        done += size
        _progress(out, "places", done, count, started)
    out.write("\n")
    return done


def generate_visits(count: int, *, batch: int = 5000, years: int = 15, seed: int = 7, out=sys.stderr) -> int:
    rng = random.Random(seed + 1)  # noqa: S311 - synthetic data, not security
    places = list(Place.objects.values_list("pk", "region_id"))
    if not places:
        raise ValueError("visits need places: generate places first")
    units = list(OrgUnit.objects.filter(kind__in=[OrgUnitKind.NPG, OrgUnitKind.REGIONAL_CENTRE]))
    by_region = {unit.region_id: unit.pk for unit in units if unit.kind == OrgUnitKind.REGIONAL_CENTRE}
    npg = next((unit.pk for unit in units if unit.kind == OrgUnitKind.NPG), units[0].pk)
    today = timezone.localdate()
    started, done = time.monotonic(), 0
    while done < count:
        size = min(batch, count - done)
        statuses = _weighted(rng, VISIT_STATUSES, size)
        kinds = _weighted(rng, VISIT_TYPES, size)
        visits = []
        for status, kind in zip(statuses, kinds, strict=True):
            place, region = rng.choice(places)
            ahead = status in (c.VisitStatus.PLANNED, c.VisitStatus.PREPARED)
            planned = today + timedelta(days=rng.randint(1, 120) if ahead else -rng.randint(1, 365 * years))
            arrival = None
            if status not in NOT_ARRIVED:
                arrival = datetime.combine(planned, datetime.min.time(), BAKU) + timedelta(hours=rng.randint(7, 20))
            announced = rng.random() < 0.3
            visits.append(
                Visit(
                    place_id=place,
                    region_id=region,
                    unit_id=by_region.get(region, npg) if rng.random() < 0.3 else npg,
                    visit_type=kind,
                    announced=announced,
                    planned_date=planned,
                    status=status,
                    arrival_at=arrival,
                    access_at=arrival + timedelta(minutes=rng.randint(5, 90)) if arrival else None,
                    end_at=arrival + timedelta(hours=rng.randint(3, 10)) if arrival else None,
                    private_interviews=rng.randint(0, 25) if arrival else 0,
                    # The services keep an unannounced visit secret until the team has arrived.
                    is_secret=not announced and arrival is None,
                )
            )
        with transaction.atomic():
            Visit.objects.bulk_create(visits, batch_size=batch)
        done += size
        _progress(out, "visits", done, count, started)
    out.write("\n")
    return done

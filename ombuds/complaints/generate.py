"""Bulk synthetic register for load tests and benchmarks (`manage.py generate_data`).

Writes directly with bulk inserts — no services, no audit events, no deadlines — so that a
million applications take minutes, not hours. Refused in production (see the command).
Distributions follow domain.md §8 loosely: ~35k applications a year over decades, channels and
outcomes in realistic proportions, ~6 % anonymous, ~1 % in the secret tier.
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints import choices as c
from ombuds.complaints import demo
from ombuds.complaints.models import Application, Party, RegisterCounter, RightTopic, SearchToken
from ombuds.complaints.tokens import name_key, tokens_for
from ombuds.core.models import Authority, District

STATUSES = [
    (c.Status.REGISTERED, 6),
    (c.Status.INFO_REQUESTED, 1),
    (c.Status.REFUSED, 18),
    (c.Status.REFERRED, 4),
    (c.Status.UNDER_CONSIDERATION, 14),
    (c.Status.CONCLUDED, 2),
    (c.Status.APPLICANT_NOTIFIED, 10),
    (c.Status.CLOSED, 45),
]
CHANNELS = demo.CHANNELS  # the same mix as the demo register
WORDS = (
    "polis şikayət məhkəmə qərar icra pensiya müavinət torpaq mənzil qeydiyyat vəsiqə əmək haqqı məktəb uşaq "
    "bələdiyyə sorğu cavab prokurorluq təcridxana həkim müalicə işdən azad edilmə cərimə protokol"
).split()
# Words that each turn up in about one summary in 6,000: what a search for a rare word finds.
RARE_WORDS = (
    "kirayə vərəsəlik miqrasiya sığınacaq girov zəmanət ipoteka subsidiya kompensasiya təqaüd ekspertiza "
    "vəkalətnamə notariat arxiv tərcüməçi karantin peyvənd əlillik himayə övladlığa aliment boşanma nikah "
    "vətəndaşlıq pasport viza deportasiya ekstradisiya amnistiya əfv girovluq reabilitasiya təzminat "
    "müsadirə hərrac icarə kooperativ qaraj bağ sahəsi meşə otlaq su kanal elektrik qaz istilik lift "
    "dam zirzəmi hovuz stadion kitabxana muzey teatr"
).split()
SURNAMES = ["Məmmədov", "Əliyev", "Həsənov", "Hüseynov", "Quliyev", "İsmayılov", "Kərimov", "Abbasov", "Rzayev"]
GIVEN = ["Elçin", "Rauf", "Tural", "Aygün", "Nərmin", "Sevinc", "Anar", "Lalə", "Vüqar", "Günay"]


def _weighted(rng, pairs, k):
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs], k=k)


def generate(count: int, *, batch: int = 5000, years: int = 27, seed: int = 7, out=sys.stderr) -> int:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    units = list(
        OrgUnit.objects.filter(kind__in=["hq_department", "reception_centre", "call_centre_916", "regional_centre"])
    )
    unit_by_region = defaultdict(list)
    for unit in units:
        unit_by_region[unit.region_id].append(unit)
    districts = list(District.objects.exclude(region__code="nakhchivan"))
    handlers = defaultdict(list)
    for user in User.objects.filter(roles__code__in=["complaints_officer", "regional_officer"]).distinct():
        handlers[user.org_unit_id].append(user.pk)
    authorities = list(Authority.objects.values_list("pk", flat=True))
    topics = list(RightTopic.objects.values_list("pk", flat=True))
    end = datetime.now(ZoneInfo("Asia/Baku"))
    span = timedelta(days=365 * years).total_seconds()
    moments = sorted(end - timedelta(seconds=rng.random() * span) for _ in range(count))
    counters: dict[tuple[int, int], int] = {(r.year, r.unit_id): r.last for r in RegisterCounter.objects.all()}
    started, done = time.monotonic(), 0
    Through = Application.respondents.through
    RightsThrough = Application.rights.through
    while done < count:
        chunk = moments[done : done + batch]
        statuses = _weighted(rng, STATUSES, len(chunk))
        channels = _weighted(rng, CHANNELS, len(chunk))
        with transaction.atomic():
            parties, apps = [], []
            for received, status, channel in zip(chunk, statuses, channels, strict=True):
                district = rng.choice(districts)
                unit = rng.choice(unit_by_region.get(district.region_id) or unit_by_region[units[0].region_id])
                key = (received.year, unit.pk)
                counters[key] = counters.get(key, 0) + 1
                anonymous = rng.random() < 0.06
                party = (
                    None
                    if anonymous
                    else Party(
                        kind="person",
                        surname=rng.choice(SURNAMES),
                        given_name=rng.choice(GIVEN),
                        phone=f"+994 50 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                    )
                )
                secret = rng.random() < 0.01
                if party is not None:
                    party.is_secret = secret
                    party.name_key = name_key(party)
                parties.append(party)
                apps.append(
                    Application(
                        number=f"{received.year}/{unit.number_prefix or unit.code}/{counters[key]:05d}",
                        year=received.year,
                        sequence=counters[key],
                        unit=unit,
                        channel=channel,
                        received_at=received,
                        applicant_kind="anonymous" if anonymous else "person",
                        summary=" ".join(rng.sample(WORDS, 9))
                        + (f" {rng.choice(RARE_WORDS)}" if rng.random() < 0.01 else ""),
                        district=district,
                        region_id=district.region_id,
                        status=status,
                        in_intake=status in c.INTAKE_STATUSES,
                        is_secret=secret,
                        sensitivity=c.Sensitivity.HIGHLY_SENSITIVE if secret else c.Sensitivity.NORMAL,
                        assignee_id=rng.choice(handlers[unit.pk])
                        if handlers[unit.pk] and status not in c.INTAKE_STATUSES
                        else None,
                    )
                )
            Party.objects.bulk_create([p for p in parties if p is not None], batch_size=batch)
            for app, party in zip(apps, parties, strict=True):
                app.applicant = party
            Application.objects.bulk_create(apps, batch_size=batch)
            respondents = [rng.choice(authorities) for _ in apps]
            SearchToken.objects.bulk_create(
                [
                    token
                    for a, p, r in zip(apps, parties, respondents, strict=True)
                    for token in tokens_for(a, [p], [r])
                ],
                batch_size=batch,
            )
            Through.objects.bulk_create(
                [Through(application_id=a.pk, authority_id=r) for a, r in zip(apps, respondents, strict=True)],
                batch_size=batch,
            )
            RightsThrough.objects.bulk_create(
                [RightsThrough(application_id=a.pk, righttopic_id=rng.choice(topics)) for a in apps], batch_size=batch
            )
        done += len(chunk)
        rate = done / max(time.monotonic() - started, 1e-6)
        bar = "#" * int(30 * done / count)
        out.write(f"\r[{bar:<30}] {done}/{count} applications, {rate:,.0f}/s")
        out.flush()
    out.write("\n")
    with transaction.atomic():
        for (year, unit_id), last in counters.items():
            RegisterCounter.objects.update_or_create(year=year, unit_id=unit_id, defaults={"last": last})
    return done

"""A register exported from an earlier system, written in bulk (rows checked by
complaints/importer.py; the import as a whole is audited once by core.imports).

Every row keeps the register's rules: a number of this register drawn from the same counter as
registration (the earlier number stays in `legacy_number`), region from the district, the secret
tier from the sensitivity (names and summary then sealed by their fields), the applicant's phone
blind index and the name tokens of the register search. No acknowledgement is sent and no deadline
is started for a case that is over; a case still open gets the one deadline its stage has running
(table below), started from the date it was received, so a case the earlier system let lapse shows
as overdue at once rather than silently getting a fresh term.
"""

from __future__ import annotations

from collections import Counter
from zoneinfo import ZoneInfo

from django.db import transaction

from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, Party, RegisterCounter, SearchToken
from ombuds.complaints.permissions import IMPORT
from ombuds.complaints.tokens import tokens_for
from ombuds.core import crypto, deadlines
from ombuds.core.clock import WorkingCalendar
from ombuds.core.imports import allocate_ids, insert, maker
from ombuds.core.services import require

BAKU = ZoneInfo("Asia/Baku")
OPEN_STAGE_RULE: dict[str, str] = {
    c.Status.REGISTERED: "reasoned_refusal",
    c.Status.INFO_REQUESTED: "reasoned_refusal",
    c.Status.UNDER_CONSIDERATION: "consideration",
    c.Status.CONCLUDED: "applicant_notification",
}
PARTY_TEXT = ("surname", "given_name", "patronymic", "organisation", "address", "phone", "email")


def _numbers(rows: list[dict]) -> dict[tuple[int, int], int]:
    """Draw as many numbers per (year, unit) as the batch needs, under the counter's lock; return
    the last number in use before the batch."""
    wanted = Counter((row["received_at"].astimezone(BAKU).year, row["unit"].pk) for row in rows)
    before = {}
    for (year, unit_id), count in sorted(wanted.items()):
        counter, _created = RegisterCounter.objects.select_for_update().get_or_create(year=year, unit_id=unit_id)
        before[(year, unit_id)] = counter.last
        counter.last += count
        counter.save(update_fields=["last"])
    return before


@transaction.atomic
def import_legacy_applications(actor, rows: list[dict]) -> int:
    """Write one batch of checked rows; return how many applications were created."""
    require(actor, IMPORT)
    if not rows:
        return 0
    last = _numbers(rows)
    new_party, new_app, actor_id = maker(Party), maker(Application), getattr(actor, "pk", None)
    parties: list[Party] = []
    apps: list[tuple[Application, Party | None]] = []
    for row in rows:
        secret = row["sensitivity"] == c.Sensitivity.HIGHLY_SENSITIVE
        party = None
        if row["applicant_kind"] != c.ApplicantKind.ANONYMOUS:
            party = new_party(
                kind=row["applicant_kind"],
                is_secret=secret,
                phone_index=crypto.blind_index(row["phone"], "party.phone") if row["phone"] else "",
                created_by_id=actor_id,
                updated_by_id=actor_id,
                **{name: row[name] for name in PARTY_TEXT},
            )
            parties.append(party)
        unit, year = row["unit"], row["received_at"].astimezone(BAKU).year
        last[(year, unit.pk)] += 1
        sequence = last[(year, unit.pk)]
        app = new_app(
            number=f"{year}/{unit.number_prefix or unit.code.upper()}/{sequence:05d}",
            year=year,
            sequence=sequence,
            unit_id=unit.pk,
            channel=row["channel"],
            app_type=row["app_type"],
            received_at=row["received_at"],
            applicant_kind=row["applicant_kind"],
            summary=row["summary"],
            district_id=row["district"].pk,
            region_id=row["district"].region_id,
            sensitivity=row["sensitivity"],
            is_secret=secret,
            status=row["status"],
            in_intake=row["status"] in c.INTAKE_STATUSES,
            closed_at=row["closed_at"] if row["status"] == c.Status.CLOSED else None,
            legacy_number=row["legacy_number"],
            created_by_id=actor_id,
            updated_by_id=actor_id,
        )
        apps.append((app, party))
    for party, pk in zip(parties, allocate_ids(Party, len(parties)), strict=False):
        party.pk = pk
    insert(Party, parties)
    for (app, _party), pk in zip(apps, allocate_ids(Application, len(apps)), strict=False):
        app.pk = pk
    for app, party in apps:  # ids only now: the party has one once inserted
        app.applicant_id = party.pk if party else None
    insert(Application, [app for app, _party in apps])
    insert(SearchToken, [token for app, party in apps for token in tokens_for(app, [party] if party else [])])
    _start_open_deadlines(actor, [app for app, _party in apps])
    return len(apps)


def _start_open_deadlines(actor, apps: list[Application]) -> None:
    cal = None
    for app in apps:
        rule = OPEN_STAGE_RULE.get(app.status)
        if rule:
            cal = cal or WorkingCalendar.load()
            deadlines.start_deadline(actor, app, rule, start=app.received_at, cal=cal)

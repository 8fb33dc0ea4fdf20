"""Past recommendations written in bulk (rows checked by recommendations/importer.py; the import as a
whole is audited once by core.imports, as the legacy register import of complaints is).

Each row becomes what drafting and issuing it and recording its response and outcome through the
services would have left: the recommendation with its own number (the year's counter raised past
it, so numbers drawn later never collide), its places, the authority's response, and the dated
history from "issued" to its status with the evidence of each step. A recommendation still awaiting
its response gets the response clock the services start, counted from its day of issue, so one the
earlier register let lapse is marked "no response" by the periodic job rather than given a fresh
term. Past recommendations are not announced: no notification is sent, and a due date already
passed counts as reminded (the overdue list shows them).
"""

from __future__ import annotations

from datetime import datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import deadlines
from ombuds.core.clock import WorkingCalendar
from ombuds.core.imports import allocate_ids, insert, maker
from ombuds.core.services import require
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import AuthorityResponse, Recommendation, RecommendationCounter, StatusChange
from ombuds.recommendations.permissions import IMPORT
from ombuds.recommendations.services.lifecycle import RESPONSE_RULE, URGENT_RESPONSE_RULE


def _raise_counters(rows: list[dict]) -> None:
    highest: dict[int, int] = {}
    for row in rows:
        highest[row["year"]] = max(highest.get(row["year"], 0), row["sequence"])
    for year, sequence in sorted(highest.items()):
        counter, _created = RecommendationCounter.objects.select_for_update().get_or_create(year=year)
        if sequence > counter.last:
            counter.last = sequence
            counter.save(update_fields=["last"])


def _with_ids(model, objs: list) -> list:
    for obj, pk in zip(objs, allocate_ids(model, len(objs)), strict=False):
        obj.pk = pk
    return objs


@transaction.atomic
def import_recommendation_rows(actor, rows: list[dict], *, known: dict[str, int | None], file_name: str = "") -> int:
    """Write one batch of checked rows; return how many recommendations were created. `known` maps
    the numbers in the register to their ids (a row's `repeats` is looked up in it) and learns the
    batch's."""
    require(actor, IMPORT)
    if not rows:
        return 0
    _raise_counters(rows)
    new_rec, actor_id, today = maker(Recommendation), getattr(actor, "pk", None), timezone.localdate()
    stamp = {"created_by_id": actor_id, "updated_by_id": actor_id}
    recs = []
    for row in rows:
        past_due = row["due_date"] < today
        recs.append(
            new_rec(
                number=row["number"],
                year=row["year"],
                sequence=row["sequence"],
                source=row["source"],
                report_title=row["report_title"],
                addressee_id=row["addressee"].pk,
                place_type=row["place_type"],
                area=row["area"],
                right_id=row["right"].pk if row["right"] else None,
                kind=row["kind"],
                priority=row["priority"],
                text_az=row["text_az"],
                text_en=row["text_en"],
                text_ru=row["text_ru"],
                due_date=row["due_date"],
                due_set_by_hand=row["due_set_by_hand"],
                due_reason=_("Due date of the imported record.") if row["due_set_by_hand"] else "",
                status=row["status"],
                status_changed_on=row["status_changed_on"],
                issued_on=row["issued_on"],
                responsible_id=actor_id,
                unit_id=row["unit"].pk,
                region_id=row["region_id"],
                reminded_before_due=past_due,
                reminded_after_due=past_due,
                **stamp,
            )
        )
    _with_ids(Recommendation, recs)
    known.update({rec.number: rec.pk for rec in recs if rec.pk})
    later = []  # repeats of a row of this batch whose id only the insert gives (SQLite)
    for rec, row in zip(recs, rows, strict=True):
        if row["repeats"]:
            rec.repeats_id = known.get(row["repeats"])
            if rec.repeats_id is None:
                later.append((rec, row["repeats"]))
    insert(Recommendation, recs)
    known.update({rec.number: rec.pk for rec in recs})
    if later:
        for rec, number in later:
            rec.repeats_id = known[number]
        Recommendation.objects.bulk_update([rec for rec, _number in later], ["repeats"])

    Through = Recommendation.places.through  # noqa: N806 - a model class
    insert(
        Through,
        [
            Through(recommendation_id=rec.pk, place_id=p.pk)
            for rec, row in zip(recs, rows, strict=True)
            for p in row["places"]
        ],
    )

    new_response, new_change = maker(AuthorityResponse), maker(StatusChange)
    responses = {}
    for rec, row in zip(recs, rows, strict=True):
        if row["response"]:
            responses[rec.pk] = new_response(
                recommendation_id=rec.pk, channel=c.ResponseChannel.LETTER, **row["response"], **stamp
            )
    insert(AuthorityResponse, _with_ids(AuthorityResponse, list(responses.values())))
    imported = _("Imported from %(file)s.") % {"file": file_name} if file_name else _("Imported.")
    changes = []
    for rec, row in zip(recs, rows, strict=True):
        last = len(row["lines"]) - 1
        for index, (old, new, on, evidence, by_response) in enumerate(row["lines"]):
            changes.append(
                new_change(
                    recommendation_id=rec.pk,
                    old_status=old,
                    new_status=new,
                    happened_on=on,
                    evidence=evidence,
                    note=row["note"] if index == last and index else (imported if not index else ""),
                    response_id=responses[rec.pk].pk if by_response else None,
                    **stamp,
                )
            )
    insert(StatusChange, changes)
    _start_response_clocks(actor, [rec for rec in recs if rec.status == c.Status.ISSUED])
    return len(recs)


def _start_response_clocks(actor, recs: list[Recommendation]) -> None:
    cal = None
    for rec in recs:
        assert rec.issued_on is not None  # every imported row is issued
        cal = cal or WorkingCalendar.load()
        rule = URGENT_RESPONSE_RULE if rec.kind == c.Kind.URGENT else RESPONSE_RULE
        start = timezone.make_aware(datetime.combine(rec.issued_on, time(9)))
        deadlines.start_deadline(actor, rec, rule, responsible=actor, start=start, cal=cal)

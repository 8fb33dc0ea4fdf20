"""Statistics datasets: take a snapshot of every measure for a period, publish it, compare two
versions. A dataset never changes once taken (its figures and hash are written once); a newer
snapshot of the same period is a new version."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit
from ombuds.core.services import lock, require
from ombuds.reports import measures
from ombuds.reports.choices import DatasetStatus
from ombuds.reports.measures.recommendations import recommendation_list
from ombuds.reports.models import Dataset, EnteredFigure
from ombuds.reports.permissions import APPROVE, PREPARE


def content_hash(period_start: date, period_end: date, figures: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the period and its figures: the same figures give the same
    hash on any machine, so a printed table can be matched to its dataset."""
    canonical = json.dumps(
        {"period": [period_start.isoformat(), period_end.isoformat()], "measures": figures},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _entered(period: measures.Period) -> dict[str, Any]:
    """Figures entered by staff for the period's year, frozen beside the computed ones."""
    out: dict[str, Any] = {}
    if period.start.year != period.end.year:
        return out
    for figure in EnteredFigure.objects.filter(year=period.start.year).order_by("measure", "category"):
        out.setdefault(figure.measure, {})[figure.category or "total"] = {
            "value": figure.value,
            "source": figure.source,
        }
    return out


def compute(period: measures.Period, progress=None) -> dict[str, Any]:
    """The frozen content of a dataset: every measure, the entered figures, and the lists a report
    prints record by record (`lists.recommendations`: see measures/recommendations.py)."""
    return {
        "measures": measures.compute_all(period, progress),
        "entered": _entered(period),
        "lists": {"recommendations": recommendation_list(period)},
    }


def take_snapshot(actor, *, period_start: date, period_end: date, note: str = "", progress=None) -> Dataset:
    """Freeze every measure for the period as the next version of its dataset."""
    require(actor, PREPARE)
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period must end on or after its first day.")})
    if period_end > timezone.localdate():
        raise ValidationError({"period_end": _("A dataset cannot cover days that have not happened yet.")})
    period = measures.Period(period_start, period_end)
    figures = compute(period, progress)  # read outside the write transaction: it may take a while
    with transaction.atomic():
        latest = (
            Dataset.objects.select_for_update()
            .filter(period_start=period_start, period_end=period_end)
            .order_by("-number")
            .first()
        )
        dataset = Dataset.objects.create(
            period_start=period_start,
            period_end=period_end,
            number=(latest.number + 1) if latest else 1,
            snapshot_at=timezone.now(),
            content_hash=content_hash(period_start, period_end, figures),
            data=figures,
            note=note,
            created_by=actor,
            updated_by=actor,
        )
        audit.record(
            "reports.dataset.created",
            actor=actor,
            obj=dataset,
            changes={"period": f"{period_start}…{period_end}", "version": dataset.number, "hash": dataset.content_hash},
        )
    return dataset


@transaction.atomic
def publish_dataset(actor, dataset: Dataset) -> Dataset:
    """Make a dataset public (its public copy suppresses cells under 5). Publication is final."""
    require(actor, APPROVE)
    dataset = lock(dataset)
    if dataset.is_published:
        raise ValidationError(_("This dataset is already published."))
    dataset.status = DatasetStatus.PUBLISHED
    dataset.published_at = timezone.now()
    dataset.published_by = actor
    dataset.updated_by = actor
    dataset.save(update_fields=["status", "published_at", "published_by", "updated_by", "updated_at", "version"])
    audit.record("reports.dataset.published", actor=actor, obj=dataset, changes={"hash": dataset.content_hash})
    return dataset

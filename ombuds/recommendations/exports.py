"""The register's filtered list as CSV or XLSX: what the rows show, in full, plus the kind,
priority, place type, theme and dates (never the rationale, which is confidential)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core.routers import reporting
from ombuds.recommendations import listing


def header() -> list[str]:
    return [
        _("Number"),
        _("Addressee"),
        _("Source"),
        _("Kind"),
        _("Priority"),
        _("Place type"),
        _("Thematic area"),
        _("Right or issue"),
        _("Status"),
        _("Overdue"),
        _("Repeat"),
        _("Issued on"),
        _("Due date"),
        _("Published"),
        _("Text"),
    ]


def rows(qs) -> Iterator[list]:
    """One row per recommendation, read in chunks through one query, from the replica when there
    is one; labels translated once per export, the addressee's and right's names from the cached
    lists of the register."""
    lists = listing.register_lists()
    qs = reporting(listing.for_rows(qs)).only(
        *listing.LIST_FIELDS, "kind", "priority", "place_type", "area", "right_id", "issued_on"
    )
    labels = lists.labels
    today = timezone.localdate()
    yes, no = _("yes"), _("no")
    for rec in qs.iterator(chunk_size=2000):
        name, _code = lists.authorities.get(rec.addressee_id, ("", ""))
        yield [
            rec.number,
            name,
            listing.source_label(rec, labels["source"]),
            labels["kind"].get(rec.kind, rec.kind),
            labels["priority"].get(rec.priority, rec.priority),
            labels["place_type"].get(rec.place_type, rec.place_type),
            labels["area"].get(rec.area, rec.area),
            lists.rights.get(rec.right_id, ""),  # type: ignore[arg-type]
            labels["status"].get(rec.status, rec.status),
            yes if listing.is_overdue(rec, today) else no,
            yes if listing.is_repeat(rec) else no,
            rec.issued_on,
            rec.due_date,
            yes if rec.is_published else no,
            rec.text,
        ]

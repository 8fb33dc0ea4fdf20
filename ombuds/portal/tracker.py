"""What the public recommendation tracker reads (reports-and-portal.md §1 item 8, §2.6).

Its rows are `reports.measures.recommendations.tracker_rows()` — issued and published, the same
queryset the A11/N7 tables count — and a status is shown and filtered by its N7 bucket
(`status_bucket`, `BUCKETS`), so the tracker and the reports never disagree. What may be shown of
an authority's response is decided by the recommendations app (`publication.public_responses`);
nothing else of the record (rationale, notes, evidence, visits, cases, staff) reaches the public.

Choice lists read from reference data (authorities) are built once per language and version of
the reference data (`core.refcache`); the years on offer are one query per page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from django import forms
from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ombuds.core import collation, refcache
from ombuds.core.i18n import CONTENT_LANGUAGES, FALLBACK_LANGUAGE
from ombuds.core.keyset import keyset_of
from ombuds.core.models import Authority
from ombuds.core.widgets import PrebuiltChoiceField, options_html
from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation
from ombuds.reports.measures.recommendations import BUCKETS, bucket_statuses, status_bucket, tracker_rows

PAGE_SIZE = 25
# Newest issued first; the primary key makes the order total for the keyset.
KEYSET = keyset_of(Recommendation, ("-issued_on", "-pk"))
ALL = ("", _("All"))
FILTERS = ("year", "source", "addressee", "theme", "place_type", "status")


def _select(label, choices=()):
    return PrebuiltChoiceField(label=label, required=False, choices=choices)


class TrackerFilters(forms.Form):
    """The tracker's filters, sent by GET (they work without JavaScript and make a shareable link).
    Authorities are chosen by code, so a link reads the same on every installation."""

    year = _select(_("Year of issue"))
    source = _select(_("Source"), [ALL, *c.Source.choices])
    addressee = _select(_("Addressee"))
    theme = _select(_("Theme"), [ALL, *ThematicArea.choices])
    place_type = _select(_("Type of place"), [ALL, *PlaceType.choices])
    status = _select(_("Status"), [ALL, *((bucket.key, bucket.label) for bucket in BUCKETS)])

    def __init__(self, *args, lists: TrackerLists, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        for name, (choices, html) in lists.selects.items():
            self.fields[name].prebuild(choices, html)  # type: ignore[attr-defined]
        year_choices = [("", str(ALL[1])), *((str(y), str(y)) for y in years)]
        self.fields["year"].prebuild(year_choices, options_html(year_choices))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class TrackerLists:
    """What the tracker shows from reference data and fixed choices, in one language."""

    selects: dict[str, tuple[list, str]]
    authorities: dict[int, str]  # id → name
    authority_ids: dict[str, int]  # code → id
    labels: dict[str, dict[str, str]]  # field → value → label (and "bucket")


def _build_lists() -> TrackerLists:
    selects = {}
    for name in ("source", "theme", "place_type", "status"):
        choices = [(v, str(label)) for v, label in TrackerFilters.base_fields[name].fixed_choices]  # type: ignore[attr-defined]
        selects[name] = (choices, options_html(choices))
    authorities = collation.collated(Authority.objects.all())
    choices = [("", str(ALL[1])), *((a.code, str(a)) for a in authorities)]
    selects["addressee"] = (choices, options_html(choices))
    labels = {
        name: {value: str(label) for value, label in Recommendation._meta.get_field(name).flatchoices}
        for name in ("source", "area", "place_type", "status")
    }
    labels["bucket"] = {bucket.key: str(bucket.label) for bucket in BUCKETS}
    return TrackerLists(
        selects=selects,
        authorities={a.pk: str(a) for a in authorities},
        authority_ids={a.code: a.pk for a in authorities},
        labels=labels,
    )


def tracker_lists() -> TrackerLists:
    return refcache.cached("portal.tracker", _build_lists)


def years() -> list[int]:
    """The years in which published recommendations were issued, newest first (one query)."""
    qs = tracker_rows().order_by().annotate(y=ExtractYear("issued_on")).values_list("y", flat=True).distinct()
    return sorted(set(qs), reverse=True)


def filtered(params, lists: TrackerLists, *, skip: tuple[str, ...] = ()) -> tuple[QuerySet, TrackerFilters]:
    """The published rows narrowed by the valid filters (an invalid one is reported by the form
    and not applied); `skip` leaves filters out (the rates page ignores the status)."""
    form = TrackerFilters(params or None, lists=lists, years=years())
    form.is_valid()
    data = {k: v for k, v in getattr(form, "cleaned_data", {}).items() if v and k not in skip}
    qs = tracker_rows()
    if "year" in data:
        qs = qs.filter(issued_on__year=int(data["year"]))
    if "source" in data:
        qs = qs.filter(source=data["source"])
    if "addressee" in data:
        qs = qs.filter(addressee_id=lists.authority_ids[data["addressee"]])
    if "theme" in data:
        qs = qs.filter(area=data["theme"])
    if "place_type" in data:
        qs = qs.filter(place_type=data["place_type"])
    if "status" in data:
        qs = qs.filter(status__in=bucket_statuses(data["status"]))
    return qs, form


def text_in(rec: Recommendation, language: str) -> tuple[str, str]:
    """(text, language of the text): the page's language, else the Azerbaijani text (always
    present), whose language the page must then say and mark."""
    language = language if language in CONTENT_LANGUAGES else FALLBACK_LANGUAGE
    text = getattr(rec, f"text_{language}", "")
    return (text, language) if text else (rec.text_az, FALLBACK_LANGUAGE)


@dataclass
class Row:
    public_id: str
    number: str
    addressee: str
    text: str
    text_language: str
    missing: bool  # not written in the page's language
    bucket: str
    bucket_label: str
    status_label: str
    issued_on: object


def row_of(rec: Recommendation, lists: TrackerLists, language: str) -> Row:
    text, text_language = text_in(rec, language)
    bucket = status_bucket(rec.status) or ""
    return Row(
        public_id=str(rec.public_id),
        number=rec.number,
        addressee=lists.authorities.get(rec.addressee_id, ""),
        text=text,
        text_language=text_language,
        missing=text_language != language,
        bucket=bucket,
        bucket_label=lists.labels["bucket"].get(bucket, ""),
        status_label=lists.labels["status"].get(rec.status, rec.status),
        issued_on=rec.issued_on,
    )


LIST_FIELDS = ("public_id", "number", "addressee_id", "text_az", "text_en", "text_ru", "status", "issued_on")


def page_of(qs: QuerySet, cursor: str | None, lists: TrackerLists, language: str):
    """(keyset page, rows): one query, whatever the number of rows."""
    page = KEYSET.page(qs.only("pk", *LIST_FIELDS), cursor, size=PAGE_SIZE)
    return page, [row_of(rec, lists, language) for rec in page.rows]


# --- implementation rates by authority ----------------------------------------------------------

BUCKET_KEYS = [bucket.key for bucket in BUCKETS]


@dataclass
class Rate:
    """One authority's published recommendations by N7 bucket. The rate is implemented /
    (issued − not evaluated), as in recommendations.rates: only verified implementation counts,
    and one that lost its object is left out of the denominator."""

    label: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cells(self) -> list[int]:
        return [self.counts.get(key, 0) for key in BUCKET_KEYS]

    @property
    def rate(self) -> Fraction | None:
        denominator = self.total - self.counts.get("not_evaluated", 0)
        return Fraction(self.counts.get("implemented", 0), denominator) if denominator else None

    @property
    def percent(self) -> int | None:
        return None if self.rate is None else round(self.rate * 100)


def rates(qs: QuerySet, lists: TrackerLists) -> tuple[list[Rate], Rate]:
    """Per authority (in the alphabet of the page's language) and in total: one aggregate query."""
    by_authority: dict[int, Rate] = {}
    total = Rate(gettext("All authorities"))
    for addressee_id, status, n in (
        qs.order_by()
        .values_list("addressee_id", "status")
        .annotate(n=Count("pk"))
        .values_list("addressee_id", "status", "n")
    ):
        bucket = status_bucket(status)
        if bucket is None:
            continue
        rate = by_authority.setdefault(addressee_id, Rate(lists.authorities.get(addressee_id, "")))
        for target in (rate, total):
            target.counts[bucket] = target.counts.get(bucket, 0) + n
    return collation.collated(by_authority.values(), key=lambda r: r.label), total


# --- the download ------------------------------------------------------------------------------


def csv_header() -> list[str]:
    return [
        gettext("Number"),
        gettext("Issued on"),
        gettext("Addressee"),
        gettext("Source"),
        gettext("Theme"),
        gettext("Type of place"),
        gettext("Status"),
        gettext("Status in detail"),
        gettext("Text (Azerbaijani)"),
        gettext("Text (English)"),
        gettext("Text (Russian)"),
    ]


def csv_rows(qs: QuerySet, lists: TrackerLists) -> Iterator[list]:
    """Row by row from the database (the export's memory stays flat)."""
    fields = ("pk", *LIST_FIELDS, "source", "area", "place_type")
    for rec in KEYSET.order(qs.only(*fields)).iterator(chunk_size=500):
        bucket = status_bucket(rec.status) or ""
        yield [
            rec.number,
            rec.issued_on.isoformat() if rec.issued_on else "",
            lists.authorities.get(rec.addressee_id, ""),
            lists.labels["source"].get(rec.source, rec.source),
            lists.labels["area"].get(rec.area, "") if rec.area else "",
            lists.labels["place_type"].get(rec.place_type, "") if rec.place_type else "",
            lists.labels["bucket"].get(bucket, ""),
            lists.labels["status"].get(rec.status, rec.status),
            rec.text_az,
            rec.text_en,
            rec.text_ru,
        ]

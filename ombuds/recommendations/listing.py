"""The recommendations register: scoped, filtered, sorted, paged by keyset (no OFFSET, no COUNT),
its rows made ready for the template in one pass; and the list per authority."""

from __future__ import annotations

import dataclasses
import re
import uuid
from dataclasses import dataclass
from datetime import date

from django import forms
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ombuds.complaints.models import RightTopic
from ombuds.core import collation, refcache
from ombuds.core.keyset import InvalidCursor, Keyset, Page, keyset_of
from ombuds.core.models import Authority
from ombuds.core.search import words_condition
from ombuds.core.widgets import PrebuiltChoiceField, options_html
from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation

PAGE_SIZE = 50
AUTHORITY_ROWS = 50  # the per-authority page shows its first rows, then links into the register
TEXT_CHARS = 160  # the short text of a row
NUMBER = re.compile(r"^\d{4}/\d{1,6}$")
# Total orders (ending with the primary key) so that pages follow each other by keyset.
SORTS = {
    "newest": ("-year", "-sequence", "-pk"),
    "oldest": ("year", "sequence", "pk"),
    "due": ("due_date", "pk"),
}
LIST_FIELDS = (
    "public_id",
    "number",
    "year",
    "sequence",
    "source",
    "visit__planned_date",
    "visit__arrival_at",
    "visit__place__name_az",
    "visit__place__name_en",
    "visit__place__name_ru",
    "application__number",
    "report_title",
    "addressee_id",
    "text_az",
    "text_en",
    "text_ru",
    "status",
    "due_date",
    "repeats_id",
    "is_published",
)
YES_NO = [("", "—"), ("yes", _("Yes")), ("no", _("No"))]


def _prebuilt(label, choices=()):
    return PrebuiltChoiceField(label=label, required=False, choices=choices)


class FilterForm(forms.Form):
    """The register's filters. Choice lists come prebuilt from `register_lists()` (once per
    language and version of the reference data). Authorities and rights are chosen by code, so
    a link into the register reads the same on every installation."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("A number such as 2025/0012, or words of the text in any language."),
    )
    status = _prebuilt(
        _("Status"), [("", "—"), ("open", _("Any open status")), *((s.value, s.label) for s in c.Status)]
    )
    addressee = _prebuilt(_("Addressee"))
    place_type = _prebuilt(_("Place type"), [("", "—"), *PlaceType.choices])
    area = _prebuilt(_("Thematic area"), [("", "—"), *ThematicArea.choices])
    right = _prebuilt(_("Right or issue"))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    source = _prebuilt(_("Source"), [("", "—"), *c.Source.choices])
    kind = _prebuilt(_("Kind"), [("", "—"), *c.Kind.choices])
    published = _prebuilt(_("Published"), YES_NO)
    mine = forms.BooleanField(label=_("Mine only (I am responsible)"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    repeated = forms.BooleanField(label=_("Repeated only"), required=False)
    sort = _prebuilt(
        _("Sort"), [("newest", _("Newest first")), ("oldest", _("Oldest first")), ("due", _("By due date"))]
    )

    def __init__(self, *args, lists: RegisterLists, **kwargs):
        super().__init__(*args, **kwargs)
        self.lists = lists
        for name, (choices, html) in lists.selects.items():
            self.fields[name].prebuild(choices, html)  # type: ignore[attr-defined]

    def rendered_fields(self) -> list[str]:
        """Each field as components/field.html renders it; a field without errors looks the same
        for the same value, so its HTML is kept in `lists` (per language and reference version)."""
        html = []
        for bound in self:
            if bound.errors or bound.name in ("q", "year"):
                html.append(render_to_string("components/field.html", {"field": bound}))
                continue
            key = (bound.name, str(bound.value()))
            fragment = self.lists.fragments.get(key)
            if fragment is None:
                fragment = self.lists.fragments[key] = render_to_string("components/field.html", {"field": bound})
            html.append(fragment)
        return html


@dataclass(frozen=True)
class RegisterLists:
    """What the register shows from reference data and fixed choices, in one language."""

    selects: dict[str, tuple[list, str]]
    authorities: dict[int, tuple[str, str]]  # id → (name, code)
    authority_ids: dict[str, int]  # code → id
    right_ids: dict[str, int]  # code → id
    rights: dict[int, str]  # id → name
    labels: dict[str, dict[str, str]]  # field → value → label
    badges: dict[str, str]
    fragments: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)


def _labels(field: str) -> dict[str, str]:
    """A choice field's labels in the active language, translated once per list or export."""
    return {value: str(label) for value, label in Recommendation._meta.get_field(field).flatchoices}


def _build_lists() -> RegisterLists:
    selects = {}
    for name in ("status", "place_type", "area", "source", "kind", "published", "sort"):
        field = FilterForm.base_fields[name]
        choices = [(value, str(label)) for value, label in field.fixed_choices]  # type: ignore[attr-defined]
        selects[name] = (choices, options_html(choices))
    authorities = collation.collated(Authority.objects.all())
    rights = collation.collated(RightTopic.objects.all())
    for name, rows in (("addressee", authorities), ("right", rights)):
        choices = [("", "---------"), *((row.code, str(row)) for row in rows)]
        selects[name] = (choices, options_html(choices))
    return RegisterLists(
        selects=selects,
        authorities={a.pk: (str(a), a.code) for a in authorities},
        authority_ids={a.code: a.pk for a in authorities},
        right_ids={r.code: r.pk for r in rights},
        rights={r.pk: str(r) for r in rights},
        labels={name: _labels(name) for name in ("status", "source", "kind", "priority", "place_type", "area")},
        badges={"overdue": gettext("overdue"), "repeat": gettext("repeat"), "published": gettext("published")},
    )


def register_lists() -> RegisterLists:
    return refcache.cached("recommendations.register", _build_lists)


def overdue_q(today=None) -> Q:
    """Due date passed without being implemented (the same rule as RecommendationQuerySet.overdue)."""
    today = today or timezone.localdate()
    return Q(due_date__lt=today) & ~Q(status__in=[*c.CLOSED, c.Status.DRAFT])


def repeated_q() -> Q:
    """It repeats an earlier recommendation, or a later one repeats it."""
    return Q(repeats__isnull=False) | Q(Exists(Recommendation.objects.filter(repeats=OuterRef("pk"))))


def filtered(user, params, lists: RegisterLists | None = None):
    """(queryset, cleaned filters, form): the user's visible recommendations narrowed by the
    filters that are valid (an invalid one is shown with its error and not applied)."""
    lists = lists or register_lists()
    form = FilterForm(params or None, lists=lists)
    form.is_valid()
    data = {k: v for k, v in getattr(form, "cleaned_data", {}).items() if v not in (None, "", False)}
    qs = Recommendation.objects.visible_to(user)
    status = data.get("status")
    if status == "open":
        qs = qs.filter(status__in=c.OPEN)
    elif status:
        qs = qs.filter(status=status)
    if "addressee" in data:
        qs = qs.filter(addressee_id=lists.authority_ids[data["addressee"]])
    if "right" in data:
        qs = qs.filter(right_id=lists.right_ids[data["right"]])
    for field in ("place_type", "area", "source", "kind"):
        if field in data:
            qs = qs.filter(**{field: data[field]})
    if "year" in data:
        # The year a recommendation was issued, as the rates count it (a draft: the year of its
        # number), so that a link from a rates cell selects exactly the rows counted there.
        year = data["year"]
        qs = qs.filter(Q(issued_on__year=year) | Q(issued_on__isnull=True, year=year))
    if data.get("published") == "yes":
        qs = qs.filter(is_published=True).exclude(status=c.Status.DRAFT)
    elif data.get("published") == "no":
        qs = qs.filter(is_published=False)
    if data.get("mine"):
        qs = qs.filter(responsible=user)
    if data.get("overdue"):
        qs = qs.filter(overdue_q())
    if data.get("repeated"):
        qs = qs.filter(repeated_q())
    if data.get("q"):
        qs = search(qs, data["q"])
    return qs, data, form


def search(qs, text: str):
    """A number ("2025/0012") matches exactly; other text the words of the recommendation in any
    of its three languages (PostgreSQL full text; a substring on SQLite)."""
    text = text.strip()
    if NUMBER.match(text):
        return qs.filter(number=text)
    qs, condition = words_condition(qs, text, "text_az", "text_en", "text_ru")
    return qs.filter(condition)


def keyset(data) -> Keyset:
    return keyset_of(Recommendation, SORTS.get(data.get("sort") or "newest", SORTS["newest"]))


def for_rows(qs):
    """Only what a row shows, in the rows' one query: the visit's place and the application's
    number joined; whether a later recommendation repeats it asked in the same query."""
    return (
        qs.select_related("visit__place", "application")
        .only(*LIST_FIELDS)
        .annotate(was_repeated=Exists(Recommendation.objects.filter(repeats=OuterRef("pk"))))
    )


def page_of(qs, data, cursor: str | None) -> Page:
    """One page by keyset (a forged or stale cursor shows the first page)."""
    order = keyset(data)
    qs = for_rows(qs)
    try:
        return order.page(qs, cursor, size=PAGE_SIZE)
    except InvalidCursor:
        return order.page(qs, None, size=PAGE_SIZE)


def _url_parts(name: str, marker) -> tuple[str, str]:
    prefix, suffix = reverse(name, args=[marker]).split(str(marker))
    return prefix, suffix


def source_label(rec: Recommendation, labels: dict[str, str]) -> str:
    """Where it comes from: the visit's place and date, the application's number, or the report."""
    if rec.source == c.Source.VISIT and rec.visit_id:
        visit = rec.visit
        day = timezone.localdate(visit.arrival_at) if visit.arrival_at else visit.planned_date  # type: ignore[union-attr]
        return f"{visit.place} · {day:%Y-%m-%d}"  # type: ignore[union-attr]
    if rec.source == c.Source.APPLICATION and rec.application_id:
        return rec.application.number  # type: ignore[union-attr]
    return rec.report_title or labels.get(rec.source, rec.source)


def is_overdue(rec: Recommendation, today: date) -> bool:
    """The row's side of `overdue_q` (Recommendation.is_overdue without asking the date each time)."""
    return bool(rec.due_date and rec.due_date < today and rec.status not in c.CLOSED and rec.status != c.Status.DRAFT)


def is_repeat(rec: Recommendation) -> bool:
    """It repeats another, or another repeats it (`was_repeated` comes from `for_rows`)."""
    return bool(rec.repeats_id) or rec.was_repeated  # type: ignore[attr-defined]


def presenter(lists: RegisterLists):
    """A function turning a recommendation into the dict a row shows: links and labels made
    once here (no reverse() or gettext per row, the addressee's name from the cached lists)."""
    marker = uuid.UUID(int=0)
    detail = _url_parts("recommendations:detail", marker)
    authority = _url_parts("recommendations:authority", "CODE")
    today = timezone.localdate()
    labels = lists.labels

    def row(rec: Recommendation) -> dict:
        name, code = lists.authorities.get(rec.addressee_id, ("", ""))
        return {
            "url": f"{detail[0]}{rec.public_id}{detail[1]}",
            "number": rec.number,
            "addressee": name,
            "addressee_url": f"{authority[0]}{code}{authority[1]}" if code else "",
            "text": Truncator(rec.text).chars(TEXT_CHARS),
            "source": source_label(rec, labels["source"]),
            "status": labels["status"].get(rec.status, rec.status),
            "overdue": is_overdue(rec, today),
            "repeat": is_repeat(rec),
            "published": rec.is_published,
            "due": rec.due_date.isoformat() if rec.due_date else "",
        }

    return row


def present(rows: list[Recommendation], lists: RegisterLists) -> list[dict]:
    row = presenter(lists)
    return [row(rec) for rec in rows]


# --- the list per authority ---------------------------------------------------------------------


def status_counts(qs) -> tuple[list[tuple[str, str, int]], int, int]:
    """([(status, label, count)] in the lifecycle's order, overdue count, total) in one query."""
    labels = _labels("status")
    rows = qs.order_by().values("status").annotate(n=Count("pk"), late=Count("pk", filter=overdue_q()))
    by_status = {row["status"]: row for row in rows}
    counts = [(s.value, labels[s.value], by_status[s.value]["n"]) for s in c.Status if s.value in by_status]
    overdue = sum(row["late"] for row in by_status.values())
    return counts, overdue, sum(n for _s, _l, n in counts)


def overdue_first(qs):
    """Overdue first (soonest due first), then the open ones by due date, then the rest, newest first."""
    rank = Case(
        When(overdue_q(), then=Value(0)),
        When(status__in=c.OPEN, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    due = F("due_date").asc(nulls_last=True)
    return for_rows(qs).alias(rank=rank).order_by("rank", due, "-year", "-sequence", "pk")

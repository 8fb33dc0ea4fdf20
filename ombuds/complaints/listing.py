"""The register list: scoped, filtered, sorted, paginated without counting the whole table."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import and_

from django import forms
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.template import engines
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, RightTopic, SearchToken
from ombuds.complaints.permissions import HANDLE, REGISTER, VIEW_ALL
from ombuds.complaints.tokens import query_digests
from ombuds.core import collation, refcache
from ombuds.core.choices import DeadlineStatus
from ombuds.core.keyset import InvalidCursor, Keyset, Page, keyset_of
from ombuds.core.models import Authority, Deadline, District, Region
from ombuds.core.search import among, estimated_rows, match_words, words_condition
from ombuds.core.widgets import PrebuiltChoiceField, options_html

PAGE_SIZE = 50
LIST_FIELDS = (
    "public_id",
    "number",
    "received_at",
    "channel",
    "status",
    "is_secret",
    "urgent_life",
    "urgent_torture",
    "urgent_child",
    "district",
    "assignee",
)
# Total orders (ending with the primary key) so that pages follow each other by keyset; the
# registration number is unique and sorts by year first.
SORTS = {"newest": ("-received_at", "-pk"), "oldest": ("received_at", "pk"), "number": ("number", "pk")}
OPEN_STATUSES = [c.Status.REGISTERED, c.Status.INFO_REQUESTED, c.Status.UNDER_CONSIDERATION, c.Status.CONCLUDED]
# Fields whose values are too many to keep each one's HTML (FilterForm.rendered_fields).
FREE_FIELDS = ("q", "received_from", "received_to")
# Filters by a reference list: form field → (model, column of Application).
REFERENCE_FILTERS = {
    "unit": (OrgUnit, "unit_id"),
    "region": (Region, "region_id"),
    "respondent": (Authority, "respondents"),
    "right": (RightTopic, "rights"),
}


def _reference_field(label):
    return PrebuiltChoiceField(label=label, required=False, coerce=int, empty_value=None)


class FilterForm(forms.Form):
    """The register's filters. Its choice lists come prebuilt from `register_lists()` (once per
    language and version of the reference data), not from four queries and a template per option."""

    view = PrebuiltChoiceField(
        label=_("View"),
        required=False,
        choices=[
            ("", _("All I may see")),
            ("mine", _("My cases")),
            ("unit", _("My unit")),
            ("overdue", _("Overdue")),
        ],
    )
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_(
            "A registration number, the applicant's or a victim's name (with or without Azerbaijani letters, "
            "in Latin or Cyrillic), or words of the summary. Secret-tier summaries are encrypted: they match "
            "whole words only."
        ),
    )
    status = PrebuiltChoiceField(label=_("Status"), required=False, choices=[("", "—"), *c.Status.choices])
    channel = PrebuiltChoiceField(label=_("Channel"), required=False, choices=[("", "—"), *c.Channel.choices])
    unit = _reference_field(_("Unit"))
    region = _reference_field(_("Region"))
    respondent = _reference_field(_("Respondent"))
    right = _reference_field(_("Right or issue"))
    received_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Received until (inclusive)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    urgent = forms.BooleanField(label=_("Urgent only"), required=False)
    open = forms.BooleanField(label=_("Open only"), required=False)
    sort = PrebuiltChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("number", _("By number")),
        ],
    )

    def __init__(self, *args, lists: RegisterLists, **kwargs):
        super().__init__(*args, **kwargs)
        self.lists = lists
        for name, (choices, html) in lists.selects.items():
            self.fields[name].prebuild(choices, html)  # type: ignore[attr-defined]

    def rendered_fields(self) -> list[str]:
        """Each field as components/field.html renders it. A field without errors looks the same
        for the same value, so it is rendered once per value (in this language and version of
        the reference data: the fragments live in `lists`); the search text is always rendered."""
        html = []
        for bound in self:
            if bound.errors or bound.name in FREE_FIELDS:
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
    """What the register shows from reference data and fixed choices, in one language: the
    filters' choices with their options' HTML, and the labels of the rows' columns by value."""

    selects: dict[str, tuple[list, str]]
    codes: dict[str, dict[int, str]]  # reference filters: id → code (for the export's audit)
    districts: dict[int, str]
    statuses: dict[str, str]
    channels: dict[str, str]
    badges: dict[str, str]  # the words of the rows' badges
    fragments: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)  # see FilterForm.rendered_fields


def _build_lists() -> RegisterLists:
    selects, codes = {}, {}
    for name in ("view", "status", "channel", "sort"):
        field = FilterForm.base_fields[name]
        choices = [(value, str(label)) for value, label in field.fixed_choices]  # type: ignore[attr-defined]
        selects[name] = (choices, options_html(choices))
    for name, (model, _column) in REFERENCE_FILTERS.items():
        rows = collation.collated(model.objects.all())
        choices = [("", "---------"), *((str(row.pk), str(row)) for row in rows)]
        selects[name] = (choices, options_html(choices))
        codes[name] = {row.pk: row.code for row in rows}
    return RegisterLists(
        selects=selects,
        codes=codes,
        districts={d.pk: d.name for d in District.objects.all()},
        statuses={value: str(label) for value, label in c.Status.choices},
        channels={value: str(label) for value, label in c.Channel.choices},
        badges={"urgent": gettext("urgent"), "secret": gettext("secret tier"), "overdue": gettext("overdue")},
    )


def register_lists(token: str | None = None) -> RegisterLists:
    return refcache.cached("complaints.register", _build_lists, token=token)


def may_use_register(user) -> bool:
    """The register (and its API list) is open to intake clerks, case handlers and those who see
    every record; each still sees only the rows their scope allows."""
    return any(user.has_perm(p) for p in (REGISTER, HANDLE, VIEW_ALL))


def filtered_applications(user, params, lists: RegisterLists | None = None):
    form = FilterForm(params or None, lists=lists or register_lists())
    data = form.cleaned_data if form.is_valid() else {}
    qs = Application.objects.visible_to(user)
    view = data.get("view")
    if view == "mine":
        qs = qs.filter(assignee=user)
    elif view == "unit":
        qs = qs.filter(unit=user.org_unit_id)
    elif view == "overdue":
        overdue = Deadline.objects.filter(
            content_type__app_label="complaints",
            content_type__model="application",
            object_id=OuterRef("pk"),
            status=DeadlineStatus.OVERDUE,
            closed_at__isnull=True,
        )
        qs = qs.filter(Exists(overdue))
    for field in ("status", "channel"):
        if data.get(field):
            qs = qs.filter(**{field: data[field]})
    for field, (_model, column) in REFERENCE_FILTERS.items():
        if data.get(field):
            qs = qs.filter(**{column: data[field]})
    # Days of receipt in Baku time, both ends included (the dashboard's applications by month link here).
    zone = timezone.get_current_timezone()
    if data.get("received_from"):
        qs = qs.filter(received_at__gte=datetime.combine(data["received_from"], time(), zone))
    if data.get("received_to"):
        qs = qs.filter(received_at__lt=datetime.combine(data["received_to"] + timedelta(days=1), time(), zone))
    if data.get("urgent"):
        qs = qs.filter(Q(urgent_life=True) | Q(urgent_torture=True) | Q(urgent_child=True))
    if data.get("open"):
        qs = qs.filter(status__in=OPEN_STATUSES)
    if data.get("q"):
        qs = search(qs, data["q"])
    qs = keyset(data).order(qs)
    # Only what the list shows, from the applications table alone: no join, so the planner
    # walks one index; district and assignee labels are attached from look-ups.
    qs = qs.only(*LIST_FIELDS).annotate(next_deadline=next_deadline())
    return qs, data, form


def keyset(data) -> Keyset:
    return keyset_of(Application, SORTS.get(data.get("sort") or "newest", SORTS["newest"]))


def audited_filters(data, lists: RegisterLists) -> dict[str, str]:
    """The filters as the export's audit event records them: codes of reference rows. The search
    text may be a person's name: it is left out (the event says whether there was one)."""
    return {k: lists.codes[k].get(v, str(v)) if k in lists.codes else str(v) for k, v in data.items() if v and k != "q"}


def next_deadline():
    """The due time of each row's nearest open deadline, as a subquery of the list's one query
    (served by core_deadline_subject_idx)."""
    return Subquery(
        Deadline.objects.filter(
            content_type__app_label="complaints",
            content_type__model="application",
            object_id=OuterRef("pk"),
            closed_at__isnull=True,
        )
        .order_by("due_at")
        .values("due_at")[:1]
    )


# Above this many expected matches the list walks its date index and tests each row (a common
# word fills a page within a few hundred rows); below it the matches are read in full through the
# indexes, then sorted (bench/search.py measures both sides).
RARE_MATCHES = 10_000


def search(qs, text: str):
    """A registration number matches exactly. Otherwise an application matches when the summary
    does (PostgreSQL full text with its index; a substring on the embedded SQLite database) —
    outside the secret tier, whose summaries are sealed — or when every word of the query is one
    of its blind-indexed words: the applicant's and victims' names however they are spelt, and
    the whole words of a secret-tier summary. A bounded number of queries, whatever the words."""
    text = text.strip()
    if "/" in text:
        return qs.filter(number__iexact=text)
    readable = match_words(Application.objects.filter(is_secret=False), text, "summary").values("pk")
    digests = query_digests(text)
    named = _holding(digests) if digests else None
    arms = [readable] if named is None else [readable, named]
    expected = estimated_rows(readable.union(named, all=True) if named is not None else readable)
    if expected is not None and expected <= RARE_MATCHES:
        # A rare or absent word: the GIN and word indexes find the few matches first.
        return qs.filter(among(*arms))
    # A common word: tested on each row as the date index hands them over, until the page is full
    # (a subquery here would be read in full first, hundreds of thousands of ids).
    qs, summary_matches = words_condition(qs, text, "summary")
    condition = Q(is_secret=False) & summary_matches
    if digests:
        condition |= reduce(
            and_,
            (Exists(SearchToken.objects.filter(application=OuterRef("pk"), digest=d)) for d in digests),
        )
    return qs.filter(condition)


def _holding(digests: list[str]):
    """The ids of the applications holding every one of `digests`."""
    first, *rest = digests
    holders = SearchToken.objects.filter(digest=first)
    for d in rest:
        holders = holders.filter(Exists(SearchToken.objects.filter(application=OuterRef("application"), digest=d)))
    return holders.values("application_id")


def page_of(qs, data, cursor: str | None) -> Page:
    """One page of the filtered register by keyset (an invalid or stale cursor shows the first
    page: the filters or the sort changed under it)."""
    order = keyset(data)
    try:
        return order.page(qs, cursor, size=PAGE_SIZE)
    except InvalidCursor:
        return order.page(qs, None, size=PAGE_SIZE)


def present(rows: list[Application], lists: RegisterLists) -> list[dict]:
    """The page's rows as the template shows them: links, labels and local dates made here in one
    pass (no reverse(), gettext or date filter per row), assignees in one query."""
    marker = uuid.UUID(int=0)
    prefix, suffix = reverse("complaints:detail", args=[marker]).split(str(marker))
    zone = timezone.get_current_timezone()
    now = timezone.now()
    people = {
        u.pk: u.display_name
        for u in User.objects.only("username", "first_name", "last_name").filter(
            pk__in={row.assignee_id for row in rows if row.assignee_id}
        )
    }
    shown = []
    for row in rows:
        received = row.received_at.astimezone(zone)
        due = row.next_deadline.astimezone(zone) if row.next_deadline else None  # type: ignore[attr-defined]
        shown.append(
            {
                "url": f"{prefix}{row.public_id}{suffix}",
                "number": row.number,
                "urgent": row.urgent_life or row.urgent_torture or row.urgent_child,
                "secret": row.is_secret,
                "received_iso": received.isoformat(),
                "received": received.strftime("%Y-%m-%d %H:%M"),
                "channel": lists.channels.get(row.channel, row.channel),
                "district": lists.districts.get(row.district_id, ""),
                "status": lists.statuses.get(row.status, row.status),
                "assignee": people.get(row.assignee_id, "—"),
                "due_iso": due.isoformat() if due else "",
                "due": due.strftime("%Y-%m-%d") if due else "",
                "overdue": bool(due and row.next_deadline < now),  # type: ignore[attr-defined]
            }
        )
    return shown


def render_rows(rows: list[Application], lists: RegisterLists) -> str:
    """The page's table rows as HTML. Jinja2 (autoescaping) rather than a Django template: for
    50 rows of 13 values Django's engine alone cost about as much as the rows' query."""
    template = engines["jinja2"].get_template("complaints/_register_rows.html")
    return mark_safe(template.render({"rows": present(rows, lists), **lists.badges}))  # noqa: S308 - autoescaped


def call_counts(year: int, quarter: int):
    """Calls to 916 per topic in one quarter (every call counts: the figures are anonymous)."""
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    window = Q(
        call__received_at__gte=datetime.combine(start, time(), zone),
        call__received_at__lt=datetime.combine(end, time(), zone),
    )
    rows = [
        topic
        for topic in RightTopic.objects.annotate(
            n=Count("call", filter=window),
            urgent=Count("call", filter=window & Q(call__urgent=True)),
        ).order_by("-n", "sort_order")
        if topic.n
    ]
    return rows, sum(topic.n for topic in rows)

"""The register list: scoped, filtered, sorted, paginated without counting the whole table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import reduce
from operator import and_

from django import forms
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.accounts.models import OrgUnit, User
from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, RightTopic, SearchToken
from ombuds.complaints.permissions import HANDLE, REGISTER, VIEW_ALL
from ombuds.complaints.tokens import query_digests
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import Authority, Deadline, District, Region
from ombuds.core.search import among, estimated_rows, match_words, words_condition

PAGE_SIZE = 50
LIST_FIELDS = (
    "public_id",
    "number",
    "year",
    "unit",
    "sequence",
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
SORTS = {"newest": ("-received_at", "-pk"), "oldest": ("received_at", "pk"), "number": ("year", "unit", "sequence")}
OPEN_STATUSES = [c.Status.REGISTERED, c.Status.INFO_REQUESTED, c.Status.UNDER_CONSIDERATION, c.Status.CONCLUDED]


class FilterForm(forms.Form):
    view = forms.ChoiceField(
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
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", "—"), *c.Status.choices])
    channel = forms.ChoiceField(label=_("Channel"), required=False, choices=[("", "—"), *c.Channel.choices])
    unit = forms.ModelChoiceField(label=_("Unit"), required=False, queryset=OrgUnit.objects.all())
    region = forms.ModelChoiceField(label=_("Region"), required=False, queryset=Region.objects.all())
    respondent = forms.ModelChoiceField(label=_("Respondent"), required=False, queryset=Authority.objects.all())
    right = forms.ModelChoiceField(label=_("Right or issue"), required=False, queryset=RightTopic.objects.all())
    urgent = forms.BooleanField(label=_("Urgent only"), required=False)
    open = forms.BooleanField(label=_("Open only"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("number", _("By number")),
        ],
    )


def may_use_register(user) -> bool:
    """The register (and its API list) is open to intake clerks, case handlers and those who see
    every record; each still sees only the rows their scope allows."""
    return any(user.has_perm(p) for p in (REGISTER, HANDLE, VIEW_ALL))


def filtered_applications(user, params):
    form = FilterForm(params or None)
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
    if data.get("unit"):
        qs = qs.filter(unit=data["unit"])
    if data.get("region"):
        qs = qs.filter(region=data["region"])
    if data.get("respondent"):
        qs = qs.filter(respondents=data["respondent"])
    if data.get("right"):
        qs = qs.filter(rights=data["right"])
    if data.get("urgent"):
        qs = qs.filter(Q(urgent_life=True) | Q(urgent_torture=True) | Q(urgent_child=True))
    if data.get("open"):
        qs = qs.filter(status__in=OPEN_STATUSES)
    if data.get("q"):
        qs = search(qs, data["q"])
    qs = qs.order_by(*SORTS.get(data.get("sort") or "newest"))
    # Only what the list shows, from the applications table alone: no join, so the planner
    # walks one index; district and assignee labels are attached from two small look-ups.
    qs = qs.only(*LIST_FIELDS).annotate(next_deadline=next_deadline())
    return qs, data, form


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


@dataclass
class Page:
    """One page without a COUNT(*) of the register: one extra row tells whether there is a next page."""

    rows: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def page_of(qs, raw_number) -> Page:
    try:
        number = max(int(raw_number or 1), 1)
    except ValueError:
        number = 1
    start = (number - 1) * PAGE_SIZE
    rows = list(qs[start : start + PAGE_SIZE + 1])
    attach_labels(rows[:PAGE_SIZE])
    return Page(rows=rows[:PAGE_SIZE], number=number, has_next=len(rows) > PAGE_SIZE)


def attach_labels(rows: list[Application]) -> None:
    """Districts and assignees for a page of rows: two queries, whatever the page size."""
    districts = District.objects.in_bulk({row.district_id for row in rows})
    people = User.objects.only("username", "first_name", "last_name").in_bulk(
        {row.assignee_id for row in rows if row.assignee_id}
    )
    for row in rows:
        row.district = districts[row.district_id]
        row.assignee = people.get(row.assignee_id)


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

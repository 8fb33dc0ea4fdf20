"""Searching records' words the same way in every app.

Each database feature sits behind one small function with a plain fallback on the embedded SQLite
database: full text (`words_condition`, `match_words`), the planner's estimate of a match set (`estimated_rows`) and
a filter driven from a small match set (`among`).
"""

from __future__ import annotations

import json
from functools import reduce
from operator import or_

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import BooleanField, F, Func, Q


def words_condition(qs, text: str, *fields: str):
    """`(qs, condition)`: the condition that a row's `fields` hold the words of `text`, tested on
    each row (PostgreSQL full text in the "simple" configuration: the registers mix Azerbaijani,
    Russian and English, and no single stemmer fits; a GIN index on the same expression serves
    it); a plain substring match on the embedded SQLite database. `qs` gains what the condition
    refers to."""
    if connection.vendor == "postgresql":
        qs = qs.alias(_doc=SearchVector(*fields, config="simple"))
        return qs, Q(_doc=SearchQuery(text, config="simple", search_type="websearch"))
    return qs, reduce(or_, (Q(**{f"{field}__icontains": text}) for field in fields))


def match_words(qs, text: str, *fields: str):
    """`qs` narrowed to the rows whose `fields` hold the words of `text` (see words_condition)."""
    qs, condition = words_condition(qs, text, *fields)
    return qs.filter(condition)


def estimated_rows(qs) -> int | None:
    """How many rows the PostgreSQL planner expects `qs` to return (EXPLAIN: planned, not run);
    None on SQLite. For a word outside the index statistics' most common ones the figure is the
    planner's ceiling for "rare" (0.5 % of the table), not a count."""
    if connection.vendor != "postgresql":
        return None
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


class _InArray(Func):
    # `pk = ANY(ARRAY(subquery))`: the subquery runs once, in full, before the outer query; the
    # planner takes the array for a handful of keys and so fetches those rows by primary key and
    # sorts them, instead of walking a date index and testing each row against the match set
    # (which reads the whole table when the set is small or empty).
    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


def among(*matches) -> Q:
    """A filter keeping the rows whose pk one of `matches` (querysets of one pk column) returns,
    driven from the match sets: for sets small enough to read in full (see `estimated_rows`).
    A plain `pk IN (...)` on SQLite."""
    if connection.vendor == "postgresql":
        # order_by(): an array keeps its subquery's order, which nobody needs here.
        return reduce(or_, (Q(_InArray(F("pk"), ArraySubquery(match.order_by()))) for match in matches))
    return reduce(or_, (Q(pk__in=match) for match in matches))

"""Searching records' words the same way in every app."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q


def match_words(qs, text: str, *fields: str):
    """PostgreSQL full text over `fields` (the "simple" configuration: the registers mix Azerbaijani,
    Russian and English, and no single stemmer fits; a GIN index on the same expression serves it);
    a plain substring match on the embedded SQLite database."""
    if connection.vendor == "postgresql":
        return qs.alias(_doc=SearchVector(*fields, config="simple")).filter(
            _doc=SearchQuery(text, config="simple", search_type="websearch")
        )
    return qs.filter(reduce(or_, (Q(**{f"{field}__icontains": text}) for field in fields)))

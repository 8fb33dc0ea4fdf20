"""The one paginator of every API list (imported by DRF while it loads its settings: keep this
module free of imports of DRF views or drf-spectacular)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param, replace_query_param


class Pagination(BasePagination):
    """Page numbers without a COUNT(*): one extra row tells whether there is a next page.

    Counting a large register on every page costs more than the page itself, and nobody pages
    to the end of it; clients follow `next` until it is null. Pages past MAX_PAGE are refused:
    narrow the list with its filters instead.
    """

    page_query_param = "page"
    max_page = 10_000

    def __init__(self) -> None:
        self.page_size: int = api_settings.PAGE_SIZE or 50  # read per request: tests change it
        self.number = 1
        self.has_next = False
        self.request = None

    def _number(self, request) -> int:
        raw = request.query_params.get(self.page_query_param, "1")
        try:
            number = int(raw)
        except ValueError:
            number = 0
        if not 1 <= number <= self.max_page:
            message = _("Enter a whole page number between 1 and %(max)d.") % {"max": self.max_page}
            raise exceptions.ValidationError({self.page_query_param: [message]})
        return number

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.number = self._number(request)
        start = (self.number - 1) * self.page_size
        rows = list(queryset[start : start + self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        return rows[: self.page_size]

    def _link(self, number: int) -> str:
        url = self.request.build_absolute_uri()  # type: ignore[attr-defined]
        if number == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, number)

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self._link(self.number + 1) if self.has_next else None,
                "previous": self._link(self.number - 1) if self.number > 1 else None,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "description": "One page; no total count is given. Follow `next` until it is null.",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number (pages are not counted; follow `next`).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page},
            }
        ]

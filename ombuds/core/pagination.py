"""The one paginator of every API list (imported by DRF while it loads its settings: keep this
module free of imports of DRF views or drf-spectacular)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param, replace_query_param

from ombuds.core.keyset import InvalidCursor, Page, keyset_of


class Pagination(BasePagination):
    """Keyset pages without a COUNT(*), in the order the view set declares (`ordering`, ending
    with the primary key so the order is total).

    Counting a large register on every page costs more than the page itself, and OFFSET makes a
    deep page cost every page before it; a cursor page costs the same anywhere. Clients follow
    `next` (and `previous`) until it is null; a cursor is opaque and only valid for the list and
    order that made it.
    """

    cursor_query_param = "cursor"

    def __init__(self) -> None:
        self.page_size: int = api_settings.PAGE_SIZE or 50  # read per request: tests change it
        self.page: Page | None = None
        self.request = None

    def paginate_queryset(self, queryset, request, view=None):
        ordering = getattr(view, "ordering", None)
        if not ordering:
            raise ImproperlyConfigured(f"{type(view).__name__} must declare `ordering` (ending with the primary key)")
        self.request = request
        token = request.query_params.get(self.cursor_query_param) or None
        try:
            self.page = keyset_of(queryset.model, ordering).page(queryset, token, size=self.page_size)
        except InvalidCursor:
            message = _("This cursor is not valid for this list: follow the `next` and `previous` links as given.")
            raise exceptions.ValidationError({self.cursor_query_param: [message]}) from None
        return self.page.rows

    def _link(self, cursor: str | None, *, first: bool = False) -> str | None:
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()  # type: ignore[attr-defined]
        if first:  # the first page has a plain address
            return remove_query_param(url, self.cursor_query_param)
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_paginated_response(self, data):
        page = self.page
        assert page is not None  # noqa: S101 - DRF calls paginate_queryset first
        return Response(
            {
                "next": self._link(page.next_cursor),
                "previous": self._link(page.previous_cursor, first=page.number == 2),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "description": "One page; no total count is given. Follow `next` (or `previous`) until it is null.",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": (
                    "Opaque position in the list, taken from the `next` or `previous` link of the page before; "
                    "omit it for the first page. A cursor not made by this list (edited, or from another list) "
                    "is a 400."
                ),
                "schema": {"type": "string"},
            }
        ]

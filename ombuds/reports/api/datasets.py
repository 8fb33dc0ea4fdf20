"""The API of the reports app: datasets (/api/v1/datasets/), read-only.

Published datasets are open data: anyone may read them, signed in or not, in their public form
(counts of 1–4 suppressed, and the cells that would give them away). Staff holding
`accounts.view_aggregates` also see the drafts, and get the raw figures — the same counts their
pages show them — unless they ask for the public form with `?public=true` (to check what will
be published). A dataset out of reach (a draft, for anyone else) is 404 like a missing one.
"""

from __future__ import annotations

from django import forms
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from ombuds.reports.api import dataset_serializers as s
from ombuds.reports.models import Dataset
from ombuds.reports.permissions import may_view
from ombuds.reports.scoping import datasets_for

PUBLIC_PARAMETER = OpenApiParameter(
    "public",
    OpenApiTypes.BOOL,
    description="Staff who see raw figures: give the public (suppressed) form instead. Everyone else always gets it.",
)


YEAR_PARAMETER = OpenApiParameter(
    "year",
    {"type": "integer", "minimum": 1, "maximum": 9999},
    description="The year the period starts in.",
)


class YearFilter(filters.NumberFilter):
    field_class = forms.IntegerField  # a whole year, within what a date can hold (else 400)


class DatasetFilter(filters.FilterSet):
    year = YearFilter(
        field_name="period_start__year", min_value=1, max_value=9999, help_text="The year the period starts in."
    )
    status = filters.ChoiceFilter(choices=Dataset._meta.get_field("status").choices)

    class Meta:
        model = Dataset
        fields: list[str] = []


@extend_schema_view(
    list=extend_schema(
        summary="Statistics datasets (published ones, and drafts for staff)",
        parameters=[YEAR_PARAMETER],
    ),
    retrieve=extend_schema(summary="One dataset with its figures", parameters=[PUBLIC_PARAMETER]),
)
class DatasetViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]  # published statistics are open data; the queryset decides the rest
    lookup_field = "public_id"
    ordering = ("-period_start", "-number", "-pk")
    filterset_class = DatasetFilter
    serializer_class = s.DatasetSerializer  # the list's; a dataset's figures come with its detail

    def get_queryset(self):
        return datasets_for(self.request.user)

    def get_serializer_class(self):
        return s.DatasetDetailSerializer if self.action == "retrieve" else s.DatasetSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        public = str(self.request.query_params.get("public", "")).lower() in ("1", "true", "yes")
        context["raw"] = may_view(self.request.user) and not public
        return context

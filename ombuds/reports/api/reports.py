"""The API of the reports app: reports (/api/v1/reports/), read-only.

A published report is public: anyone may read it, signed in or not, with its chapters' text and
the datasets it was read from. Staff holding `accounts.view_aggregates` also see the reports
in preparation. A report out of reach (unpublished, for anyone else) is 404 like a missing one."""

from __future__ import annotations

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from ombuds.reports.api import report_serializers as s
from ombuds.reports.api.datasets import YearFilter
from ombuds.reports.choices import ReportKind, ReportStatus
from ombuds.reports.models import Report
from ombuds.reports.scoping import reports_for


class ReportFilter(filters.FilterSet):
    year = YearFilter(field_name="year", min_value=1, max_value=9999, help_text="The year the report covers.")
    kind = filters.ChoiceFilter(choices=ReportKind.choices)
    status = filters.ChoiceFilter(choices=ReportStatus.choices)

    class Meta:
        model = Report
        fields: list[str] = []


@extend_schema_view(
    list=extend_schema(summary="Annual and NPM reports (published ones, and those in preparation for staff)"),
    retrieve=extend_schema(summary="One report with its chapters' text and its datasets"),
)
class ReportViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]  # published reports are public; the queryset decides the rest
    lookup_field = "public_id"
    ordering = ("-year", "kind", "-pk")
    filterset_class = ReportFilter
    serializer_class = s.ReportSerializer  # the list's; the chapters come with a report's detail

    def get_queryset(self):
        return reports_for(self.request.user).prefetch_related("narratives").order_by(*self.ordering)

    def get_serializer_class(self):
        return s.ReportDetailSerializer if self.action == "retrieve" else s.ReportSerializer

"""REST endpoints of the monitoring app: the same scoping, services and audit as the pages.
Interviews and allegations are listed only for those who may see the secret tier of a visit."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from ombuds.accounts.scoping import get_object_for_user
from ombuds.core.api import SectionMixin
from ombuds.core.etags import (
    ETAG_HEADER,
    IF_MATCH,
    PRECONDITION_RESPONSES,
    VersionedDetailMixin,
    expected_version,
    versioned_patch,
    with_etag,
)
from ombuds.core.idempotency import IdempotencyMixin
from ombuds.monitoring import services
from ombuds.monitoring.api import serializers as s
from ombuds.monitoring.forms import PeriodForm
from ombuds.monitoring.models import (
    AccessIncident,
    Allegation,
    Finding,
    Interview,
    Place,
    PopulationCount,
    Visit,
    VisitPlan,
)
from ombuds.monitoring.permissions import MANAGE_VISITS, VIEW_ALL_RECORDS, VIEW_PLACE, VIEW_SECRET_TIER, may_use_visits

MANAGE = MANAGE_VISITS


def _require(user, *perms: str) -> None:
    if not any(user.has_perm(p) for p in perms):
        raise PermissionDenied


class PlaceViewSet(
    IdempotencyMixin,
    SectionMixin,
    VersionedDetailMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Place.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.PlaceSerializer
    ordering = ("name_az", "pk")
    section_permissions = (VIEW_PLACE,)
    lookup_field = "public_id"
    filterset_fields = ["place_type", "is_active"]

    def get_queryset(self):
        return Place.objects.select_related("authority", "district")

    def create(self, request, *args, **kwargs):
        _require(request.user, MANAGE)  # before validating: no hints for outsiders
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        serializer.instance = services.register_place(self.request.user, **serializer.validated_data)

    @extend_schema(
        request=s.PlaceEditSerializer,
        responses={200: s.PlaceSerializer, **PRECONDITION_RESPONSES},
        parameters=[IF_MATCH, ETAG_HEADER],
    )
    def partial_update(self, request, *args, **kwargs):
        """Correct facts of the register, with the ETag of the version read in If-Match."""
        _require(request.user, MANAGE)
        return versioned_patch(
            self,
            request,
            s.PlaceEditSerializer,
            lambda place, data, version: services.update_place(request.user, place, version=version, **data),
        )


class PopulationCountViewSet(
    IdempotencyMixin, SectionMixin, mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    queryset = PopulationCount.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.PopulationCountSerializer
    ordering = ("-counted_on", "-pk")
    section_permissions = (VIEW_PLACE,)
    filterset_fields = ["place__public_id"]

    def get_queryset(self):
        return PopulationCount.objects.select_related("place")

    def create(self, request, *args, **kwargs):
        _require(request.user, MANAGE)
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        d = serializer.validated_data
        serializer.instance = services.record_population(
            self.request.user, d["place"], d["counted_on"], d["count"], d.get("source", "")
        )


class VisitPlanViewSet(SectionMixin, viewsets.ReadOnlyModelViewSet):
    queryset = VisitPlan.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.VisitPlanSerializer
    ordering = ("-year", "-pk")
    section_permissions = (MANAGE, VIEW_ALL_RECORDS)
    lookup_field = "public_id"

    def get_queryset(self):
        return VisitPlan.objects.visible_to(self.request.user)

    def get_object(self):
        return get_object_for_user(
            self.get_queryset(), self.request.user, self.kwargs["public_id"], purpose="visit planning"
        )


class VisitViewSet(
    IdempotencyMixin,
    SectionMixin,
    VersionedDetailMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Visit.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.VisitSerializer
    ordering = ("-planned_date", "-pk")

    def may_use_section(self, user) -> bool:
        return may_use_visits(user)  # the same section as the visit pages

    lookup_field = "public_id"
    filterset_fields = ["status", "visit_type"]

    def get_queryset(self):
        return Visit.objects.visible_to(self.request.user).select_related("place", "unit")

    def get_object(self):
        return get_object_for_user(
            self.get_queryset(), self.request.user, self.kwargs["public_id"], purpose="visit team work"
        )

    def create(self, request, *args, **kwargs):
        _require(request.user, MANAGE)
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        # The one who schedules leads the visit until the team is completed on the page.
        serializer.instance = services.schedule_visit(
            self.request.user, team=[(self.request.user, "leader")], **serializer.validated_data
        )

    @extend_schema(
        request=s.VisitPlanEditSerializer,
        responses={200: s.VisitSerializer, **PRECONDITION_RESPONSES},
        parameters=[IF_MATCH, ETAG_HEADER],
    )
    def partial_update(self, request, *args, **kwargs):
        """Change the plan (date, objectives, trigger) before the team arrives, with the ETag of
        the version read in If-Match."""
        _require(request.user, MANAGE)
        return versioned_patch(
            self,
            request,
            s.VisitPlanEditSerializer,
            lambda visit, data, version: services.update_visit_plan(request.user, visit, version=version, **data),
        )


class FindingViewSet(
    IdempotencyMixin,
    SectionMixin,
    VersionedDetailMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Findings of the visits the user may see; a correction (PATCH/PUT) or a withdrawal (POST
    …/withdraw/ with a reason) goes through the services while the report is not final."""

    queryset = Finding.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.FindingSerializer
    ordering = ("-created_at", "-pk")
    section_permissions = (MANAGE, VIEW_ALL_RECORDS)
    lookup_field = "public_id"
    filterset_fields = ["area", "severity"]

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return s.FindingEditSerializer
        if self.action == "withdraw":
            return s.WithdrawSerializer
        return s.FindingSerializer

    def get_queryset(self):
        visible = Visit.objects.visible_to(self.request.user).values("pk")
        return Finding.objects.filter(visit__in=visible).select_related("visit")

    def create(self, request, *args, **kwargs):
        _require(request.user, MANAGE)
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        visit = get_object_for_user(
            Visit.objects, self.request.user, data.pop("visit").public_id, purpose="visit team work"
        )
        serializer.instance = services.add_finding(self.request.user, visit, **data)

    @extend_schema(
        responses={200: s.FindingEditSerializer, **PRECONDITION_RESPONSES}, parameters=[IF_MATCH, ETAG_HEADER]
    )
    def update(self, request, *args, **kwargs):
        _require(request.user, MANAGE)
        self.expected_version = expected_version(request, self.get_object())
        response = super().update(request, *args, **kwargs)
        return with_etag(response, self.updated)

    @extend_schema(
        responses={200: s.FindingEditSerializer, **PRECONDITION_RESPONSES}, parameters=[IF_MATCH, ETAG_HEADER]
    )
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)

    def perform_update(self, serializer):
        self.updated = serializer.instance = services.edit_finding(
            self.request.user, serializer.instance, version=self.expected_version, **serializer.validated_data
        )

    @action(detail=True, methods=["post"])
    def withdraw(self, request, public_id=None):
        _require(request.user, MANAGE)
        finding = self.get_object()
        serializer = s.WithdrawSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.withdraw_finding(request.user, finding, serializer.validated_data["reason"])
        return Response(status=204)


class AccessIncidentViewSet(SectionMixin, viewsets.ReadOnlyModelViewSet):
    """Obstructions of access, with the official and the offence protocol; `?from=&to=` (dates)
    give the period a report covers."""

    queryset = AccessIncident.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.AccessIncidentSerializer
    ordering = ("created_at", "pk")
    section_permissions = (MANAGE, VIEW_ALL_RECORDS)
    lookup_field = "public_id"

    def get_queryset(self):
        period = PeriodForm(
            {"start": self.request.query_params.get("from"), "end": self.request.query_params.get("to")}
        )
        if not period.is_valid():
            raise ValidationError(period.errors)
        return services.access_incidents(self.request.user, **period.cleaned_data)


class InterviewViewSet(SectionMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Interview.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.InterviewSerializer
    ordering = ("created_at", "pk")
    section_permissions = (MANAGE, VIEW_SECRET_TIER)
    lookup_field = "public_id"

    def get_queryset(self):
        return Interview.objects.filter(
            visit__in=services.secret_tier_visits(self.request.user).values("pk")
        ).select_related("visit")


class AllegationViewSet(SectionMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Allegation.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.AllegationSerializer
    ordering = ("-created_at", "-pk")
    section_permissions = (MANAGE, VIEW_SECRET_TIER)
    lookup_field = "public_id"

    def get_queryset(self):
        return Allegation.objects.visible_to(self.request.user).select_related("visit", "interview")

    def get_object(self):
        return get_object_for_user(
            self.get_queryset(),
            self.request.user,
            self.kwargs["public_id"],
            purpose=self.request.query_params.get("purpose", ""),
        )

"""REST endpoints of the outreach app (plans, items, events, participant counts). Lists and
details come from `visible_to` (out of scope: 404); the services check who may change what."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from ombuds.core.idempotency import IdempotencyMixin
from ombuds.core.services import require
from ombuds.outreach import services
from ombuds.outreach.api import serializers as s
from ombuds.outreach.models import ActionPlan, Attendance, Event, PlanItem
from ombuds.outreach.permissions import MANAGE


def _cancel(view, request, call):
    record = view.get_object()
    require(request.user, MANAGE)  # before the body: no validation errors for someone who may not act
    body = s.CancelSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    record = call(request.user, record, reason=body.validated_data["reason"])
    return Response(view.get_serializer(record).data)


class ActionPlanViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ActionPlanSerializer
    ordering = ("-year", "-pk")
    lookup_field = "public_id"

    def get_queryset(self):
        return ActionPlan.objects.visible_to(self.request.user)


class PlanItemViewSet(IdempotencyMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = s.PlanItemSerializer
    ordering = ("planned_from", "pk")
    lookup_field = "public_id"
    filterset_fields = ["status", "topic__code"]

    def get_queryset(self):
        return (
            PlanItem.objects.visible_to(self.request.user).select_related("plan", "topic").prefetch_related("audiences")
        )

    @extend_schema(request=s.CancelSerializer, responses=s.PlanItemSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, public_id=None):
        return _cancel(self, request, services.cancel_plan_item)


class EventViewSet(
    IdempotencyMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    serializer_class = s.EventSerializer
    ordering = ("-starts_at", "-pk")
    lookup_field = "public_id"
    filterset_fields = ["status", "event_format"]

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .select_related("plan_item", "host_unit", "region")
            .prefetch_related("remote_offices")
        )

    def create(self, request, *args, **kwargs):
        require(request.user, MANAGE)  # before the body, as above
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.create_event(self.request.user, data.pop("plan_item"), **data)

    @extend_schema(request=s.CancelSerializer, responses=s.EventSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, public_id=None):
        return _cancel(self, request, services.cancel_event)


class AttendanceViewSet(IdempotencyMixin, mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = s.AttendanceSerializer
    ordering = ("event", "pk")
    filterset_fields = ["event__public_id", "remote"]

    def get_queryset(self):
        return Attendance.objects.visible_to(self.request.user).select_related("event", "office")

    def create(self, request, *args, **kwargs):
        require(request.user, MANAGE)
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.record_attendance(self.request.user, data.pop("event"), **data)

"""REST endpoints of the outreach app (plans, items, events, participant counts)."""

from __future__ import annotations

from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied

from ombuds.outreach import services
from ombuds.outreach.api import serializers as s
from ombuds.outreach.models import ActionPlan, Attendance, Event, PlanItem


def _require_manage(user) -> None:
    if not user.has_perm(services.MANAGE):
        raise PermissionDenied


class ActionPlanViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ActionPlanSerializer
    lookup_field = "public_id"
    queryset = ActionPlan.objects.order_by("-year")


class PlanItemViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.PlanItemSerializer
    lookup_field = "public_id"
    queryset = PlanItem.objects.select_related("plan", "topic").prefetch_related("audiences").order_by("planned_from")
    filterset_fields = ["status", "topic__code"]


class EventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = s.EventSerializer
    lookup_field = "public_id"
    queryset = (
        Event.objects.select_related("plan_item", "host_unit", "region")
        .prefetch_related("remote_offices")
        .order_by("-starts_at")
    )
    filterset_fields = ["status", "event_format"]

    def create(self, request, *args, **kwargs):
        _require_manage(request.user)
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.create_event(self.request.user, data.pop("plan_item"), **data)


class AttendanceViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = s.AttendanceSerializer
    queryset = Attendance.objects.select_related("event", "office").order_by("event", "pk")
    filterset_fields = ["event__public_id", "remote"]

    def create(self, request, *args, **kwargs):
        _require_manage(request.user)
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.record_attendance(self.request.user, data.pop("event"), **data)

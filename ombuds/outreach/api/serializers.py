from __future__ import annotations

from rest_framework import serializers

from ombuds.accounts.models import OrgUnit
from ombuds.core import api
from ombuds.core.models import Region
from ombuds.outreach.models import ActionPlan, Attendance, Event, PlanItem, Topic


class ActionPlanSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = ActionPlan
        fields = ["id", "year", "title_az", "title_en", "title_ru", "approved_on", "goals", "budget"]


class PlanItemSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    plan = serializers.SlugRelatedField(slug_field="public_id", read_only=True)
    topic = serializers.SlugRelatedField(slug_field="code", queryset=Topic.objects.all())
    audiences = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = PlanItem
        fields = [
            "id",
            "plan",
            "topic",
            "audiences",
            "planned_from",
            "planned_to",
            "event_format",
            "target_events",
            "target_participants",
            "target_satisfied",
            "status",
            "cancel_reason",
        ]


class EventSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    plan_item = serializers.SlugRelatedField(slug_field="public_id", queryset=PlanItem.objects.all())
    host_unit = serializers.SlugRelatedField(slug_field="code", queryset=OrgUnit.objects.all())
    region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all())
    remote_offices = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=OrgUnit.objects.all(), required=False
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "plan_item",
            "kind",
            "title_az",
            "title_en",
            "title_ru",
            "starts_at",
            "ends_at",
            "host_unit",
            "venue",
            "region",
            "event_format",
            "remote_offices",
            "target_organisations",
            "status",
            "cancel_reason",
            "satisfied_share",
        ]
        read_only_fields = ["status", "cancel_reason", "satisfied_share"]


class CancelSerializer(api.Serializer):
    reason = serializers.CharField(max_length=1000)


class AttendanceSerializer(api.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="public_id", queryset=Event.objects.all())
    office = serializers.SlugRelatedField(
        slug_field="code", queryset=OrgUnit.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Attendance
        fields = ["event", "organisation", "office", "women", "men", "remote"]

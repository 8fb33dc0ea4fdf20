from __future__ import annotations

from rest_framework import serializers

from ombuds.accounts.models import OrgUnit
from ombuds.core import api
from ombuds.core.models import Authority, District
from ombuds.monitoring import choices as c
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


class PlaceSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    authority = serializers.SlugRelatedField(
        slug_field="code", queryset=Authority.objects.all(), required=False, allow_null=True
    )
    district = serializers.SlugRelatedField(slug_field="code", queryset=District.objects.all())
    occupancy = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Place
        fields = [
            "id",
            "name_az",
            "name_en",
            "name_ru",
            "place_type",
            "authority",
            "district",
            "address",
            "capacity",
            "categories",
            "is_active",
            "last_visit_at",
            "next_due_on",
            "occupancy",
        ]
        read_only_fields = ["last_visit_at", "next_due_on"]


class PlaceEditSerializer(api.ModelSerializer):
    """A correction of the register (PATCH, with If-Match): the facts `update_place` takes."""

    authority = serializers.SlugRelatedField(
        slug_field="code", queryset=Authority.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Place
        fields = [
            "name_en",
            "name_ru",
            "place_type",
            "authority",
            "capacity",
            "address",
            "categories",
            "source",
            "note",
        ]


class PopulationCountSerializer(api.ModelSerializer):
    place = serializers.SlugRelatedField(slug_field="public_id", queryset=Place.objects.all())

    class Meta:
        model = PopulationCount
        fields = ["place", "counted_on", "count", "source"]


class VisitPlanSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = VisitPlan
        fields = ["id", "year", "title", "approved_on"]


class VisitSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    place = serializers.SlugRelatedField(slug_field="public_id", queryset=Place.objects.all())
    unit = serializers.SlugRelatedField(slug_field="code", queryset=OrgUnit.objects.all())
    occupancy = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Visit
        fields = [
            "id",
            "place",
            "unit",
            "visit_type",
            "announced",
            "trigger",
            "planned_date",
            "status",
            "arrival_at",
            "access_at",
            "end_at",
            "people_held",
            "private_interviews",
            "group_interviews",
            "applications_received",
            "occupancy",
        ]
        read_only_fields = [
            "status",
            "arrival_at",
            "access_at",
            "end_at",
            "people_held",
            "private_interviews",
            "group_interviews",
            "applications_received",
        ]


class VisitPlanEditSerializer(api.ModelSerializer):
    """The plan of a visit before the team arrives (PATCH, with If-Match)."""

    class Meta:
        model = Visit
        fields = ["planned_date", "objectives", "trigger"]


class FindingSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    visit = serializers.SlugRelatedField(slug_field="public_id", queryset=Visit.objects.all())
    sources = serializers.ListField(child=serializers.ChoiceField(choices=c.FindingSource.choices), min_length=1)

    class Meta:
        model = Finding
        fields = ["id", "visit", "area", "subtopic", "text", "sources", "severity", "standard"]


class FindingEditSerializer(FindingSerializer):
    """A correction: the visit a finding belongs to does not change."""

    visit = serializers.UUIDField(source="visit.public_id", read_only=True)


class WithdrawSerializer(api.Serializer):
    reason = serializers.CharField(max_length=300)


class AccessIncidentSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    visit = serializers.UUIDField(source="visit.public_id", read_only=True)
    place = serializers.CharField(source="visit.place.name_az", read_only=True)
    recorded_at = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = AccessIncident
        fields = [
            "id",
            "visit",
            "place",
            "recorded_at",
            "kind",
            "minutes_lost",
            "official",
            "protocol_reference",
            "description",
        ]
        read_only_fields = fields


class InterviewSerializer(api.ModelSerializer):
    """Pseudonyms and consents only: the sealed identity and the notes never leave through the API."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    visit = serializers.UUIDField(source="visit.public_id", read_only=True)

    class Meta:
        model = Interview
        fields = [
            "id",
            "visit",
            "pseudonym",
            "kind",
            "private",
            "group_size",
            "interpreter",
            "consent_anonymised_use",
            "consent_disclose_to_authority",
            "consent_publish",
            "consent_medical_exam",
            "consent_refer_allegation",
            "reprisal_risk",
            "is_minor",
        ]


class AllegationSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    visit = serializers.UUIDField(source="visit.public_id", read_only=True)
    interview = serializers.CharField(source="interview.pseudonym", read_only=True)

    class Meta:
        model = Allegation
        fields = [
            "id",
            "visit",
            "interview",
            "status",
            "events_date",
            "consent_exam",
            "consent_refer",
            "not_referred_reason",
        ]

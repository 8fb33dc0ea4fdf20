from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ombuds.complaints import choices as c
from ombuds.complaints.models import Application, Call, InfoRequest, RightTopic
from ombuds.complaints.visibility import party_fields
from ombuds.core import api
from ombuds.core.models import Authority, District


def _codes(queryset):
    return serializers.SlugRelatedField(slug_field="code", queryset=queryset)


class AuthoritySerializer(api.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Authority
        fields = ["code", "name_az", "name_en", "name_ru", "kind", "parent", "excluded_from_mandate"]


class ApplicantSerializer(api.Serializer):
    surname = serializers.CharField(required=False, allow_blank=True, max_length=100)
    given_name = serializers.CharField(required=False, allow_blank=True, max_length=100)
    patronymic = serializers.CharField(required=False, allow_blank=True, max_length=100)
    organisation = serializers.CharField(required=False, allow_blank=True, max_length=200)
    sex = serializers.ChoiceField(choices=c.Sex.choices, required=False)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    email = serializers.EmailField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True, max_length=300)
    contacts_secret = serializers.BooleanField(required=False)


class VisibleApplicationNumber(serializers.SlugRelatedField):
    """An earlier application by its registration number, among those the caller may see."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="number", **kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return Application.objects.visible_to(request.user) if request else Application.objects.none()

    def use_pk_only_optimization(self):
        return False


class ApplicantDetailsSerializer(api.Serializer):
    """The applicant as the reader may see them (complaints.visibility): contacts kept secret are
    left out for those the case page hides them from."""

    surname = serializers.CharField(required=False)
    given_name = serializers.CharField(required=False)
    patronymic = serializers.CharField(required=False)
    organisation = serializers.CharField(required=False)
    address = serializers.CharField(required=False)
    phone = serializers.CharField(required=False)
    email = serializers.CharField(required=False)


DETAIL_FIELDS = ("surname", "given_name", "patronymic", "organisation", "address", "phone", "email")


class ApplicationSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    district = _codes(District.objects.all())
    respondents = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Authority.objects.all(), required=False
    )
    rights = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=RightTopic.objects.all(), required=False
    )
    assignee = serializers.SlugRelatedField(slug_field="username", read_only=True)
    applicant = ApplicantSerializer(write_only=True, required=False)
    repeat_of = VisibleApplicationNumber(required=False, allow_null=True)
    applicant_details = serializers.SerializerMethodField()

    @extend_schema_field(ApplicantDetailsSerializer(allow_null=True))
    def get_applicant_details(self, app) -> dict | None:
        """Only on a single record, opened through the funnel (with its purpose in the secret tier);
        lists carry no personal details."""
        request, view = self.context.get("request"), self.context.get("view")
        if request is None or getattr(view, "action", None) != "retrieve" or app.applicant_id is None:
            return None
        visible = party_fields(request.user, app, app.applicant)
        return {name: getattr(app.applicant, name) for name in DETAIL_FIELDS if name in visible}

    class Meta:
        model = Application
        fields = [
            "id",
            "number",
            "status",
            "channel",
            "app_type",
            "received_at",
            "unit",
            "district",
            "applicant_kind",
            "applicant",
            "applicant_details",
            "summary",
            "respondents",
            "rights",
            "violation_date",
            "awareness_date",
            "court_status",
            "about_court_delay",
            "repeat_of",
            "new_facts",
            "has_evidence",
            "from_detention",
            "detention_place",
            "facility_received_at",
            "facility_forwarded_at",
            "forwarding_breach",
            "urgent_life",
            "urgent_torture",
            "urgent_child",
            "sensitivity",
            "assignee",
            "refusal_ground",
            "outcome",
            "created_at",
        ]
        read_only_fields = ["number", "status", "forwarding_breach", "refusal_ground", "outcome", "created_at"]


class ApplicationEditSerializer(api.Serializer):
    """A correction of the case details (PATCH, with If-Match): what the case page's form edits."""

    # A PATCH names only what it changes.
    summary = serializers.CharField(required=False)
    district = serializers.SlugRelatedField(slug_field="code", queryset=District.objects.all(), required=False)
    respondents = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Authority.objects.all(), required=False
    )
    rights = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=RightTopic.objects.all(), required=False
    )


class DecisionSerializer(api.Serializer):
    decision = serializers.ChoiceField(choices=["accept", "refuse", "refer", "request_info"])
    ground = serializers.ChoiceField(choices=c.RefusalGround.choices, required=False, allow_blank=True)
    reason = serializers.CharField(required=False, allow_blank=True)
    referred_to = serializers.SlugRelatedField(slug_field="code", queryset=Authority.objects.all(), required=False)


class CallSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    topic = _codes(RightTopic.objects.all())
    district = serializers.SlugRelatedField(
        slug_field="code", queryset=District.objects.all(), required=False, allow_null=True
    )
    caller_phone = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=40)
    application = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = Call
        fields = [
            "id",
            "received_at",
            "caller_name",
            "caller_phone",
            "topic",
            "district",
            "urgent",
            "note",
            "application",
        ]


class InfoRequestSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    application = serializers.UUIDField(source="application.public_id")
    addressee = _codes(Authority.objects.all())

    class Meta:
        model = InfoRequest
        fields = [
            "id",
            "application",
            "addressee",
            "basis",
            "questions",
            "sent_at",
            "due_at",
            "status",
            "reminders",
            "reply_at",
            "reply",
        ]
        read_only_fields = ["sent_at", "due_at", "status", "reminders", "reply_at", "reply"]


class ReplySerializer(api.Serializer):
    reply = serializers.CharField()


class MeasureSerializer(api.Serializer):
    # A recommendation is drafted through the recommendations register, which records its measure.
    kind = serializers.ChoiceField(choices=c.MANUAL_MEASURE_KINDS)
    addressee = serializers.SlugRelatedField(slug_field="code", queryset=Authority.objects.all())
    text = serializers.CharField()


class ConclusionSerializer(api.Serializer):
    outcome = serializers.ChoiceField(choices=c.Outcome.choices)
    rights_restored = serializers.BooleanField(required=False, default=False)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class EmptySerializer(api.Serializer):
    pass

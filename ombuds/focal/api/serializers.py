"""What the authority API shows a focal point: the item as addressed to its body and its own
answers, nothing else of the case. An information request names its application by number only
(no applicant, no other party, no internal note); a recommendation gives its text and the places
it is about, never the rationale, the findings or the visit. Answers are written through the
answering services (`focal.services.requests` / `focal.services.responses`)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ombuds.complaints.models import InfoRequest
from ombuds.core import api
from ombuds.core.i18n import pick
from ombuds.focal.models import Receipt
from ombuds.recommendations import choices as rc
from ombuds.recommendations.models import AuthorityResponse, Recommendation


class ReceiptSerializer(api.ModelSerializer):
    """The acknowledgement of an answer submitted through the portal or the API."""

    class Meta:
        model = Receipt
        fields = ["reference", "submitted_at"]
        read_only_fields = fields


def _receipt(rows) -> dict | None:
    """The latest receipt among `rows` (prefetched, newest first), or None for an answer that
    came by letter and was recorded by staff."""
    return ReceiptSerializer(rows[0]).data if rows else None


class AuthorityInfoRequestSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    application_number = serializers.CharField(source="application.number", read_only=True)
    receipt = serializers.SerializerMethodField(help_text="The acknowledgement of the reply given online, if any.")

    class Meta:
        model = InfoRequest
        fields = [
            "id",
            "application_number",
            "basis",
            "questions",
            "sent_at",
            "due_at",
            "status",
            "reply",
            "reply_at",
            "receipt",
        ]
        read_only_fields = fields

    @extend_schema_field(ReceiptSerializer(allow_null=True))
    def get_receipt(self, ir) -> dict | None:
        return _receipt(ir.receipts)


class AuthorityAnswerSerializer(api.ModelSerializer):
    """One answer of the authority: given online (with its receipt) or by letter and recorded by
    the Commissioner's staff."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    receipt = serializers.SerializerMethodField()

    class Meta:
        model = AuthorityResponse
        fields = ["id", "received_on", "stance", "text", "channel", "reference", "receipt"]
        read_only_fields = fields

    @extend_schema_field(ReceiptSerializer(allow_null=True))
    def get_receipt(self, response) -> dict | None:
        receipt = getattr(response, "portal_receipt", None)  # the reverse one-to-one, selected
        return ReceiptSerializer(receipt).data if receipt is not None else None


class AuthorityRecommendationSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    text = serializers.SerializerMethodField(
        help_text="The text in the request's language (Accept-Language: az, en or ru), else in Azerbaijani."
    )
    places = serializers.SerializerMethodField(help_text="The names of the places it is about.")
    response_due = serializers.SerializerMethodField(
        help_text="When the authority's response is due by the legal clock (null if no clock runs)."
    )
    responses = AuthorityAnswerSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "number",
            "kind",
            "status",
            "issued_on",
            "response_due",
            "due_date",
            "text",
            "text_az",
            "text_en",
            "text_ru",
            "places",
            "responses",
        ]
        read_only_fields = fields

    def get_text(self, rec) -> str:
        return pick(rec, "text")

    def get_places(self, rec) -> list[str]:
        return [pick(place, "name") for place in rec.places.all()]

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_response_due(self, rec):
        due = self.context.get("response_due", {}).get(rec.pk)
        return serializers.DateTimeField().to_representation(due) if due else None


class AuthorityReplySerializer(api.Serializer):
    text = serializers.CharField(help_text="The reply to the questions.")
    files = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        max_length=10,
        help_text="Documents attached to the reply (multipart/form-data only).",
    )


class AuthorityRespondSerializer(api.Serializer):
    stance = serializers.ChoiceField(choices=rc.Stance.choices)
    text = serializers.CharField(help_text="The reasons, the measures taken or planned, the evidence of them.")
    files = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        max_length=10,
        help_text="Evidence attached to the response (multipart/form-data only).",
    )

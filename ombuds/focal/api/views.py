"""The authority API (/api/v1/authority/): a focal point's own items, read and answered from its
body's own system with a token of its own (created on the portal's "API tokens" page).

- Only an active focal point gets anything here: staff, whatever their role, get 404 (they have
  the staff API), as does a revoked focal point. A focal point's token opens nothing outside
  /api/v1/authority/ (`accounts.tokens.ApiTokenAuthentication`).
- Items come from `focal.scoping` only: another body's item is 404, like a missing one.
- Answers go through the portal's answering services, so the API and the pages record, audit,
  acknowledge and notify the same way; the receipt says `via_api`.
- Messages are in the request's language: the language cookie of a signed-in browser, else
  Accept-Language (az, en, ru), else Azerbaijani.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import translation
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from ombuds.complaints.choices import InfoRequestStatus
from ombuds.complaints.models import InfoRequest
from ombuds.core.api import _ERROR, AutoSchema
from ombuds.core.choices import DeadlineStatus
from ombuds.core.etags import VersionedDetailMixin
from ombuds.core.idempotency import IdempotencyMixin
from ombuds.core.models import Deadline
from ombuds.focal import scoping
from ombuds.focal.api import serializers as s
from ombuds.focal.models import Receipt
from ombuds.focal.services.activity import record_opening
from ombuds.focal.services.requests import answer_info_request
from ombuds.focal.services.responses import answer_recommendation
from ombuds.recommendations import choices as rc
from ombuds.recommendations.models import AuthorityResponse, Recommendation
from ombuds.recommendations.services.lifecycle import RESPONSE_RULES


class AuthoritySchema(AutoSchema):
    """Every operation here may answer 404: to anyone who is not an active focal point, the
    authority API does not exist."""

    def _get_response_bodies(self, direction="response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        responses.setdefault(
            "404",
            {
                "description": "No such item, another body's item, or a caller who is not an authority's focal point.",
                "content": {"application/json": {"schema": _ERROR}},
            },
        )
        return responses


class AuthorityAPIMixin:
    """The gate of every authority endpoint, and the request's language."""

    schema = AuthoritySchema()
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def initial(self, request, *args, **kwargs):
        # A system calling the API sends no language cookie: Accept-Language says what it reads.
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES and "Accept-Language" in request.headers:
            language = translation.get_language_from_request(request._request)
            translation.activate(language)
            request._request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        if scoping.focal_point_of(request.user) is None:
            raise exceptions.NotFound

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        response["Content-Language"] = translation.get_language()
        return response


def _one(queryset, public_id):
    """One item of the caller's own (a malformed id, a missing item and another body's alike: 404)."""
    try:
        key = uuid.UUID(str(public_id))
    except ValueError as exc:
        raise exceptions.NotFound from exc
    item = queryset.filter(public_id=key).first()
    if item is None:
        raise exceptions.NotFound
    return item


def _answer_schema(payload):
    """An answer's documentation: JSON (text only) or multipart (text and files); 201 with the receipt."""
    return extend_schema(
        request={"application/json": payload, "multipart/form-data": payload},
        responses={201: s.ReceiptSerializer},
    )


def _payload(request, payload_class) -> dict:
    payload = payload_class(data=request.data)
    payload.is_valid(raise_exception=True)
    return dict(payload.validated_data)


class InfoRequestFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=InfoRequestStatus.choices)
    open = filters.BooleanFilter(method="filter_open", help_text="Not yet answered (true) or answered (false).")

    class Meta:
        model = InfoRequest
        fields: list[str] = []

    def filter_open(self, queryset, _name, value):
        answered = {"status": InfoRequestStatus.ANSWERED}
        return queryset.exclude(**answered) if value else queryset.filter(**answered)


class AuthorityInfoRequestViewSet(
    IdempotencyMixin,
    AuthorityAPIMixin,
    VersionedDetailMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The Commissioner's information requests to your body, the reply due first."""

    queryset = InfoRequest.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.AuthorityInfoRequestSerializer
    ordering = ("due_at", "pk")
    lookup_field = "public_id"
    filterset_class = InfoRequestFilter

    def get_queryset(self):
        return (
            scoping.info_requests_for(self.request.user)
            .select_related("application")
            .prefetch_related(
                Prefetch(
                    "portal_receipts", queryset=Receipt.objects.order_by("-submitted_at", "-pk"), to_attr="receipts"
                )
            )
        )

    def get_object(self):
        item = _one(self.get_queryset(), self.kwargs["public_id"])
        record_opening(self.request.user, item)  # the staff see that it was read
        return item

    @_answer_schema(s.AuthorityReplySerializer)
    @action(detail=True, methods=["post"], filterset_class=None)
    def reply(self, request, public_id=None):
        """Answer the request: its clock stops, the Commissioner's staff member handling the case
        is notified, and the receipt's reference number acknowledges it. A request is answered
        once."""
        item = _one(self.get_queryset(), public_id)
        data = _payload(request, s.AuthorityReplySerializer)
        receipt = answer_info_request(request.user, item, text=data["text"], files=data.get("files", ()), via_api=True)
        return Response(s.ReceiptSerializer(receipt).data, status=status.HTTP_201_CREATED)


class RecommendationFilter(filters.FilterSet):
    status = filters.ChoiceFilter(
        choices=[("open", "Any open status"), *((v, label) for v, label in rc.Status.choices if v != rc.Status.DRAFT)],
        method="filter_status",
        help_text="A status, or `open`: awaiting your response or the report of its implementation.",
    )

    class Meta:
        model = Recommendation
        fields: list[str] = []

    def filter_status(self, queryset, _name, value):
        if value == "open":
            return queryset.filter(status__in=rc.OPEN)
        return queryset.filter(status=value)


def response_dues(recs) -> dict[int, Any]:
    """When each recommendation's response is due by the legal clock (the latest clock of the
    response rules), in one query for a page of them."""
    pks = [rec.pk for rec in recs]
    if not pks:
        return {}
    clocks = (
        Deadline.objects.filter(
            content_type=ContentType.objects.get_for_model(Recommendation),
            object_id__in=pks,
            rule__code__in=RESPONSE_RULES,
        )
        .exclude(status=DeadlineStatus.CANCELLED)
        .order_by("object_id", "pk")
        .values_list("object_id", "due_at")
    )
    return dict(clocks)  # the latest clock of each wins


class AuthorityRecommendationViewSet(
    IdempotencyMixin,
    AuthorityAPIMixin,
    VersionedDetailMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The Commissioner's recommendations to your body (to your place, for a focal point of one
    place), with your body's responses; newest first."""

    queryset = Recommendation.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.AuthorityRecommendationSerializer
    ordering = ("-year", "-sequence", "-pk")
    lookup_field = "public_id"
    filterset_class = RecommendationFilter

    def get_queryset(self):
        return scoping.recommendations_for(self.request.user).prefetch_related(
            "places",
            Prefetch("responses", queryset=AuthorityResponse.objects.select_related("portal_receipt")),
        )

    def get_object(self):
        item = _one(self.get_queryset(), self.kwargs["public_id"])
        record_opening(self.request.user, item)
        return item

    @_answer_schema(s.AuthorityRespondSerializer)
    @action(detail=True, methods=["post"], filterset_class=None)
    def respond(self, request, public_id=None):
        """Accept or reject it with reasons, or report progress or its implementation with
        evidence. A report of implementation makes it "reported implemented, unverified" until
        the Commissioner's staff verify it."""
        item = _one(self.get_queryset(), public_id)
        data = _payload(request, s.AuthorityRespondSerializer)
        receipt = answer_recommendation(
            request.user, item, stance=data["stance"], text=data["text"], files=data.get("files", ()), via_api=True
        )
        return Response(s.ReceiptSerializer(receipt).data, status=status.HTTP_201_CREATED)

    def get_serializer(self, *args, **kwargs):
        if args and "context" not in kwargs:
            rows = args[0] if kwargs.get("many") else [args[0]]
            kwargs["context"] = {**self.get_serializer_context(), "response_due": response_dues(rows)}
        return super().get_serializer(*args, **kwargs)

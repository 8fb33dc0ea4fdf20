"""REST endpoints of the recommendations register: the same scoping (`visible_to` and the funnel),
the same services and therefore the same audit as the pages.

The section (manage recommendations, or read every record) is checked before any record is looked
up: without it every answer is 403. With it, a recommendation out of the caller's scope is 404,
like one that does not exist. A write needs its own permission on top (issue, publish) and is
refused with 403 before its input is read."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from ombuds.accounts.scoping import get_object_for_user
from ombuds.core.api import SectionMixin
from ombuds.core.etags import ETAG_HEADER, IF_MATCH, PRECONDITION_RESPONSES, VersionedDetailMixin, versioned_patch
from ombuds.core.idempotency import IdempotencyMixin
from ombuds.monitoring.models import Finding, Place
from ombuds.monitoring.report import GuardFailure
from ombuds.recommendations import services
from ombuds.recommendations.api import serializers as s
from ombuds.recommendations.api.filters import RecommendationFilter
from ombuds.recommendations.choices import Source
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.permissions import ISSUE, MANAGE, PUBLISH, may_use_register


def _location(request, rec) -> str:
    return request.build_absolute_uri(reverse("recommendation-detail", kwargs={"public_id": rec.public_id}))


def _require(user, perm: str) -> None:
    if not user.has_perm(perm):
        raise PermissionDenied


class RecommendationViewSet(
    IdempotencyMixin,
    SectionMixin,
    VersionedDetailMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Recommendations to authorities and their verified follow-up. `?q=` searches the text (any
    language) and the number; the other filters narrow the register as its page does."""

    queryset = Recommendation.objects.none()  # for the schema; requests use get_queryset
    serializer_class = s.RecommendationSerializer
    ordering = ("-year", "-sequence", "-pk")  # newest first, as numbered
    lookup_field = "public_id"
    filterset_class = RecommendationFilter

    def may_use_section(self, user) -> bool:
        return may_use_register(user)

    def get_queryset(self):
        return (
            Recommendation.objects.visible_to(self.request.user)
            .select_related("visit", "application", "addressee", "right", "repeats", "issued_by", "responsible", "unit")
            .prefetch_related(
                Prefetch("findings", queryset=Finding.all_objects.only("pk", "public_id")),
                Prefetch("places", queryset=Place.objects.only("pk", "public_id")),
            )
        )

    def get_object(self):
        return get_object_for_user(self.get_queryset(), self.request.user, self.kwargs["public_id"])

    def get_serializer_class(self):
        if self.action == "create":
            return s.RecommendationCreateSerializer
        return s.RecommendationSerializer

    def _answer(self, rec, code=status.HTTP_200_OK) -> Response:
        """The recommendation as the detail shows it, read again after the service's change."""
        rec = self.get_queryset().get(pk=rec.pk)
        return Response(s.RecommendationSerializer(rec, context=self.get_serializer_context()).data, status=code)

    def _payload(self, request, payload_class):
        payload = payload_class(data=request.data, context=self.get_serializer_context())
        payload.is_valid(raise_exception=True)
        return dict(payload.validated_data)

    @extend_schema(request=s.RecommendationCreateSerializer, responses={201: s.RecommendationSerializer})
    def create(self, request, *args, **kwargs):
        """Draft a recommendation (`services.draft_recommendation`): from a visit and the findings
        it answers, an application in which a violation was found, or a report."""
        _require(request.user, MANAGE)  # before validating: no hints for outsiders
        data = self._payload(request, s.RecommendationCreateSerializer)
        if data.get("source") == Source.APPLICATION:
            # As on the case page: the draft is recorded on the case as its measure, in one write.
            application = data.pop("application", None)
            data.pop("source")
            if application is None:
                raise ValidationError({"application": _("Choose the application.")})
            rec = services.draft_from_application(request.user, application, **data)
        else:
            rec = services.draft_recommendation(request.user, **data)
        response = self._answer(rec, status.HTTP_201_CREATED)
        response["Location"] = _location(request, rec)
        return response

    @extend_schema(
        request=s.RecommendationEditSerializer,
        responses={200: s.RecommendationSerializer, **PRECONDITION_RESPONSES},
        parameters=[IF_MATCH, ETAG_HEADER],
    )
    def partial_update(self, request, *args, **kwargs):
        """Correct a draft (an issued recommendation is changed only by a new one), with the ETag
        of the version read in If-Match."""
        _require(request.user, MANAGE)
        return versioned_patch(
            self,
            request,
            s.RecommendationEditSerializer,
            lambda rec, data, version: services.update_draft(request.user, rec, version=version, **data),
        )

    @extend_schema(request=s.IssueSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request, public_id=None):
        """Approve and issue a draft: the letter in the chosen language, the response clock
        started, the due date from the legal clock unless set here by hand with a reason."""
        _require(request.user, ISSUE)
        rec = self.get_object()
        data = self._payload(request, s.IssueSerializer)
        return self._answer(services.issue_recommendation(request.user, rec, **data))

    @extend_schema(methods=["get"], responses=s.AuthorityResponseSerializer(many=True))
    @extend_schema(
        methods=["post"], request=s.AuthorityResponseSerializer, responses={201: s.AuthorityResponseSerializer}
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filterset_class=None)
    def responses(self, request, public_id=None):
        """The authority's responses, oldest first; a POST records one: its clock stops and the
        status follows what it says (a claim of implementation stays unverified)."""
        if request.method == "POST":
            _require(request.user, MANAGE)
        rec = self.get_object()
        if request.method == "GET":
            rows = rec.responses.select_related("created_by")
            return Response(s.AuthorityResponseSerializer(rows, many=True).data)
        data = self._payload(request, s.AuthorityResponseSerializer)
        answer = services.record_response(request.user, rec, **data)
        return Response(s.AuthorityResponseSerializer(answer).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=s.StatusChangeSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def history(self, request, public_id=None):
        """The dated history of the status, each step with its evidence."""
        rec = self.get_object()
        rows = rec.history.select_related("response", "visit", "document", "created_by")
        return Response(s.StatusChangeSerializer(rows, many=True).data)

    @extend_schema(request=s.OutcomeSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def outcome(self, request, public_id=None):
        """Record the degree of implementation with what it rests on. Implemented needs a
        verification source; evidence by document is recorded on the recommendation's page,
        where the file is uploaded."""
        _require(request.user, MANAGE)
        rec = self.get_object()
        data = self._payload(request, s.OutcomeSerializer)
        services.record_outcome(request.user, rec, data.pop("status"), **data)
        return self._answer(rec)

    @extend_schema(methods=["get"], responses=s.EscalationSerializer(many=True))
    @extend_schema(methods=["post"], request=s.EscalationSerializer, responses={201: s.EscalationSerializer})
    @action(detail=True, methods=["get", "post"], pagination_class=None, filterset_class=None)
    def escalations(self, request, public_id=None):
        """Steps taken when it is not implemented: a reminder letter, a meeting, a report to the
        Milli Majlis, a public statement."""
        if request.method == "POST":
            _require(request.user, MANAGE)
        rec = self.get_object()
        if request.method == "GET":
            return Response(s.EscalationSerializer(rec.escalations.all(), many=True).data)
        data = self._payload(request, s.EscalationSerializer)
        step = services.record_escalation(request.user, rec, data.pop("step"), **data)
        return Response(s.EscalationSerializer(step).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.NoLongerRelevantSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"], url_path="no-longer-relevant")
    def no_longer_relevant(self, request, public_id=None):
        """Close an open recommendation that no longer applies (the place closed, the law changed)."""
        _require(request.user, MANAGE)
        rec = self.get_object()
        data = self._payload(request, s.NoLongerRelevantSerializer)
        services.mark_no_longer_relevant(request.user, rec, data.pop("reason"), **data)
        return self._answer(rec)

    @extend_schema(request=s.RepeatSerializer, responses={201: s.RecommendationSerializer})
    @action(detail=True, methods=["post"])
    def repeat(self, request, public_id=None):
        """Repeat a recommendation not or partly implemented: a new draft linked to it (counted as
        a repeat), copied from it except what the request changes."""
        _require(request.user, MANAGE)
        rec = self.get_object()
        data = self._payload(request, s.RepeatSerializer)
        new = services.repeat_recommendation(request.user, rec, **data)
        response = self._answer(new, status.HTTP_201_CREATED)
        response["Location"] = _location(request, new)
        return response

    @extend_schema(request=s.EmptySerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, public_id=None):
        """Publish it in the public tracker (the Commissioner); refused while anything in it could
        identify an interviewee."""
        _require(request.user, PUBLISH)
        rec = self.get_object()
        self._payload(request, s.EmptySerializer)
        try:
            rec = services.publish_recommendation(request.user, rec)
        except GuardFailure as exc:  # it names where the sealed name is, not the name
            raise ValidationError({"non_field_errors": [str(exc)]}) from exc
        return self._answer(rec)

    @extend_schema(request=s.ReasonSerializer, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def unpublish(self, request, public_id=None):
        """Withdraw it from the public tracker, with the reason (audited)."""
        _require(request.user, PUBLISH)
        rec = self.get_object()
        data = self._payload(request, s.ReasonSerializer)
        return self._answer(services.unpublish_recommendation(request.user, rec, data["reason"]))

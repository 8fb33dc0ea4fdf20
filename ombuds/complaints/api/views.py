"""REST endpoints of the register. Writes go through the same services as the pages; the same
scoping (visible_to and the funnel) and the same audit apply."""

from __future__ import annotations

from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from ombuds.accounts.scoping import get_object_for_user
from ombuds.complaints import services
from ombuds.complaints.api import serializers as s
from ombuds.complaints.listing import may_use_register
from ombuds.complaints.models import Application, Call, InfoRequest
from ombuds.complaints.permissions import HANDLE, REGISTER
from ombuds.core.api import SectionMixin
from ombuds.core.etags import ETAG_HEADER, IF_MATCH, PRECONDITION_RESPONSES, VersionedDetailMixin, versioned_patch
from ombuds.core.idempotency import IdempotencyMixin
from ombuds.core.models import Authority

PURPOSE = OpenApiParameter("purpose", OpenApiTypes.STR, description="Why a secret-tier record is opened (audited).")


def _require(user, *perms: str) -> None:
    if not any(user.has_perm(p) for p in perms):
        raise PermissionDenied


class ApplicationFilter(filters.FilterSet):
    class Meta:
        model = Application
        fields = ["status", "channel", "sensitivity"]


class ApplicationViewSet(
    IdempotencyMixin,
    SectionMixin,
    VersionedDetailMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.ApplicationSerializer
    ordering = ("-received_at", "-pk")  # newest first (complaints_app_received_idx)
    lookup_field = "public_id"
    filterset_class = ApplicationFilter

    def get_queryset(self):
        return (
            Application.objects.visible_to(self.request.user)
            .select_related("unit", "district", "assignee")
            .prefetch_related("respondents", "rights")
        )

    def get_object(self):
        return get_object_for_user(
            self.get_queryset(),
            self.request.user,
            self.kwargs["public_id"],
            purpose=self.request.query_params.get("purpose", ""),
        )

    def may_use_section(self, user) -> bool:
        return may_use_register(user)

    @extend_schema(parameters=[PURPOSE, ETAG_HEADER])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        request=s.ApplicationEditSerializer,
        responses={200: s.ApplicationSerializer, **PRECONDITION_RESPONSES},
        parameters=[PURPOSE, IF_MATCH, ETAG_HEADER],
    )
    def partial_update(self, request, *args, **kwargs):
        """Correct the summary, district, respondents or rights (the case page's form), with the
        ETag of the version read in If-Match."""
        _require(request.user, HANDLE)  # before the lookup: no hints for outsiders
        return versioned_patch(
            self,
            request,
            s.ApplicationEditSerializer,
            lambda app, data, version: services.update_application(request.user, app, version=version, **data),
        )

    def create(self, request, *args, **kwargs):
        _require(request.user, REGISTER)  # before validating: no hints for outsiders
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.register_application(self.request.user, unit=self.request.user.org_unit, **data)

    @extend_schema(request=s.DecisionSerializer, responses=s.ApplicationSerializer, parameters=[PURPOSE])
    @action(detail=True, methods=["post"])
    def decision(self, request, public_id=None):
        app = self.get_object()
        _require(request.user, HANDLE)
        payload = s.DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        d = payload.validated_data
        app = services.decide_admissibility(
            request.user,
            app,
            d["decision"],
            reason=d.get("reason", ""),
            ground=d.get("ground", ""),
            referred_to=d.get("referred_to"),
        )
        return Response(s.ApplicationSerializer(app).data)

    def _step(self, request, payload_class, call):
        app = self.get_object()
        _require(request.user, HANDLE)
        payload = payload_class(data=request.data)
        payload.is_valid(raise_exception=True)
        call(app, payload.validated_data)
        app.refresh_from_db()
        return Response(s.ApplicationSerializer(app).data)

    @extend_schema(request=s.MeasureSerializer, responses=s.ApplicationSerializer, parameters=[PURPOSE])
    @action(detail=True, methods=["post"])
    def measures(self, request, public_id=None):
        return self._step(
            request,
            s.MeasureSerializer,
            lambda app, d: services.add_measure(
                request.user, app, kind=d["kind"], addressee=d["addressee"], text=d["text"]
            ),
        )

    @extend_schema(request=s.ConclusionSerializer, responses=s.ApplicationSerializer, parameters=[PURPOSE])
    @action(detail=True, methods=["post"])
    def conclusion(self, request, public_id=None):
        return self._step(
            request,
            s.ConclusionSerializer,
            lambda app, d: services.conclude_application(
                request.user, app, d["outcome"], rights_restored=d["rights_restored"], reason=d["reason"]
            ),
        )

    @extend_schema(request=s.EmptySerializer, responses=s.ApplicationSerializer, parameters=[PURPOSE])
    @action(detail=True, methods=["post"], url_path="applicant-notified")
    def applicant_notified(self, request, public_id=None):
        return self._step(request, s.EmptySerializer, lambda app, d: services.notify_applicant(request.user, app))

    @extend_schema(request=s.EmptySerializer, responses=s.ApplicationSerializer, parameters=[PURPOSE])
    @action(detail=True, methods=["post"])
    def closure(self, request, public_id=None):
        return self._step(request, s.EmptySerializer, lambda app, d: services.close_application(request.user, app))


class CallViewSet(IdempotencyMixin, mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = s.CallSerializer
    ordering = ("-received_at", "-pk")

    queryset = Call.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        _require(self.request.user, REGISTER)
        return Call.objects.visible_to(self.request.user).select_related("topic", "district", "application")

    def perform_create(self, serializer):
        _require(self.request.user, REGISTER)
        serializer.instance = services.log_call(self.request.user, **serializer.validated_data)


class InfoRequestViewSet(
    IdempotencyMixin,
    SectionMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.InfoRequestSerializer
    ordering = ("due_at", "pk")
    lookup_field = "public_id"

    def get_queryset(self):
        visible = Application.objects.visible_to(self.request.user).filter(is_secret=False)
        return InfoRequest.objects.filter(application__in=visible.values("pk")).select_related(
            "application", "addressee"
        )

    def may_use_section(self, user) -> bool:
        return may_use_register(user)

    def perform_create(self, serializer):
        _require(self.request.user, HANDLE)
        data = dict(serializer.validated_data)
        app = get_object_for_user(
            Application.objects,
            self.request.user,
            data.pop("application")["public_id"],
            purpose=self.request.query_params.get("purpose", ""),
        )
        serializer.instance = services.send_info_request(self.request.user, app, **data)

    @extend_schema(request=s.ReplySerializer, responses=s.InfoRequestSerializer)
    @action(detail=True, methods=["post"])
    def reply(self, request, public_id=None):
        _require(request.user, HANDLE)
        info_request = self.get_object()
        payload = s.ReplySerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        info_request = services.record_reply(request.user, info_request, payload.validated_data["reply"])
        return Response(s.InfoRequestSerializer(info_request).data)


class AuthorityViewSet(viewsets.ReadOnlyModelViewSet):
    """Reference list of public bodies (respondents and addressees)."""

    serializer_class = s.AuthoritySerializer
    lookup_field = "code"
    permission_classes = [permissions.IsAuthenticated]
    queryset = Authority.objects.select_related("parent")
    ordering = ("code", "pk")

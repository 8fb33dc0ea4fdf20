"""Serializers of the recommendations API. Related records are named as the rest of the API names
them: authorities and rights by code, visits, findings, places, applications and recommendations
by their public id. A related record the caller may not see is refused like one that does not
exist, so the answer reveals nothing about it."""

from __future__ import annotations

import uuid

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ombuds.complaints.models import Application, RightTopic
from ombuds.core import api
from ombuds.core.i18n import CONTENT_LANGUAGES
from ombuds.core.models import Authority
from ombuds.monitoring.models import Finding, Place, Visit
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import AuthorityResponse, EscalationStep, Recommendation, StatusChange


class VisibleRecord(serializers.SlugRelatedField):
    """A record by its public id, among those the caller may see (`visible_to` of `model`, or
    `scope(user)`); an unknown id, a hidden one and a malformed one get the same message."""

    default_error_messages = {
        "does_not_exist": _("No such record, or one you may not see."),
        "invalid": _("Give the record's identifier (a UUID)."),
    }

    def __init__(self, model, scope=None, **kwargs):
        self.model, self.scope = model, scope
        super().__init__(slug_field="public_id", queryset=model._default_manager.none(), **kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        if request is None:
            return self.model.objects.none()
        if self.scope is not None:
            return self.scope(request.user)
        return self.model.objects.visible_to(request.user)

    def to_internal_value(self, data):
        try:
            key = uuid.UUID(str(data))
        except (TypeError, ValueError, AttributeError):
            self.fail("invalid")
        record = self.get_queryset().filter(public_id=key).first()
        if record is None:
            self.fail("does_not_exist")
        return record

    def use_pk_only_optimization(self):
        return False


def _visible_findings(user):
    return Finding.objects.filter(visit__in=Visit.objects.visible_to(user).values("pk"))


def _places(_user):
    return Place.objects.all()  # the register of places is not scoped


def _codes(model, **kwargs):
    return serializers.SlugRelatedField(slug_field="code", queryset=model.objects.all(), **kwargs)


class SmartSerializer(api.Serializer):
    """The Double-SMART checklist answered while drafting (warnings on the page, never a block)."""

    specific = serializers.BooleanField(required=False)
    measurable = serializers.BooleanField(required=False)
    achievable = serializers.BooleanField(required=False)
    relevant = serializers.BooleanField(required=False)
    time_bound = serializers.BooleanField(required=False)


class RecommendationSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    visit = serializers.SlugRelatedField(slug_field="public_id", read_only=True)
    findings = serializers.SlugRelatedField(slug_field="public_id", many=True, read_only=True)
    application = serializers.SlugRelatedField(slug_field="public_id", read_only=True)
    addressee = serializers.SlugRelatedField(slug_field="code", read_only=True)
    places = serializers.SlugRelatedField(slug_field="public_id", many=True, read_only=True)
    right = serializers.SlugRelatedField(slug_field="code", read_only=True)
    repeats = serializers.SlugRelatedField(slug_field="public_id", read_only=True)
    smart = SmartSerializer(read_only=True)
    issued_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    responsible = serializers.SlugRelatedField(slug_field="username", read_only=True)
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "number",
            "year",
            "status",
            "status_changed_on",
            "source",
            "visit",
            "findings",
            "application",
            "report_title",
            "addressee",
            "places",
            "place_type",
            "area",
            "right",
            "kind",
            "priority",
            "text_az",
            "text_en",
            "text_ru",
            "rationale",
            "smart",
            "due_date",
            "due_set_by_hand",
            "due_reason",
            "is_overdue",
            "repeats",
            "uhri_reference",
            "issued_on",
            "issued_by",
            "letter_language",
            "responsible",
            "unit",
            "is_published",
            "published_at",
        ]
        read_only_fields = fields


class RecommendationEditSerializer(api.Serializer):
    """A correction of a draft (PATCH, with If-Match): what `update_draft` takes. A PATCH names
    only what it changes; findings must be the visit's own."""

    addressee = _codes(Authority, required=False)
    findings = VisibleRecord(Finding, _visible_findings, many=True, required=False)
    places = VisibleRecord(Place, _places, many=True, required=False)
    place_type = serializers.ChoiceField(choices=Recommendation._meta.get_field("place_type").choices, required=False)
    area = serializers.ChoiceField(choices=Recommendation._meta.get_field("area").choices, required=False)
    right = _codes(RightTopic, required=False, allow_null=True)
    kind = serializers.ChoiceField(choices=c.Kind.choices, required=False)
    priority = serializers.ChoiceField(choices=c.Priority.choices, required=False)
    text_az = serializers.CharField(required=False)
    text_en = serializers.CharField(required=False, allow_blank=True)
    text_ru = serializers.CharField(required=False, allow_blank=True)
    rationale = serializers.CharField(required=False, allow_blank=True)
    smart = SmartSerializer(required=False)
    due_date = serializers.DateField(required=False, allow_null=True)
    due_reason = serializers.CharField(required=False, allow_blank=True, max_length=300)
    uhri_reference = serializers.CharField(required=False, allow_blank=True, max_length=200)


class RecommendationCreateSerializer(RecommendationEditSerializer):
    """A new draft answering its source: a visit (with the findings it answers), an application
    in which a violation was found, or a thematic or annual report (by title)."""

    source = serializers.ChoiceField(choices=c.Source.choices)
    visit = VisibleRecord(Visit, required=False)
    application = VisibleRecord(Application, required=False)
    report_title = serializers.CharField(required=False, allow_blank=True, max_length=300)
    addressee = _codes(Authority)
    kind = serializers.ChoiceField(choices=c.Kind.choices)
    text_az = serializers.CharField()


class IssueSerializer(api.Serializer):
    language = serializers.ChoiceField(
        choices=CONTENT_LANGUAGES, required=False, help_text="The letter's language (default: as set on the draft)."
    )
    due_date = serializers.DateField(required=False, help_text="Set by hand, with `due_reason`; else the legal clock.")
    due_reason = serializers.CharField(required=False, allow_blank=True, max_length=300)


class AuthorityResponseSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    recorded_by = serializers.SlugRelatedField(source="created_by", slug_field="username", read_only=True)

    class Meta:
        model = AuthorityResponse
        fields = ["id", "received_on", "stance", "text", "channel", "reference", "recorded_by"]
        read_only_fields = ["recorded_by"]


class StatusChangeSerializer(api.ModelSerializer):
    """One dated step of the history with what it rests on: the authority's response, the
    follow-up visit or the document (an attachment, downloaded from the recommendation's page)."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    response = serializers.SlugRelatedField(slug_field="public_id", read_only=True)
    visit = serializers.SlugRelatedField(slug_field="public_id", read_only=True)
    document = serializers.SlugRelatedField(slug_field="public_id", read_only=True)
    recorded_by = serializers.SlugRelatedField(source="created_by", slug_field="username", read_only=True)

    class Meta:
        model = StatusChange
        fields = [
            "id",
            "old_status",
            "new_status",
            "happened_on",
            "evidence",
            "note",
            "response",
            "visit",
            "document",
            "recorded_by",
        ]
        read_only_fields = fields


# A document is evidence only as an uploaded file: that is recorded on the recommendation's page.
# The response term running out is the periodic job's, never a person's.
API_EVIDENCE = [
    (value, label) for value, label in c.Evidence.choices if value not in (c.Evidence.DOCUMENT, c.Evidence.CLOCK)
]
# What staff record as the degree of implementation (the other states follow the authority's answers).
OUTCOMES = [
    (status, status.label)
    for status in (c.Status.IN_PROGRESS, c.Status.IMPLEMENTED, c.Status.PARTIALLY_IMPLEMENTED, c.Status.NOT_IMPLEMENTED)
]


class OutcomeSerializer(api.Serializer):
    status = serializers.ChoiceField(choices=OUTCOMES)
    evidence = serializers.ChoiceField(
        choices=API_EVIDENCE,
        help_text="Implemented needs a verification source: a follow-up visit or the authority's report checked by "
        "staff. Evidence by document (an uploaded file) is recorded on the recommendation's page.",
    )
    happened_on = serializers.DateField(required=False)
    note = serializers.CharField(required=False, allow_blank=True)
    visit = VisibleRecord(Visit, required=False, help_text="The follow-up visit, for evidence `follow_up_visit`.")


class EscalationSerializer(api.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = EscalationStep
        fields = ["id", "step", "taken_on", "note"]
        extra_kwargs = {"taken_on": {"required": True}}


class ReasonSerializer(api.Serializer):
    reason = serializers.CharField(max_length=1000)


class NoLongerRelevantSerializer(ReasonSerializer):
    happened_on = serializers.DateField(required=False)


class RepeatSerializer(api.Serializer):
    """What the repeat changes; the rest is copied from the recommendation repeated."""

    addressee = _codes(Authority, required=False)
    kind = serializers.ChoiceField(choices=c.Kind.choices, required=False)
    priority = serializers.ChoiceField(choices=c.Priority.choices, required=False)
    text_az = serializers.CharField(required=False)
    text_en = serializers.CharField(required=False, allow_blank=True)
    text_ru = serializers.CharField(required=False, allow_blank=True)
    rationale = serializers.CharField(required=False, allow_blank=True)
    due_date = serializers.DateField(required=False)
    due_reason = serializers.CharField(required=False, allow_blank=True, max_length=300)


class EmptySerializer(api.Serializer):
    pass

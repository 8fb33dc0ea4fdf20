"""Serializers of the datasets API (/api/v1/datasets/): read-only. The figures are documented
field by field so that the schema says what a client gets in either form (raw or public)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ombuds.core import api
from ombuds.reports.datasets import public_figures
from ombuds.reports.models import Dataset

PUBLIC, RAW = "public", "raw"


class MeasureFiguresSerializer(api.Serializer):
    unit = serializers.CharField(help_text="What one counted thing is (appeal, visit, person…).")
    additive = serializers.BooleanField(
        help_text="The categories add up to the total (false: one record may be in several)."
    )
    values = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text='Count per category key (a cross-table\'s keys are "row|column"); null when suppressed.',
    )
    suppressed = serializers.DictField(
        child=serializers.CharField(),
        help_text='Suppressed categories: "<5" for a count of 1–4, "*" for one hidden so that a small count '
        "cannot be worked out from the total. Empty in the raw form.",
    )
    total = serializers.IntegerField(
        allow_null=True, help_text="The total (distinct records when not additive); null when suppressed."
    )
    labels = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text="Each category's label by language code, as frozen with the figures.",
    )
    columns = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="A cross-table's column keys."
    )
    column_labels = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField()), required=False, help_text="Their labels."
    )


class EnteredFiguresSerializer(api.Serializer):
    values = serializers.DictField(
        child=serializers.IntegerField(allow_null=True), help_text='Value per category ("total" when not split).'
    )
    sources = serializers.DictField(child=serializers.CharField(), help_text="Where each value comes from.")


class FiguresSerializer(api.Serializer):
    form = serializers.ChoiceField(
        choices=[(PUBLIC, "public: counts of 1–4 suppressed"), (RAW, "raw: every count")],
        help_text="Which form these figures are in.",
    )
    measures = serializers.DictField(child=MeasureFiguresSerializer(), help_text="By measure key.")
    entered = serializers.DictField(
        child=EnteredFiguresSerializer(), help_text="Figures the system does not record, entered by staff."
    )


def raw_figures(dataset: Dataset) -> dict:
    measures = {key: {**frozen, "suppressed": {}} for key, frozen in (dataset.data.get("measures") or {}).items()}
    entered = {
        key: {
            "values": {category: entry["value"] for category, entry in by.items()},
            "sources": {category: entry["source"] for category, entry in by.items()},
        }
        for key, by in (dataset.data.get("entered") or {}).items()
    }
    return {"form": RAW, "measures": measures, "entered": entered}


class DatasetSerializer(api.ModelSerializer):
    version = serializers.IntegerField(source="number", read_only=True, help_text="1 for the period's first snapshot.")

    class Meta:
        model = Dataset
        fields = [
            "public_id",
            "period_start",
            "period_end",
            "version",
            "snapshot_at",
            "content_hash",
            "status",
            "published_at",
        ]
        read_only_fields = fields


class DatasetDetailSerializer(DatasetSerializer):
    figures = serializers.SerializerMethodField()

    class Meta(DatasetSerializer.Meta):
        fields = [*DatasetSerializer.Meta.fields, "figures"]
        read_only_fields = fields

    @extend_schema_field(FiguresSerializer)
    def get_figures(self, dataset: Dataset) -> dict:
        if self.context.get("raw"):
            return raw_figures(dataset)
        return {"form": PUBLIC, **public_figures(dataset)}

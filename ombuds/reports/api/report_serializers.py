"""Serializers of the reports API (/api/v1/reports/): read-only. A published report shows its
text and the datasets it was read from (their ids and hashes, to fetch the figures from
/api/v1/datasets/); staff who see aggregates also get drafts and who approved them."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ombuds.core import api
from ombuds.reports import tables
from ombuds.reports.models import Dataset, Report


class DatasetRefSerializer(api.Serializer):
    public_id = serializers.UUIDField(help_text="The dataset's id in /api/v1/datasets/.")
    content_hash = serializers.CharField(help_text="SHA-256 of its figures.")
    version = serializers.IntegerField(help_text="Its version within the period.")


def _ref(dataset: Dataset | None) -> dict | None:
    if dataset is None:
        return None
    return {"public_id": dataset.public_id, "content_hash": dataset.content_hash, "version": dataset.number}


class ChapterSerializer(api.Serializer):
    key = serializers.CharField(help_text="The chapter's key (rights, prevention, visits…).")
    title = serializers.CharField(help_text="Its title in the request's language.")
    text_az = serializers.CharField(allow_blank=True)
    text_en = serializers.CharField(allow_blank=True)
    text_ru = serializers.CharField(
        allow_blank=True,
        help_text="The text as written: figures are references such as {{applications.total}}, read from the "
        "report's dataset.",
    )


class ReportSerializer(api.ModelSerializer):
    dataset = serializers.SerializerMethodField()
    previous_dataset = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "public_id",
            "kind",
            "year",
            "status",
            "title_az",
            "title_en",
            "title_ru",
            "submitted_on",
            "presented_on",
            "published_at",
            "dataset",
            "previous_dataset",
        ]
        read_only_fields = fields

    @extend_schema_field(DatasetRefSerializer)
    def get_dataset(self, report: Report) -> dict | None:
        return _ref(report.dataset)

    @extend_schema_field(DatasetRefSerializer(allow_null=True))
    def get_previous_dataset(self, report: Report) -> dict | None:
        return _ref(report.previous_dataset)


class ReportDetailSerializer(ReportSerializer):
    chapters = serializers.SerializerMethodField()

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "approved_at", "chapters"]
        read_only_fields = fields

    @extend_schema_field(ChapterSerializer(many=True))
    def get_chapters(self, report: Report) -> list[dict]:
        texts = {n.chapter: n for n in report.narratives.all()}
        out = []
        for chapter in tables.chapters(report.kind):
            narrative = texts.get(chapter.key)
            out.append(
                {
                    "key": chapter.key,
                    "title": str(chapter.title),
                    **{f"text_{lang}": getattr(narrative, f"text_{lang}", "") for lang in ("az", "en", "ru")},
                }
            )
        return out

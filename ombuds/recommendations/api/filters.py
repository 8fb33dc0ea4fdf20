"""The filters of the register in the API (the same questions the register page asks)."""

from __future__ import annotations

from django.db.models import Q
from django_filters import rest_framework as filters

from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import Recommendation


class RecommendationFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=c.Status.choices)
    addressee = filters.CharFilter(field_name="addressee__code", help_text="The addressee authority's code.")
    place_type = filters.ChoiceFilter(choices=PlaceType.choices)
    area = filters.ChoiceFilter(choices=ThematicArea.choices, help_text="The APT thematic area.")
    year = filters.NumberFilter(help_text="The year of the number (drafting or the institution's own).")
    source = filters.ChoiceFilter(choices=c.Source.choices)
    kind = filters.ChoiceFilter(choices=c.Kind.choices)
    overdue = filters.BooleanFilter(
        method="filter_overdue", help_text="Due date passed without being implemented (or no longer relevant)."
    )
    repeated = filters.BooleanFilter(
        method="filter_repeated", help_text="`true`: repeats of an earlier recommendation; `false`: first ones."
    )
    published = filters.BooleanFilter(field_name="is_published", help_text="In the public tracker.")
    q = filters.CharFilter(method="filter_text", help_text="Words of the text (any language) or the number.")

    class Meta:
        model = Recommendation
        fields: list[str] = []

    def filter_overdue(self, queryset, _name, value):
        if value:
            return queryset.overdue()
        return queryset.exclude(pk__in=Recommendation.objects.overdue().values("pk"))

    def filter_repeated(self, queryset, _name, value):
        return queryset.filter(repeats__isnull=not value)

    def filter_text(self, queryset, _name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(number__icontains=value)
            | Q(text_az__icontains=value)
            | Q(text_en__icontains=value)
            | Q(text_ru__icontains=value)
        )

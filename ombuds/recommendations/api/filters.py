"""The filters of the register in the API: the same questions, with the same rules, as the
register page (`listing.py`: overdue, repeated, published and the text search)."""

from __future__ import annotations

from django_filters import rest_framework as filters

from ombuds.monitoring.choices import PlaceType, ThematicArea
from ombuds.recommendations import choices as c
from ombuds.recommendations import listing
from ombuds.recommendations.models import Recommendation


class RecommendationFilter(filters.FilterSet):
    status = filters.ChoiceFilter(
        choices=[("open", "Any open status"), *c.Status.choices],
        method="filter_status",
        help_text="A status, or `open`: issued and not yet implemented or no longer relevant.",
    )
    addressee = filters.CharFilter(field_name="addressee__code", help_text="The addressee authority's code.")
    right = filters.CharFilter(field_name="right__code", help_text="The code of the right or issue.")
    place_type = filters.ChoiceFilter(choices=PlaceType.choices)
    area = filters.ChoiceFilter(choices=ThematicArea.choices, help_text="The APT thematic area.")
    year = filters.NumberFilter(help_text="The year of the number.")
    source = filters.ChoiceFilter(choices=c.Source.choices)
    kind = filters.ChoiceFilter(choices=c.Kind.choices)
    overdue = filters.BooleanFilter(
        method="filter_overdue", help_text="Due date passed without being implemented (or no longer relevant)."
    )
    repeated = filters.BooleanFilter(
        method="filter_repeated", help_text="It repeats an earlier recommendation, or a later one repeats it."
    )
    published = filters.BooleanFilter(method="filter_published", help_text="In the public tracker.")
    mine = filters.BooleanFilter(method="filter_mine", help_text="Those the caller is responsible for.")
    q = filters.CharFilter(
        method="filter_text",
        max_length=100,
        help_text="A number such as 2025/0012, or words of the text in any language.",
    )

    class Meta:
        model = Recommendation
        fields: list[str] = []

    def filter_status(self, queryset, _name, value):
        if value == "open":
            return queryset.filter(status__in=c.OPEN)
        return queryset.filter(status=value)

    def filter_overdue(self, queryset, _name, value):
        condition = listing.overdue_q()
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_repeated(self, queryset, _name, value):
        condition = listing.repeated_q()
        return queryset.filter(condition) if value else queryset.exclude(condition)

    def filter_published(self, queryset, _name, value):
        if value:
            return queryset.filter(is_published=True).exclude(status=c.Status.DRAFT)
        return queryset.filter(is_published=False)

    def filter_mine(self, queryset, _name, value):
        return queryset.filter(responsible=self.request.user) if value else queryset

    def filter_text(self, queryset, _name, value):
        return listing.search(queryset, value) if value.strip() else queryset

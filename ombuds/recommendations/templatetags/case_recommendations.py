"""The case page's view of the recommendations drafted from it (the complaints app does not import
this one: its template loads this library)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html

from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.permissions import may_use_register
from ombuds.recommendations.services import may_draft_from_application
from ombuds.recommendations.views_cases import may_draft_from_cases

register = template.Library()


@dataclass
class CaseRecommendations:
    items: list[Recommendation] = field(default_factory=list)
    draft_url: str = ""  # empty: the reader may not draft one from this case now

    def __bool__(self) -> bool:
        return bool(self.items or self.draft_url)


@register.simple_tag(takes_context=True)
def case_recommendations(context, app) -> CaseRecommendations:
    """The case's recommendations that the reader may open (one query), and where to draft one."""
    user = context["request"].user
    if not may_use_register(user):
        return CaseRecommendations()
    items = list(
        Recommendation.objects.visible_to(user)
        .filter(application=app)
        .select_related("addressee")
        .order_by("year", "sequence")
    )
    draft_url = ""
    if may_draft_from_cases(user) and may_draft_from_application(app):
        draft_url = reverse("recommendations:draft_from_application", args=[app.public_id])
        if context.get("purpose"):
            draft_url += "?" + urlencode({"purpose": context["purpose"]})
    return CaseRecommendations(items, draft_url)


@register.filter
def recommendation_link(number: str, recs: CaseRecommendations):
    """A measure's recommendation number, linked to the recommendation when the reader may open it."""
    for rec in recs.items if recs else ():
        if rec.number == number:
            return format_html('<a href="{}">{}</a>', rec.get_absolute_url(), number)
    return number


@register.inclusion_tag("recommendations/_case_recommendations.html")
def case_recommendations_section(recs: CaseRecommendations) -> dict:
    return {"recs": recs}

"""The portal's receipts on the staff recommendation page: a response that came through the
authority portal shows its receipt number (`recommendations` cannot import `focal`; its template
loads this library, as architecture.md describes)."""

from __future__ import annotations

from django import template

from ombuds.focal.models import Receipt

register = template.Library()


@register.simple_tag
def attach_portal_receipts(responses) -> str:
    """Give each response its `portal_reference` ("" when it came otherwise), in one query."""
    responses = list(responses)
    references = dict(
        Receipt.objects.filter(response__in=[r.pk for r in responses]).values_list("response_id", "reference")
    )
    for response in responses:
        response.portal_reference = references.get(response.pk, "")
    return ""

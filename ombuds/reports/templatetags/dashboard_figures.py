"""The dashboard's cells: whole numbers with digit grouping, anything else (a share, a dash) as it is."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value):
    if value is None:
        return "–"
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    return value

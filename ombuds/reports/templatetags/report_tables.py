"""Template helpers of the reports app: a table block's chart, a change with its sign."""

from django import template
from django.utils.formats import number_format

from ombuds.reports.charts import block_chart

register = template.Library()


@register.simple_tag
def chart_of(block, table_code):
    return block_chart(block, chart_id=f"chart-{table_code}-{block.measure.replace('.', '-')}")


@register.filter
def signed(value):
    """+12 / −3 / 0 (a real minus sign), grouped in the page's language; empty for None."""
    if value is None:
        return ""
    text = number_format(abs(value), force_grouping=True)
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"\u2212{text}"
    return "0"


@register.filter
def grouped(value):
    if value is None:
        return "–"
    return number_format(value, force_grouping=True)

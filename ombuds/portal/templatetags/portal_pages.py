"""The text of a staff-edited page, as HTML. Staff write plain text, never HTML: a blank line
starts a paragraph, a paragraph of lines starting with "- " is a list, and one starting with "## "
is a subheading (an h2, under the page's h1). Everything is escaped."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _block(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines[0].startswith("## ") and len(lines) == 1:
        return f'<h2 class="h4 mt-4">{escape(lines[0][3:].strip())}</h2>'
    if all(line.startswith("- ") for line in lines):
        items = "".join(f"<li>{escape(line[2:].strip())}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    return "<p>" + "<br>".join(escape(line) for line in lines) + "</p>"


@register.filter
def page_text(text: str) -> SafeString:
    blocks = [block for block in (text or "").replace("\r\n", "\n").split("\n\n") if block.strip()]
    return mark_safe("\n".join(_block(block) for block in blocks))  # noqa: S308 - every part is escaped

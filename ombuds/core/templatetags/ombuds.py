"""Template helpers shared by every app."""

from __future__ import annotations

from django import forms, template

from ombuds.core import collation
from ombuds.core.once import new_token

register = template.Library()


@register.filter
def bs_widget(bound_field):
    """Render a form field's widget with the Bootstrap class fitting its kind.

    Errors are tied to the input with aria-invalid/aria-describedby so screen readers announce them.
    """
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
        css = "form-check-input"
    elif isinstance(widget, forms.Select | forms.SelectMultiple):
        css = "form-select"
    else:
        css = "form-control"
    attrs = {"class": f"{widget.attrs.get('class', '')} {css}".strip()}
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_help")
    if bound_field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
        described.append(f"{bound_field.auto_id}_error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.filter
def collated(items):
    """`{% for d in region.districts.all|collated %}`: names in the alphabet of the user's language."""
    return collation.collated(items)


@register.simple_tag
def once_token() -> str:
    """A one-time token for a form written by hand (core/once.py); forms with OnceFormMixin carry their own."""
    return new_token()

"""Widgets for reference lists: autocomplete for large ones, prebuilt options for lists on every page.

Autocomplete for large reference lists (places, authorities…): a text field, not a dropdown.

A <select> of every place is megabytes at 50,000 places. Instead, the field is a text input; with
JavaScript, htmx asks the lookup endpoint for at most LIMIT suggestions as the user types and puts
them into the input's <datalist> (the browser's own accessible suggestion list). Without
JavaScript it stays a text field: the server resolves what was typed — a name in any content
language, or a suggestion "name — detail" — to exactly one record, or says why it cannot.

Apps register their lookups in AppConfig.ready(): core does not import the apps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

SEPARATOR = " — "  # between the name and the detail (e.g. the district) in a suggestion
LIMIT = 20
MIN_LENGTH = 2


@dataclass(frozen=True)
class Lookup:
    name: str  # in the endpoint's URL
    queryset: Callable[[], QuerySet]  # the records one may choose (e.g. active ones)
    fields: tuple[str, ...]  # searched, case-insensitively; the first one orders the suggestions
    permission: str | None = None  # who may search; None: any signed-in user
    detail: Callable[[Model], str] | None = None  # tells apart records of the same name
    key: str = "public_id"  # also accepted as typed (API clients, links)

    def label(self, obj: Model) -> str:
        detail = self.detail(obj) if self.detail else ""
        return f"{obj}{SEPARATOR}{detail}" if detail else str(obj)

    def allowed(self, user) -> bool:
        return self.permission is None or user.has_perm(self.permission)

    def search(self, text: str) -> list[Model]:
        text = text.strip()
        if len(text) < MIN_LENGTH:
            return []
        query = Q()
        for field in self.fields:
            query |= Q(**{f"{field}__icontains": text})
        return list(self.queryset().filter(query).order_by(self.fields[0], "pk")[:LIMIT])

    def resolve(self, text: str) -> Model:
        """The one record `text` names; ValidationError (in the user's language) otherwise."""
        text = text.strip()
        try:
            found = self.queryset().filter(**{self.key: text}).first()
        except (ValidationError, ValueError):  # not a key at all (e.g. a name in a UUID field)
            found = None
        if found is not None:
            return found
        name = text.split(SEPARATOR)[0].strip()
        query = Q()
        for field in self.fields:
            query |= Q(**{f"{field}__iexact": name})
        candidates = list(self.queryset().filter(query)[:50])
        exact = [obj for obj in candidates if self.label(obj).casefold() == text.casefold()]
        if len(exact) == 1:
            return exact[0]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            raise ValidationError(
                _("Several match “%(text)s”: choose one of the suggestions, which name the place or body in full."),
                code="ambiguous",
                params={"text": text},
            )
        raise ValidationError(
            _("Nothing matches “%(text)s”: type part of the name and choose one of the suggestions."),
            code="not_found",
            params={"text": text},
        )


LOOKUPS: dict[str, Lookup] = {}


def register(lookup: Lookup) -> Lookup:
    LOOKUPS[lookup.name] = lookup
    return lookup


class LookupInput(forms.TextInput):
    """<input list=…> with its <datalist>, filled by htmx from the lookup endpoint."""

    template_name = "core/widgets/lookup.html"

    def __init__(self, lookup: str, attrs=None):
        super().__init__(attrs)
        self.lookup = lookup

    def format_value(self, value):
        if isinstance(value, Model):
            return LOOKUPS[self.lookup].label(value)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        options = f"{widget_attrs.get('id') or name}-options"
        widget_attrs.update(
            {
                "list": options,
                "autocomplete": "off",
                "hx-get": reverse("core:lookup", args=[self.lookup]),
                "hx-trigger": "input changed delay:250ms",
                "hx-target": f"#{options}",
                "hx-swap": "innerHTML",
                "hx-sync": "this:replace",
            }
        )
        context["widget"]["options_id"] = options
        return context


class LookupField(forms.Field):
    """A model choice typed as text; cleans to the one record (see Lookup.resolve)."""

    def __init__(self, lookup: str, **kwargs):
        kwargs.setdefault("widget", LookupInput(lookup))
        kwargs.setdefault("help_text", _("Type at least two letters of the name and choose from the suggestions."))
        super().__init__(**kwargs)
        self.lookup = lookup

    def to_python(self, value):
        if isinstance(value, Model):
            return value
        value = (value or "").strip()
        if value in self.empty_values:
            return None
        return LOOKUPS[self.lookup].resolve(value)


def options_html(choices) -> str:
    """The <option>s of a choice list, escaped, for PrebuiltSelect (built once per list)."""
    return "".join(format_html('<option value="{}">{}</option>', value, label) for value, label in choices)


class PrebuiltSelect(forms.Select):
    """A <select> whose options come as HTML made once (see `options_html`), for lists shown on
    every page (filters of the register): Django's own Select renders a template per option,
    which for a few hundred options costs more than the page's rows. The form sets
    `options_html` when it sets the choices; the chosen value is marked in that string."""

    options_html = ""

    def render(self, name, value, attrs=None, renderer=None):
        html = self.options_html
        if isinstance(value, list | tuple):  # BoundField.value() gives the raw value; be lenient
            value = value[0] if value else None
        if value not in (None, ""):
            chosen = escape(str(value))
            html = html.replace(f'<option value="{chosen}">', f'<option value="{chosen}" selected>', 1)
        return mark_safe(f"<select{flatatt({'name': name, **self.build_attrs(self.attrs, attrs)})}>{html}</select>")  # noqa: S308 - escaped above


class PrebuiltChoiceField(forms.Field):
    """A choice among a list prepared once (values checked against a set; options rendered by
    PrebuiltSelect). Django's ChoiceField normalises and copies its whole list for every form,
    which for the register's few hundred filter choices cost more than the rest of the form.

    `choices` given here are the fixed ones (translated when the list is built); a form whose
    lists come from reference data calls `prebuild()` with them instead."""

    widget = PrebuiltSelect
    default_error_messages = {"invalid_choice": forms.ChoiceField.default_error_messages["invalid_choice"]}

    def __init__(self, *, choices=(), coerce=str, empty_value="", **kwargs):
        super().__init__(**kwargs)
        self.fixed_choices = list(choices)
        self.coerce = coerce
        self.empty_value = empty_value
        self.values: frozenset[str] = frozenset()

    def prebuild(self, choices: list[tuple[str, str]], html: str) -> None:
        self.values = frozenset(str(value) for value, _label in choices if value != "")
        self.widget.options_html = html

    def to_python(self, value):
        if value in self.empty_values:
            return self.empty_value
        value = str(value)
        if value not in self.values:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return self.coerce(value)

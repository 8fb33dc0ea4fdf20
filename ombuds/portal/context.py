"""The context every public page's base template needs (added by `render_public`)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import get_language

from ombuds.portal.public import alternates

# The 916 call centre: the same block, in the same place, on every page (WCAG 3.2.6).
HOTLINE = {"short": "916", "long": "012 916", "tel_short": "916", "tel_long": "012916"}


def render_public(request, template: str, context: dict | None = None, *, status: int = 200):
    language = get_language()
    base = {
        "alternates": alternates(request),
        "page_language": language,
        "hotline": HOTLINE,
    }
    return render(request, template, {**base, **(context or {})}, status=status)

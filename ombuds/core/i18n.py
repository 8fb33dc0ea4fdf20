"""Content in three languages: az (default), en, ru.

Reference data the public or staff read (region and unit names, code lists) carries one column
per language. `TranslatedNameMixin.name` picks the active language and falls back to
Azerbaijani, the institution's working language, when a translation is missing.
"""

from __future__ import annotations

from django.utils import translation

CONTENT_LANGUAGES = ("az", "en", "ru")
FALLBACK_LANGUAGE = "az"


def pick(obj: object, field: str, language: str | None = None) -> str:
    lang = (language or translation.get_language() or FALLBACK_LANGUAGE)[:2]
    if lang not in CONTENT_LANGUAGES:
        lang = FALLBACK_LANGUAGE
    value = getattr(obj, f"{field}_{lang}", "") or ""
    return value or getattr(obj, f"{field}_{FALLBACK_LANGUAGE}", "") or ""


class TranslatedNameMixin:
    """For models with name_az / name_en / name_ru columns."""

    @property
    def name(self) -> str:
        return pick(self, "name")

    def __str__(self) -> str:
        return self.name

"""One collation for every list of names users see: the alphabet of the active language.

Databases sort by code point (SQLite always; PostgreSQL depends on the cluster's locale), which puts
"Şəki" after "Zaqatala" and "İsmayıllı" before "Ağcabədi". Lists of reference data are short
(districts, authorities, units, places of one filter), so they are sorted here, in Python, with the
same key in every language:

- az: a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z (I/ı and İ/i are separate letters);
- ru: а … е ё … я;
- en: a … z.

Within a key, spaces and punctuation come first (so "Şəki (rayon)" follows "Şəki"), then digits, then
the letters of the alphabet, then anything else (another script) by code point.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.forms.models import ModelChoiceIterator
from django.utils import translation

T = TypeVar("T")

ALPHABETS = {
    "az": "abcçdeəfgğhxıijkqlmnoöprsştuüvyz",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
_RANKS = {language: {letter: i for i, letter in enumerate(letters)} for language, letters in ALPHABETS.items()}


def _language(language: str | None) -> str:
    code = (language or translation.get_language() or "az")[:2]
    return code if code in ALPHABETS else "az"


def _fold_case(text: str, language: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if language == "az":
        # Python lower-cases "I" to "i" and "İ" to "i" + combining dot; Azerbaijani pairs I/ı and İ/i.
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def sort_key(text: str, language: str | None = None) -> tuple:
    """A key that orders `text` by the alphabet of `language` (default: the active language)."""
    language = _language(language)
    ranks = _RANKS[language]
    folded = _fold_case(str(text), language)
    letters = []
    for char in folded:
        if char in ranks:
            letters.append((2, ranks[char]))
        elif char.isdigit():
            letters.append((1, ord(char)))
        elif char.isalpha():
            letters.append((3, ord(char)))
        else:
            letters.append((0, ord(char)))
    # The original text breaks ties (upper before lower case), so the order is total and stable.
    return (tuple(letters), str(text))


def collated(items: Iterable[T], key: Callable[[T], str] = str, language: str | None = None) -> list[T]:
    """`items` sorted by `key(item)` in the alphabet of `language`. A curated `sort_order` (regions,
    units, topics: set by staff in the admin) stays first; the alphabet orders within it."""
    language = _language(language)
    return sorted(items, key=lambda item: (getattr(item, "sort_order", 0) or 0, sort_key(key(item), language)))


class CollatedModelChoiceIterator(ModelChoiceIterator):
    """Choices of a model choice field in alphabetical order of their labels (installed for every
    ModelChoiceField in CoreConfig.ready, so no form has to remember it)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in collated(self.queryset, key=self.field.label_from_instance):
            yield self.choice(obj)

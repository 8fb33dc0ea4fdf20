"""Names compared the way people write them: with or without Azerbaijani letters, in Latin or in
Cyrillic, in any order.

"Məmmədov", "Mammadov", "Mamedov" and "Мамедов" are the same surname to a reader, so each name
part is folded to a skeleton before it is compared or indexed (the register's blind index, the
monitoring publication guard). The skeleton is deliberately coarse: a false match only shows a
row too many to someone who may see it anyway, or holds back a finding for a human look, while
a missed match hides a case or publishes a name.
"""

from __future__ import annotations

import re
import unicodedata

# Russian and Azerbaijani Cyrillic to Latin, as passports and Russian-language papers spell it.
CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "i",  # Гасымов: the Azerbaijani ı, folded to i like ı itself
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Azerbaijani Cyrillic (before 1991).
    "ә": "ə",
    "ғ": "ğ",
    "ҹ": "c",
    "һ": "h",
    "ј": "y",
    "ө": "ö",
    "ү": "ü",
    "ҝ": "g",
}

# Letters of the Azerbaijani alphabet and the digraphs that stand for them in Latin
# transliterations, folded to one plain letter each. Order matters: digraphs first.
FOLDS = (
    ("shch", "s"),
    ("dzh", "c"),
    ("dj", "c"),
    ("kh", "x"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "j"),
    ("j", "c"),  # Cəfərov = Джафаров = Jafarov; the rare Azerbaijani j (= zh) goes with it
    ("gh", "g"),
    ("ş", "s"),
    ("ç", "c"),
    ("ğ", "g"),
    ("ı", "i"),
    ("ö", "o"),
    ("ü", "u"),
    ("q", "g"),  # Qasımov = Гасымов = Gasimov
    ("ə", "a"),  # written a (Mammadov) or e (Mamedov); e is folded to a below as well
    ("e", "a"),
    # y is a glide that transliterations add or drop (Əliyev = Алиев, Ağayev = Агаев) and that
    # stands for the softening in Шукюров (Şükürov), Гюльнара (Gülnarə).
    ("y", ""),
)

# Patronymic markers ("Rauf oğlu", "Rauf qızı", "Рауф оглы") are not name parts: matching on
# them would join every man or every woman with a patronymic.
MARKERS = frozenset({"oglu", "ogli", "gizi", "kizi"})

_WORD = re.compile(r"[^\W\d_]+")


def _fold(word: str) -> str:
    word = "".join(CYRILLIC.get(ch, ch) for ch in word)
    for source, target in FOLDS:
        word = word.replace(source, target)
    # Accents that are not Azerbaijani letters (é, ä, ...) drop to their base letter.
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    # Doubled letters are often written single (Məmmədov, Mamedov).
    return re.sub(r"(.)\1+", r"\1", word)


def normalise_name_tokens(text: str) -> list[str]:
    """The folded parts of a name or of any text, in order, without patronymic markers.

    `normalise_name_tokens("Məmmədov Elçin Rauf oğlu") == normalise_name_tokens("Мамедов Эльчин
    Рауф оглы")`; comparing sets of tokens ignores the order of surname and given name.
    """
    # Casefold after a dotless/dotted-i aware lower-casing: "İ".casefold() is "i̇" (i + dot).
    lowered = unicodedata.normalize("NFC", text.replace("İ", "i").replace("I", "ı")).casefold()
    tokens = []
    for word in _WORD.findall(lowered):
        folded = _fold(word)
        if folded and folded not in MARKERS:
            tokens.append(folded)
    return tokens


def identifying_parts(name: str) -> list[str]:
    """The parts of a recorded name that identify someone: initials ("E.") and other one- or
    two-letter parts would be found in any text, so they are left out (the patronymic markers
    "oğlu", "qızı" are already dropped by the normalisation)."""
    return [part for part in normalise_name_tokens(name) if len(part) >= 3]


def mentions(part: str, words: list[str]) -> bool:
    """Whether the name part is among the words of a text, also with a case ending
    ("Məmmədovun", "Мамедова"), which only a part of four letters or more may carry: a short
    one ("Əli") would otherwise be found inside unrelated words."""
    return any(
        word == part or (len(part) >= 4 and word.startswith(part) and len(word) - len(part) <= 3) for word in words
    )

"""The gettext catalogues are complete, real translations, and compiled."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["az", "ru"])
def test_catalogue_is_complete_and_translated(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 50
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    copied = [e.msgid for e in po if not e.msgid_plural and e.msgstr == e.msgid]
    # A few words are the same in both languages ("Region", "Status", "IP"); copies of English are not.
    assert len(copied) <= max(3, len(po) // 50), copied


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_compiled_catalogue_matches_the_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    po = {e.msgid: (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(folder / "django.po")) if e.translated()}
    mo = {e.msgid: (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(folder / "django.mo")) if e.msgid}
    assert po == mo, "run `make messages` to recompile"

import pytest

from ombuds.core.names import normalise_name_tokens

SAME_PERSON = [
    ("Məmmədov", "Mammadov", "Mamedov", "Мамедов", "MƏMMƏDOV"),
    ("Elçin", "Elchin", "Elcin", "Эльчин"),
    ("Əliyev", "Aliyev", "Aliev", "Алиев"),
    ("Qasımov", "Gasimov", "Гасымов", "QASIMOV"),
    ("Cəfərov", "Jafarov", "Джафаров"),
    ("Xəlilov", "Khalilov", "Халилов"),
    ("Şükürov", "Shukurov", "Sukurov", "Шукюров"),
    ("Ağayev", "Aghayev", "Agayev", "Агаев"),
    ("İsmayıl", "Ismayil", "ISMAYIL", "Исмаил"),
    ("Gülnarə", "Gulnara", "Гюльнара"),
]


@pytest.mark.parametrize("spellings", SAME_PERSON, ids=lambda s: s[0])
def test_spellings_of_one_name_fold_to_one_token(spellings):
    tokens = {tuple(normalise_name_tokens(s)) for s in spellings}
    assert len(tokens) == 1, tokens


def test_patronymic_markers_are_dropped_and_order_does_not_matter():
    recorded = set(normalise_name_tokens("Məmmədov Elçin Rauf oğlu"))
    assert recorded == set(normalise_name_tokens("Elçin Məmmədov, Rauf"))
    assert recorded == set(normalise_name_tokens("Мамедов Эльчин Рауф оглы"))
    assert normalise_name_tokens("Aynur Rauf qızı") == normalise_name_tokens("Айнур Рауф кызы")


def test_different_names_stay_apart():
    assert normalise_name_tokens("Məmmədov") != normalise_name_tokens("Məhərrəmov")
    assert normalise_name_tokens("Elçin") != normalise_name_tokens("Elnur")
    assert normalise_name_tokens("") == []
    assert normalise_name_tokens("12 - / ,") == []

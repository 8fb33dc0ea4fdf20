"""One collation for every list of names: the Azerbaijani and Russian alphabets, not code points."""

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from ombuds.complaints.forms import RegisterForm
from ombuds.core.collation import collated, sort_key
from ombuds.core.models import District


def test_azerbaijani_alphabet_order():
    names = ["Zaqatala", "Şəki", "Ağdaş", "İsmayıllı", "Ismayıllı", "Xızı", "Ucar", "Üçtəpə", "Ordubad", "Ölçü"]
    names += ["Cəbrayıl", "Çin", "Goranboy", "Ğ-test", "Eldar", "Əli", "Saatlı", "Şuşa", "Hacıqabul", "Qax", "Kəlbəcər"]
    expected = [
        "Ağdaş", "Cəbrayıl", "Çin", "Eldar", "Əli", "Goranboy", "Ğ-test", "Hacıqabul", "Xızı", "Ismayıllı",
        "İsmayıllı", "Kəlbəcər", "Qax", "Ordubad", "Ölçü", "Saatlı", "Şəki", "Şuşa", "Ucar", "Üçtəpə", "Zaqatala",
    ]  # fmt: skip
    assert sorted(names, key=lambda n: sort_key(n, "az")) == expected


def test_russian_alphabet_order_and_the_language_of_the_request():
    names = ["Ёлкино", "Жабинка", "Евлах", "Ъ", "Абшерон"]
    assert sorted(names, key=lambda n: sort_key(n, "ru")) == ["Абшерон", "Евлах", "Ёлкино", "Жабинка", "Ъ"]
    with translation.override("ru"):
        assert collated(names) == ["Абшерон", "Евлах", "Ёлкино", "Жабинка", "Ъ"]


def test_a_name_before_its_longer_forms():
    assert sorted(["Şəki (şəhər)", "Şəkili", "Şəki"], key=lambda n: sort_key(n, "az")) == [
        "Şəki",
        "Şəki (şəhər)",
        "Şəkili",
    ]


def _labels(field):
    return [label for value, label in field.choices if value != ""]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_form_choices_of_reference_data_follow_the_alphabet_of_the_users_language(language):
    with translation.override(language):
        labels = _labels(RegisterForm().fields["district"])
        assert labels == sorted(labels, key=lambda n: sort_key(n, language))
        assert len(labels) == District.objects.count()
        plain = forms.ModelChoiceField(queryset=District.objects.order_by("-name_az"))
        assert _labels(plain) == labels


@pytest.mark.django_db
def test_cities_and_districts_of_the_same_name_say_which_they_are():
    for language in ("az", "en", "ru"):
        with translation.override(language):
            names = [d.name for d in District.objects.all()]
        assert len(names) == len(set(names)), language
    shaki = District.objects.get(code="shaki_city"), District.objects.get(code="shaki")
    assert [d.name_az for d in shaki] == ["Şəki (şəhər)", "Şəki (rayon)"]
    assert [d.name_ru for d in shaki] == ["Шеки (город)", "Шекинский район"]


@pytest.mark.django_db
def test_the_organisation_page_lists_districts_in_alphabetical_order(persona, staff_client):
    body = staff_client(persona("complaints_officer")).get(reverse("accounts:unit_list")).content.decode()
    # North-western region: Şəki and Qax before Zaqatala; code-point order puts Ş after Z.
    assert body.index("Qax") < body.index("Şəki (rayon)") < body.index("Zaqatala")

"""Every reference row has its name in the three languages: a Russian page shows no Azerbaijani-only name."""

from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation

from ombuds.complaints.forms import RegisterForm
from ombuds.core.reference import DATA_DIR
from ombuds.monitoring.demo import _district_police_places
from ombuds.monitoring.importer import import_places

LANGUAGES = ("az", "en", "ru")


def _named_models():
    for model in apps.get_models():
        fields = {f.name for f in model._meta.get_fields()}
        if all(f"name_{lang}" in fields for lang in LANGUAGES):
            yield model


@pytest.mark.django_db
def test_no_reference_row_lacks_a_name_in_any_language():
    # Places are not loaded by migrations: bring in the sourced list and the demo's synthetic ones.
    report = import_places(None, Path(DATA_DIR) / "az-places-of-detention.csv")
    assert report.created_count > 60
    _district_police_places()
    models = list(_named_models())
    labels = {m._meta.label for m in models}
    assert {"core.Region", "core.District", "core.Authority", "accounts.OrgUnit", "monitoring.Place"} <= labels
    assert {"complaints.RightTopic", "outreach.Topic", "outreach.Audience", "core.DeadlineRule"} <= labels
    missing = {
        f"{model._meta.label}.name_{lang}": model.objects.filter(**{f"name_{lang}": ""}).count()
        for model in models
        for lang in LANGUAGES
    }
    assert {key: n for key, n in missing.items() if n} == {}


@pytest.mark.django_db
def test_authorities_read_in_russian_on_a_russian_page():
    with translation.override("ru"):
        labels = [label for value, label in RegisterForm().fields["respondents"].choices]
    assert "Министерство внутренних дел" in labels
    assert not any("Nazirliyi" in label for label in labels)


@pytest.mark.django_db
def test_the_data_migration_fills_only_missing_russian_names():
    from ombuds.core.models import Authority
    from ombuds.core.reference import fill_missing_russian_names, read_csv

    Authority.objects.filter(code="mia").update(name_ru="")
    Authority.objects.filter(code="moj").update(name_ru="Минюст (исправлено вручную)")
    fill_missing_russian_names(Authority, read_csv("az-authorities.csv"), "code")
    assert Authority.objects.get(code="mia").name_ru == "Министерство внутренних дел"
    assert Authority.objects.get(code="moj").name_ru == "Минюст (исправлено вручную)"

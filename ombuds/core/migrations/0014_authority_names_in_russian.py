"""Authorities were named in Azerbaijani and English only: a Russian page showed the Azerbaijani name."""

from django.db import migrations

from ombuds.core.reference import fill_missing_russian_names, read_csv


def forwards(apps, schema_editor):
    fill_missing_russian_names(apps.get_model("core", "Authority"), read_csv("az-authorities.csv"), "code")


class Migration(migrations.Migration):
    dependencies = [("core", "0013_district_names_say_city_or_district")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

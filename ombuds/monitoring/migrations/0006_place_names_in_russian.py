"""Places imported from the sourced list had no Russian name: a Russian page showed the Azerbaijani one."""

from django.db import migrations

from ombuds.core.reference import fill_missing_russian_names, read_csv


def forwards(apps, schema_editor):
    fill_missing_russian_names(apps.get_model("monitoring", "Place"), read_csv("az-places-of-detention.csv"), "name_az")


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0005_follow_up_label")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

from django.db import migrations

from ombuds.accounts.reference import load_units


def forwards(apps, schema_editor):
    load_units(apps.get_model("accounts", "OrgUnit"), apps.get_model("core", "Region"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("core", "0002_load_geography")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

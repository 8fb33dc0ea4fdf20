from django.db import migrations

from ombuds.accounts.reference import set_number_prefixes


def forwards(apps, schema_editor):
    set_number_prefixes(apps.get_model("accounts", "OrgUnit"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_unit_number_prefix")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

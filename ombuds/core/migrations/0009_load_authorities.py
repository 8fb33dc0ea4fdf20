from django.db import migrations

from ombuds.core.reference import load_authorities


def forwards(apps, schema_editor):
    load_authorities(apps.get_model("core", "Authority"))


class Migration(migrations.Migration):
    dependencies = [("core", "0008_authority")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

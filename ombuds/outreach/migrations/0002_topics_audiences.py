from django.db import migrations

from ombuds.outreach.reference import load


def forwards(apps, schema_editor):
    load(apps.get_model("outreach", "Topic"), apps.get_model("outreach", "Audience"))


class Migration(migrations.Migration):
    dependencies = [("outreach", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

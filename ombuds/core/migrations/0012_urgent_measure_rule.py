from django.db import migrations

from ombuds.core.reference import load_deadline_rules


def forwards(apps, schema_editor):
    load_deadline_rules(apps.get_model("core", "DeadlineRule"))  # adds the rules that are new


class Migration(migrations.Migration):
    dependencies = [("core", "0011_attachments")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

from django.db import migrations

from ombuds.core.reference import load_deadline_rules


def load(apps, schema_editor):
    load_deadline_rules(apps.get_model("core", "DeadlineRule"))  # adds the recommendation rules


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

from django.db import migrations

from ombuds.complaints.reference import load_right_topics


def forwards(apps, schema_editor):
    load_right_topics(apps.get_model("complaints", "RightTopic"))


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

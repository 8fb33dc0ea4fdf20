from django.db import migrations

from ombuds.core.reference import load_calendar, load_deadline_rules


def forwards(apps, schema_editor):
    load_calendar(apps.get_model("core", "CalendarDay"))
    load_deadline_rules(apps.get_model("core", "DeadlineRule"))


class Migration(migrations.Migration):
    dependencies = [("core", "0006_legal_clock_and_notifications")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

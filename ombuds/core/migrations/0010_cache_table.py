"""The database cache table (login rate limits live there) comes with `migrate`, so no deployment
can forget `createcachetable` and end up with a failing sign-in page."""

from django.core.management import call_command
from django.db import migrations


def forwards(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0009_load_authorities")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

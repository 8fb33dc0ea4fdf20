"""Full-text search over the register (PostgreSQL): a GIN index on the very expression the search
in listing.py produces — to_tsvector('simple', COALESCE(summary, '')) — so the planner uses it.
The 'simple' configuration (no stemming) because the texts are in Azerbaijani, Russian and
English. SQLite, the embedded development database, searches without an index."""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS complaints_app_summary_fts ON complaints_application
USING gin (to_tsvector('simple'::regconfig, COALESCE(summary, '')))
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS complaints_app_summary_fts", params=None)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0005_register_indexes")]
    operations = [migrations.RunPython(forwards, backwards)]

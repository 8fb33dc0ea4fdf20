"""Full-text search over the register of recommendations (PostgreSQL): a GIN index on the very
expression listing.search produces through core.search — the three languages' texts joined, in
the 'simple' configuration (no stemming: the texts are in Azerbaijani, English and Russian) — so
the planner uses it. SQLite, the embedded development database, searches without an index."""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS recommendations_text_fts ON recommendations_recommendation
USING gin (to_tsvector('simple'::regconfig,
    COALESCE(text_az, '') || ' ' || COALESCE(text_en, '') || ' ' || COALESCE(text_ru, '')))
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS recommendations_text_fts", params=None)


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0002_deadline_rules")]
    operations = [migrations.RunPython(forwards, backwards)]

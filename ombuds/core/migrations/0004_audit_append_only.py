"""On PostgreSQL, refuse UPDATE and DELETE on the audit table for every role.

Row-level triggers only: TRUNCATE (used by test flushes) is left to privileges — production
grants the application role INSERT and SELECT only (docs/operations.md) — and a truncated tail
is caught by the signed chain heads anyway. SQLite, the embedded development database, has no
trigger: its flushes delete rows.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION ombuds_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'core_auditevent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS ombuds_audit_append_only ON core_auditevent;
CREATE TRIGGER ombuds_audit_append_only BEFORE UPDATE OR DELETE ON core_auditevent
    FOR EACH ROW EXECUTE FUNCTION ombuds_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS ombuds_audit_append_only ON core_auditevent;
DROP FUNCTION IF EXISTS ombuds_audit_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_audit_trail")]
    operations = [migrations.RunPython(forwards, backwards)]

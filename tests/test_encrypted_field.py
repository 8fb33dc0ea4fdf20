"""Secret-tier values at rest: no plaintext in the database, rows cannot swap, keys rotate."""

import base64
import os

import pytest
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection

from ombuds.accounts.models import OrgUnit
from ombuds.core import crypto
from ombuds.core.models import District
from tests.fixtures_app.models import Dossier

pytestmark = pytest.mark.django_db

CANARY = "CANARY-Məmmədov-7731-identity"
OLD = "old:" + base64.b64encode(os.urandom(32)).decode()
NEW = "new:" + base64.b64encode(os.urandom(32)).decode()


def make(note="", witness=""):
    return Dossier.objects.create(
        title="case",
        unit=OrgUnit.objects.get(code="npg"),
        district=District.objects.get(code="baku"),
        secret_note=note,
        witness_name=witness,
    )


def raw_value(obj, column="secret_note"):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM fixtures_app_dossier WHERE id = %s", [obj.pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_round_trip_and_ciphertext_at_rest():
    obj = make(CANARY, "Witness One")
    fresh = Dossier.objects.get(pk=obj.pk)
    assert fresh.secret_note == CANARY and fresh.witness_name == "Witness One"
    stored = raw_value(obj)
    assert stored.startswith("v1:") and CANARY not in stored
    assert make().secret_note == "" and raw_value(make()) == ""


def test_no_table_holds_the_plaintext():
    from ombuds.core import audit

    obj = make(CANARY)
    audit.record(
        "fixtures_app.dossier.updated", obj=obj, changes={"secret_note": CANARY}, secret_fields={"secret_note"}
    )
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            dump = repr(cursor.fetchall())
            assert CANARY not in dump, table
            assert "Məmmədov" not in dump, table


def test_swapped_ciphertexts_open_for_neither_row():
    a, b = make("secret of A"), make("secret of B")
    value_a, value_b = raw_value(a), raw_value(b)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE fixtures_app_dossier SET secret_note = %s WHERE id = %s", [value_b, a.pk])
        cursor.execute("UPDATE fixtures_app_dossier SET secret_note = %s WHERE id = %s", [value_a, b.pk])
    for obj in (a, b):
        with pytest.raises(crypto.DecryptionError):
            _ = Dossier.objects.get(pk=obj.pk).secret_note


def test_a_ciphertext_moved_to_another_column_does_not_open():
    obj = make("note text", "witness text")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE fixtures_app_dossier SET witness_name = secret_note WHERE id = %s", [obj.pk])
    with pytest.raises(crypto.DecryptionError):
        _ = Dossier.objects.get(pk=obj.pk).witness_name


def test_rotate_keys_then_drop_the_old_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = OLD
    rows = [make(f"note {i}", f"witness {i}") for i in range(4)]
    settings.FIELD_ENCRYPTION_KEYS = f"{OLD},{NEW}"
    call_command("rotate_keys", stdout=open(os.devnull, "w"))  # noqa: SIM115
    settings.FIELD_ENCRYPTION_KEYS = NEW
    for i, obj in enumerate(rows):
        fresh = Dossier.objects.get(pk=obj.pk)
        assert (fresh.secret_note, fresh.witness_name) == (f"note {i}", f"witness {i}")
        assert raw_value(obj).startswith("v1:new:")


def test_without_its_key_a_value_is_unreadable(settings):
    settings.FIELD_ENCRYPTION_KEYS = OLD
    obj = make("note")
    settings.FIELD_ENCRYPTION_KEYS = NEW
    with pytest.raises(crypto.DecryptionError):
        _ = Dossier.objects.get(pk=obj.pk).secret_note


def test_encrypted_columns_cannot_be_filtered():
    with pytest.raises(FieldError):
        Dossier.objects.filter(secret_note="x").count()
    assert Dossier.objects.filter(secret_note__isnull=True).count() == 0


def test_sealed_values_do_not_show_in_reprs():
    obj = make(CANARY)
    loaded = Dossier.objects.get(pk=obj.pk)
    assert "v1:" not in repr(loaded.__dict__) and CANARY not in repr(loaded.__dict__)

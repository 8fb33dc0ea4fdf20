"""The indexed name key of parties and the repeat digests of applications (name key paired with
each respondent), computed for the existing rows: the repeat hint then looks them up instead of
comparing every party's name. Secret-tier names are opened here to compute the key, never stored
in the clear."""

from django.db import migrations, models

from ombuds.core import crypto
from ombuds.core.names import normalise_name_tokens

# ombuds.complaints.tokens at the time of writing.
NAME_PURPOSE = "complaints.party.name"
REPEAT_PURPOSE = "complaints.application.repeat"
CHUNK = 5000


def _name_key(surname, given_name, organisation):
    if organisation and not surname:
        words = normalise_name_tokens(organisation)
    elif surname:
        words = normalise_name_tokens(f"{surname} {given_name}")
    else:
        words = []
    return crypto.blind_index(" ".join(sorted(words)), NAME_PURPOSE)[:32] if words else ""


def _opened(value, is_secret, column, public_id):
    value = str(value or "")
    if not value or not is_secret:
        return value
    return crypto.decrypt(value, crypto.associated_data("complaints_party", column, str(public_id)))


def fill(apps, schema_editor):
    Party = apps.get_model("complaints", "Party")
    Application = apps.get_model("complaints", "Application")
    SearchToken = apps.get_model("complaints", "SearchToken")
    Respondents = Application.respondents.through
    connection = schema_editor.connection
    table = connection.ops.quote_name(Party._meta.db_table)
    rows = Party._base_manager.values_list("pk", "public_id", "is_secret", "surname", "given_name", "organisation")
    changes = []
    for pk, public_id, is_secret, *names in rows.iterator(chunk_size=CHUNK):
        surname, given_name, organisation = (
            _opened(value, is_secret, column, public_id)
            for value, column in zip(names, ("surname", "given_name", "organisation"), strict=True)
        )
        key = _name_key(surname, given_name, organisation)
        if key:
            changes.append((key, pk))
        if len(changes) >= CHUNK:
            _update(connection, table, changes)
            changes = []
    _update(connection, table, changes)

    last = Application._base_manager.order_by("-pk").values_list("pk", flat=True).first() or 0
    for start in range(0, last + 1, CHUNK):
        pairs = Respondents.objects.filter(
            application_id__gte=start, application_id__lt=start + CHUNK, application__applicant__name_key__gt=""
        ).values_list("application_id", "authority_id", "application__applicant__name_key")
        SearchToken.objects.bulk_create(
            [
                SearchToken(application_id=app_id, digest=crypto.blind_index(f"{key}|{authority}", REPEAT_PURPOSE)[:32])
                for app_id, authority, key in pairs
            ],
            ignore_conflicts=True,
        )


def _update(connection, table, changes):
    if changes:
        with connection.cursor() as cursor:
            cursor.executemany(f"UPDATE {table} SET name_key = %s WHERE id = %s", changes)  # noqa: S608 - quoted table name


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0007_secret_tier_sealed_and_word_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="party",
            name="complaints_party_name_idx",
        ),
        migrations.AddField(
            model_name="party",
            name="name_key",
            field=models.CharField(blank=True, editable=False, max_length=32),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        # After the keys are written: one index build instead of a million index updates.
        migrations.AddIndex(
            model_name="party",
            index=models.Index(fields=["name_key"], name="complaints_party_name_key_idx"),
        ),
    ]

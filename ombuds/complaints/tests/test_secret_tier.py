"""Secret-tier applications at rest: summary, reasons and the parties' names are encrypted; a raw
dump of every table holds no canary; they are still found by name and whole words."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from ombuds.complaints import services
from ombuds.complaints.choices import RefusalGround
from ombuds.complaints.models import Application, Party, SearchToken
from ombuds.complaints.testing import make_application

pytestmark = pytest.mark.django_db

SUMMARY = "Kanareyka-Summary-4411 beaten in the Zəfərabad cell"
REASON = "Kanareyka-Reason-4412 refused"
NAMES = {"surname": "Kanareykazadə", "given_name": "Qızılgül", "patronymic": "Tərlan qızı"}
VICTIM = {"surname": "Kanareykalı", "given_name": "Nərgiz"}
CANARIES = ["Kanareyka", "Qızılgül", "Zəfərabad", "Tərlan", "Nərgiz"]


def dump() -> str:
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            parts.append(repr(cursor.fetchall()))
    return "\n".join(parts)


def _secret_application(boss, **extra):
    return make_application(
        boss,
        sensitivity="highly_sensitive",
        summary=SUMMARY,
        applicant={**NAMES, "vulnerability": "Kanareyka-vulnerable", "sex": "female"},
        victims=[VICTIM],
        **extra,
    )


def test_a_database_dump_holds_no_secret_tier_canary(persona):
    boss = persona("commissioner")
    app = _secret_application(boss)
    services.decide_admissibility(boss, app, "refuse", ground=RefusalGround.TIME_BARRED, reason=REASON)
    text = dump()
    for canary in CANARIES:
        assert canary not in text, canary
    fresh = Application.objects.get(pk=app.pk)
    assert fresh.summary == SUMMARY and fresh.decision_reason == REASON
    assert str(fresh.applicant) == "Kanareykazadə Qızılgül Tərlan qızı"
    assert {str(p) for p in fresh.victims.all()} == {"Kanareykalı Nərgiz"}


def test_ordinary_applications_stay_readable_and_full_text_searchable(staff_client, persona):
    head = persona("department_head")
    make_application(head, summary="Kanareyka water supply cut off", applicant=NAMES)
    assert "Kanareyka water supply" in dump()
    assert Party.objects.filter(surname="Kanareykazadə").count() == 1
    response = staff_client(head).get(reverse("complaints:list"), {"q": "water"}, HTTP_HX_REQUEST="true")
    assert response.content.decode().count('href="/complaints/') == 1


def test_secret_tier_found_by_name_and_whole_summary_words_only(staff_client, persona):
    boss = persona("commissioner")
    app = _secret_application(boss)
    client = staff_client(boss)

    def found(text):
        page = client.get(reverse("complaints:list"), {"q": text}, HTTP_HX_REQUEST="true").content.decode()
        return page.count('href="/complaints/')

    assert found("Kanareykazade Qizilgul") == 1
    assert found("Nargiz") == 1  # a victim
    assert found("Zəfərabad") == 1  # a whole word of the sealed summary
    assert found("Zəfər") == 0  # part of a word: the summary is not readable to the database
    page = client.get(reverse("complaints:list")).content.decode()
    assert "whole words only" in page or "yalnız tam sözlər" in page
    detail = client.get(app.get_absolute_url() + "?purpose=review").content.decode()
    assert "Kanareyka-Summary-4411" in detail and "Kanareykazadə" in detail


def test_the_data_migration_seals_and_indexes_existing_rows(persona):
    boss = persona("commissioner")
    app = _secret_application(boss)
    plain = make_application(boss, applicant={"surname": "Məmmədov", "given_name": "Elçin"})
    # As the rows were before the migration: plain text everywhere, no tokens, parties unmarked.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE complaints_application SET summary = %s WHERE id = %s", [SUMMARY, app.pk])
        for party, names in ((app.applicant, NAMES), (app.victims.get(), VICTIM)):
            cursor.execute(
                "UPDATE complaints_party SET surname = %s, given_name = %s, is_secret = %s WHERE id = %s",
                [names["surname"], names["given_name"], False, party.pk],
            )
    SearchToken.objects.all().delete()
    assert "Kanareyka-Summary" in dump()
    migration = importlib.import_module("ombuds.complaints.migrations.0007_secret_tier_sealed_and_word_index")
    migration.index_and_seal(apps, None)
    text = dump()
    assert all(canary not in text for canary in ("Kanareyka", "Qızılgül", "Nərgiz"))
    assert Application.objects.get(pk=app.pk).summary == SUMMARY
    assert Party.objects.get(pk=app.applicant_id).given_name == "Qızılgül"
    assert SearchToken.objects.filter(application=app).count() >= 4
    assert SearchToken.objects.filter(application=plain).count() == 2
    migration.unseal(apps, None)
    assert "Kanareyka-Summary" in dump()

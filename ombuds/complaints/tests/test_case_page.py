"""The case page at scale: a bounded number of queries whatever the size of the case file, and the
repeat hint through the indexed name key (any spelling, sealed names too, never beyond the
reader's scope)."""

import importlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ombuds.complaints import services
from ombuds.complaints.models import Party, SearchToken
from ombuds.complaints.testing import authority, make_application
from ombuds.complaints.tokens import name_key

pytestmark = pytest.mark.django_db

# Two of them read the authority portal's activity on the information requests (focal_activity).
MOST_QUERIES = 17
SUMMARY = "The district police refused to register my complaint about a stolen car."


def _person(surname, given_name):
    return {"surname": surname, "given_name": given_name, "sex": "male"}


def _case(head, size: int, *, decided: bool):
    """A case with `size` of everything the page lists, and `size` earlier look-alikes."""
    earlier = [make_application(head, summary=f"{SUMMARY} ({i})") for i in range(size)]
    app = make_application(
        head,
        repeat_of=earlier[0] if earlier else None,
        violation_date=timezone.localdate() - timedelta(days=30),
        victims=[_person(f"Victim{i}", "X") for i in range(size)],
        respondents=[authority("mia"), *([authority("pgo")] if size > 1 else [])],
    )
    if not decided:
        return app
    app = services.decide_admissibility(head, app, "accept")
    for i in range(size):
        services.send_info_request(head, app, addressee=authority("mia"), basis="general", questions=f"Q{i}")
        services.add_note(head, app, f"Note {i}")
        services.add_measure(head, app, kind="urgent", addressee=authority("mia"), text=f"Measure {i}")
        services.attach_file(head, app, SimpleUploadedFile(f"r{i}.pdf", b"%PDF-1.7\n", content_type="application/pdf"))
    return app


@pytest.mark.parametrize("decided", [False, True], ids=["registered", "under_consideration"])
def test_the_case_page_queries_do_not_grow_with_the_case(staff_client, persona, decided):
    head = persona("department_head")
    client = staff_client(head)
    counts = []
    for size in (1, 4):
        app = _case(head, size, decided=decided)
        client.get(app.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            page = client.get(app.get_absolute_url())
        assert page.status_code == 200
        assert page.context["duplicates"]
        counts.append(len(queries.captured_queries))
    # The admissibility assistant's calendar and rule come from the per-process reference cache.
    assert counts[0] == counts[1] <= MOST_QUERIES, counts


def test_the_repeat_hint_knows_the_name_however_it_is_spelt(staff_client, persona):
    head = persona("department_head")
    earlier = make_application(head, applicant=_person("Məmmədov", "Elçin"))
    other = make_application(head, applicant=_person("Həsənov", "Elçin"))
    later = make_application(head, applicant=_person("Мамедов", "Эльчин"))
    assert services.duplicate_candidates(head, later) == [earlier]
    assert other not in services.duplicate_candidates(head, later)
    page = staff_client(head).get(later.get_absolute_url()).content.decode()
    assert earlier.get_absolute_url() in page and other.get_absolute_url() not in page
    # Swapped order and no Azerbaijani letters give the same key; another respondent gives no hint.
    assert name_key(Party(surname="Elchin", given_name="Mammadov")) == earlier.applicant.name_key
    elsewhere = make_application(head, applicant=_person("Mammadov", "Elchin"), respondents=[authority("pgo")])
    assert services.duplicate_candidates(head, elsewhere) == []


def test_the_repeat_hint_shows_a_secret_tier_case_only_to_who_may_see_it(staff_client, persona):
    boss, head = persona("commissioner"), persona("department_head")
    sealed = make_application(boss, sensitivity="highly_sensitive", applicant=_person("Kanareykazadə", "Qızılgül"))
    later = make_application(head, applicant=_person("Kanareykazade", "Qizilgul"))
    assert Party.objects.get(pk=sealed.applicant_id).name_key == later.applicant.name_key != ""
    assert services.duplicate_candidates(boss, later) == [sealed]
    assert services.duplicate_candidates(head, later) == []
    page = staff_client(head).get(later.get_absolute_url()).content.decode()
    assert sealed.number not in page and sealed.get_absolute_url() not in page


def test_the_data_migration_keys_existing_parties_and_applications(persona):
    boss = persona("commissioner")
    sealed = make_application(boss, sensitivity="highly_sensitive", applicant=_person("Kanareykazadə", "Qızılgül"))
    plain = make_application(boss, applicant=_person("Məmmədov", "Elçin"))
    later = make_application(boss, applicant=_person("Mamedov", "Elchin"))
    keys = dict(Party.objects.values_list("pk", "name_key"))
    tokens = set(SearchToken.objects.values_list("application_id", "digest"))
    # As the rows were before the migration: no name keys, no repeat digests.
    Party.objects.update(name_key="")
    SearchToken.objects.exclude(digest__in=_words(sealed, plain, later)).delete()
    assert SearchToken.objects.count() < len(tokens)
    migration = importlib.import_module("ombuds.complaints.migrations.0008_party_name_key")
    migration.fill(apps, SimpleNamespace(connection=connection))
    assert dict(Party.objects.values_list("pk", "name_key")) == keys
    assert set(SearchToken.objects.values_list("application_id", "digest")) == tokens
    assert services.duplicate_candidates(boss, later) == [plain]


def _words(*applications):
    from ombuds.complaints.tokens import tokens_for

    return {t.digest for app in applications for t in tokens_for(app, [app.applicant, *app.victims.all()])}

"""Import of a register exported from an earlier system (complaints/importer.py), with the sample
mapping and file of docs/import/."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ombuds.complaints.models import Application
from ombuds.complaints.tokens import query_digests
from ombuds.core import imports
from ombuds.core.models import AuditEvent, Deadline

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).resolve().parents[3] / "docs" / "import"
MAPPING = (DOCS / "legacy-register-mapping.json").read_bytes()


def _sample(name: str = "legacy-register-sample.csv", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else (DOCS / name).read_bytes())


def _import(actor, upload):
    return imports.start_import(actor, "register", upload, json.loads(MAPPING), background=False)


def test_the_sample_register_imports_with_numbers_tiers_tokens_and_one_event(persona):
    head = persona("department_head")
    imp = _import(head, _sample())
    assert (imp.state, imp.created_count, imp.rejected_count) == ("done", 5, 0), list(imp.problems.all())
    first = Application.objects.get(legacy_number="Ş-2009/0001")
    assert first.number == f"2009/{first.unit.number_prefix or first.unit.code.upper()}/00001"
    assert (first.status, first.district.code, first.region_id) == ("closed", "baku", first.district.region_id)
    assert first.applicant.surname == "Məmmədov" and first.applicant.phone == "+994 50 123 45 67"
    assert timezone.localtime(first.closed_at).date().isoformat() == "2009-03-03" and not first.in_intake
    secret = Application.objects.get(legacy_number="Ş-2024/0518")
    assert secret.is_secret and secret.applicant.is_secret and secret.status == "under_consideration"
    raw = Application.objects.filter(pk=secret.pk).values_list("summary", flat=True).get()
    assert raw.startswith("v1:") and secret.summary == "Polis bölməsində döyülmə barədə"  # sealed by its field
    assert secret.search_tokens.filter(digest__in=query_digests("Həsənov")).exists()
    assert Application.objects.get(legacy_number="Ş-2009/0004").applicant is None  # anonymous
    # Closed historic cases start nothing; the open one runs its stage's term from its received date.
    assert list(Deadline.objects.values_list("object_id", "rule__code")) == [(secret.pk, "consideration")]
    events = AuditEvent.objects.filter(action__startswith="complaints.application.")
    assert list(events.values_list("action", flat=True)) == ["complaints.application.imported"]
    assert events.get().changes["rows"] == 5 and events.get().changes["sha256"] == imp.sha256


def test_a_number_already_imported_is_refused_and_bad_values_are_reported(persona):
    head = persona("commissioner")
    _import(head, _sample())
    text = (DOCS / "legacy-register-sample.csv").read_text(encoding="utf-8").splitlines()
    extra = text[1].replace("Ş-2009/0001", "Ş-2010/0001").replace("Bakı ş.", "Atlantis")
    again = text[2].replace("Ş-2009/0002,14.01.2009", "Ş-2010/0002,31.02.2010")
    content = "\n".join([text[0], text[1], extra, again, text[1].replace("Ş-2009/0001", "Ş-2010/0003")]) + "\n"
    imp = _import(head, _sample("more.csv", content.encode()))
    problems = list(imp.problems.values_list("row", "column"))
    assert problems == [(2, "Qeydiyyat nömrəsi"), (3, "Rayon"), (4, "Daxil olma tarixi")]
    assert imp.created_count == 1 and Application.objects.count() == 6


def test_the_page_takes_the_file_and_the_mapping(persona, staff_client):
    client = staff_client(persona("department_head"))
    response = client.post(
        reverse("core:import_new", args=["register"]),
        {"file": _sample(), "mapping": SimpleUploadedFile("map.json", b'{"columns": {"A": "nonsense"}}')},
    )
    assert response.status_code == 200 and "nonsense" in response.content.decode()
    response = client.post(
        reverse("core:import_new", args=["register"]),
        {"file": _sample(), "mapping": SimpleUploadedFile("map.json", MAPPING)},
    )
    assert response.status_code == 302

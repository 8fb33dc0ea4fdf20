"""Uploaded files go through Django's storage API only, so they can live on object storage shared by
several servers: the same upload and download work on the crash-safe file system storage and on
Django's in-memory storage, where nothing reaches the disk (as with object storage)."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ombuds.complaints import services
from ombuds.complaints.testing import make_application
from ombuds.core import uploads
from ombuds.core.storage import DurableFileSystemStorage

PDF = b"%PDF-1.7\n" + b"x" * 70_000 + b"\n%%EOF\n"  # more than one 64 KB chunk
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(params=["filesystem", "memory"])
def storage_kind(request, settings):
    if request.param == "memory":
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        }
    return request.param


@pytest.mark.django_db
def test_upload_and_download_through_the_storage_api(storage_kind, staff_client, persona, settings):
    head = persona("department_head")
    app = make_application(head)
    attachment = services.attach_file(head, app, SimpleUploadedFile("reply.pdf", PDF, content_type="application/pdf"))
    name = uploads.storage_name(attachment.stored_name)
    assert default_storage.exists(name) and attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    response = staff_client(head).get(reverse("complaints:attachment", args=[app.public_id, attachment.public_id]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Length"] == str(len(PDF))
    assert response["Content-Disposition"].startswith("attachment;")
    on_disk = Path(settings.MEDIA_ROOT) / "attachments" / attachment.stored_name
    assert on_disk.exists() == (storage_kind == "filesystem")
    if storage_kind == "memory":  # nothing at all was written to, or read from, the disk
        assert not Path(settings.MEDIA_ROOT).exists()


@pytest.mark.django_db
def test_outreach_material_through_the_storage_api(storage_kind, staff_client, persona, settings):
    from ombuds.outreach.tests.matrix import material

    user = persona("awareness_staff")
    url = material(user)
    response = staff_client(user).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.7\n"
    assert Path(settings.MEDIA_ROOT).exists() == (storage_kind == "filesystem")


def test_file_system_storage_leaves_no_partial_file(tmp_path):
    storage = DurableFileSystemStorage(location=tmp_path)
    name = storage.save("attachments/a.pdf", SimpleUploadedFile("a.pdf", PDF))
    assert name == "attachments/a.pdf" and (tmp_path / name).read_bytes() == PDF
    assert not list((tmp_path / "attachments").glob(".*.part"))


def _settings_in_a_process(env: dict) -> str:
    code = "from django.conf import settings; print(settings.STORAGES['default'])"
    result = subprocess.run(  # noqa: S603 - our own settings, fixed arguments
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", "PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout + result.stderr


def test_object_storage_is_chosen_by_the_environment():
    shown = _settings_in_a_process(
        {"OMBUDS_STORAGE": "s3", "OMBUDS_S3_BUCKET": "ombuds-files", "OMBUDS_S3_ENDPOINT_URL": "https://s3.internal"}
    )
    assert "storages.backends.s3.S3Storage" in shown and "'bucket_name': 'ombuds-files'" in shown
    assert "'default_acl': 'private'" in shown and "'querystring_auth': True" in shown
    assert "DurableFileSystemStorage" in _settings_in_a_process({})
    assert "needs OMBUDS_S3_BUCKET" in _settings_in_a_process({"OMBUDS_STORAGE": "s3"})
    assert "must be filesystem or s3" in _settings_in_a_process({"OMBUDS_STORAGE": "ftp"})


def test_no_module_builds_a_path_to_an_upload():
    """Object storage has no paths: outside the file system storage itself, uploads (attachments,
    imports, backups) are reached only by name through `default_storage`, never under MEDIA_ROOT."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "ombuds").rglob("*.py")
        if "tests" not in path.parts and "MEDIA_ROOT" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []

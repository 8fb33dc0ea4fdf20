"""Safe upload: extension, declared type and content agree; hostile files and names are refused."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombuds.core import uploads

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def docx_bytes(member="word/document.xml", size=100):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(member, "x" * size)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("letter.pdf", PDF, "application/pdf"),
        ("photo.png", PNG, "image/png"),
        ("decision.docx", docx_bytes(), "application/octet-stream"),
        ("notes.txt", "Qeyd: şikayət".encode(), "text/plain"),
    ],
)
def test_genuine_files_pass(name, content, mime):
    assert uploads.check(upload(name, content, mime))[0] == name.rsplit(".", 1)[1]


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("evil.exe", b"MZ\x90\x00", "application/octet-stream"),  # type not accepted
        ("invoice.pdf.exe", PDF, "application/pdf"),  # double extension
        ("photo.png", b"<html><script>alert(1)</script></html>", "image/png"),  # HTML posing as PNG
        ("image.svg", b"<svg onload=alert(1)>", "image/svg+xml"),  # scriptable image format
        ("letter.pdf", PDF, "text/html"),  # declared type disagrees
        ("letter.pdf", PNG, "application/pdf"),  # content disagrees
        ("page.txt", b"<html><body>hi</body></html>", "text/plain"),  # HTML as text
        ("fake.docx", docx_bytes(member="xl/workbook.xml"), "application/octet-stream"),  # wrong package kind
        ("bomb.docx", docx_bytes(size=250 * 1024 * 1024), "application/octet-stream"),  # zip bomb
        ("broken.docx", b"PK\x03\x04garbage", "application/octet-stream"),
        ("empty.pdf", b"", "application/pdf"),
        ("nul\x00.pdf", PDF, "application/pdf"),
        ("gpj.\u202efdp", PDF, "application/pdf"),  # right-to-left override
    ],
)
def test_hostile_files_are_refused(name, content, mime):
    with pytest.raises(ValidationError):
        uploads.check(upload(name, content, mime))


def test_size_limit(settings):
    settings.OMBUDS_UPLOAD_MAX_MB = 1
    with pytest.raises(ValidationError):
        uploads.check(upload("big.pdf", PDF + b"0" * (1024 * 1024), "application/pdf"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ext=st.sampled_from(["pdf", "png", "jpg", "docx", "xlsx", "odt"]), body=st.binary(min_size=1, max_size=512))
def test_random_bytes_never_pass_as_a_binary_type(ext, body):
    magic = {"pdf": b"%PDF-", "png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff"}.get(ext, b"PK\x03\x04")
    if body.startswith(magic):
        return
    with pytest.raises(ValidationError):
        uploads.check(upload(f"file.{ext}", body))


@pytest.mark.django_db
def test_stored_outside_the_web_root_under_a_generated_name(settings, persona):
    from ombuds.complaints.testing import make_application

    user = persona("department_head")
    app = make_application(user)
    attachment = uploads.store(user, app, upload("../../etc/passwd.pdf", PDF, "application/pdf"))
    stored = settings.MEDIA_ROOT / "attachments" / attachment.stored_name
    assert stored.read_bytes() == PDF and attachment.original_name == "passwd.pdf"
    assert "passwd" not in attachment.stored_name and str(settings.STATIC_ROOT) not in str(stored)
    assert not list((settings.MEDIA_ROOT / "attachments").glob(".*.part"))


@pytest.mark.django_db
def test_a_file_the_system_made_is_stored_and_checked_like_an_upload(settings, persona):
    from ombuds.complaints.testing import make_application

    user = persona("department_head")
    app = make_application(user)
    attachment = uploads.store_bytes(None, app, PDF, "report-2025-az.pdf", "application/pdf")
    stored = settings.MEDIA_ROOT / "attachments" / attachment.stored_name
    assert stored.read_bytes() == PDF and attachment.original_name == "report-2025-az.pdf"
    assert attachment.mime_type == "application/pdf" and attachment.size == len(PDF) and attachment.object_id == app.pk
    with pytest.raises(ValidationError):  # bytes that are not what the name says are refused all the same
        uploads.store_bytes(None, app, b"<html>", "report.pdf", "application/pdf")


CHUNK = 64 * 1024  # Django's default upload chunk size


@pytest.mark.parametrize("split_at", [8192, CHUNK, 2 * CHUNK])
def test_utf8_text_split_inside_a_letter_at_a_read_boundary_passes(split_at):
    # "ə" is two bytes; its first byte is the last one before the boundary.
    content = b"a" * (split_at - 1) + "ə".encode() + " şikayət\n".encode() * 10
    assert uploads.check(upload("notes.txt", content, "text/plain")) == ("txt", "text/plain")


@pytest.mark.parametrize(
    "late",
    [b"\xff\xfe", "ə".encode()[:1], b"<SCRIPT>alert(1)</script>", b"<html>"],
    ids=["invalid-bytes", "cut-off-letter", "script", "html"],
)
@pytest.mark.parametrize("offset", [9000, CHUNK - 3, 3 * CHUNK])
def test_text_content_after_the_first_kilobytes_is_checked(late, offset):
    content = b"a" * offset + late
    with pytest.raises(ValidationError):
        uploads.check(upload("notes.txt", content, "text/plain"))

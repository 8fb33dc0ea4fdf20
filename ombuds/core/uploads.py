"""Safe upload and download of attachments (security.md V5).

Accepted: PDF, JPEG, PNG, DOCX, XLSX, ODT and plain text, up to OMBUDS_UPLOAD_MAX_MB. The
extension, the declared content type and the file's own leading bytes must all agree; office
files must be genuine ZIP packages of the right kind and within a decompression limit (zip
bombs). Files are kept through Django's storage API (`default_storage`: the local file system,
written crash-safe by `ombuds.core.storage`, or S3-compatible object storage shared by several
servers) under `attachments/` with a generated name, before the database row is committed, and
they are only ever served as downloads streamed by `download_response`, after the caller's
permission check on the owning record; never through a storage URL.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import uuid
import zipfile

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ombuds.core import audit
from ombuds.core.models import Attachment

ZIP_MAGIC = b"PK\x03\x04"
# extension -> (content type, leading bytes, required member of a ZIP package)
ALLOWED = {
    "pdf": ("application/pdf", b"%PDF-", None),
    "jpg": ("image/jpeg", b"\xff\xd8\xff", None),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff", None),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n", None),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP_MAGIC, "word/document.xml"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP_MAGIC, "xl/workbook.xml"),
    "odt": ("application/vnd.oasis.opendocument.text", ZIP_MAGIC, "content.xml"),
    "txt": ("text/plain", None, None),
}
MAX_UNZIPPED = 200 * 1024 * 1024


def max_bytes() -> int:
    return int(getattr(settings, "OMBUDS_UPLOAD_MAX_MB", 20)) * 1024 * 1024


def _refuse(message: str):
    raise ValidationError({"file": message})


def check(uploaded) -> tuple[str, str]:
    """Return (extension, content type) or raise ValidationError with a message for the user."""
    name = os.path.basename(uploaded.name or "")
    if not name or "\x00" in name or any(ch in name for ch in "\u202e\u202d"):
        _refuse(_("The file name is not acceptable."))
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in ALLOWED:
        _refuse(_("Files of this type are not accepted. Accepted: %(types)s.") % {"types": ", ".join(sorted(ALLOWED))})
    if uploaded.size > max_bytes():
        _refuse(_("The file is larger than %(mb)s MB.") % {"mb": max_bytes() // (1024 * 1024)})
    if uploaded.size == 0:
        _refuse(_("The file is empty."))
    mime, magic, member = ALLOWED[ext]
    declared = (getattr(uploaded, "content_type", "") or "").split(";")[0].strip().lower()
    if declared and declared not in (mime, "application/octet-stream"):
        _refuse(_("The file's type does not match its extension."))
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    if magic is not None and not head.startswith(magic):
        _refuse(_("The file's content does not match its extension."))
    if ext == "txt":
        _check_text(uploaded)
    if member is not None:
        try:
            with zipfile.ZipFile(uploaded) as package:
                if member not in package.namelist():
                    _refuse(_("The file's content does not match its extension."))
                if sum(info.file_size for info in package.infolist()) > MAX_UNZIPPED:
                    _refuse(_("The file is not acceptable (it expands to too much data)."))
        except zipfile.BadZipFile:
            _refuse(_("The file is damaged."))
        finally:
            uploaded.seek(0)
    return ext, mime


HTML_MARKERS = (b"<script", b"<html")


def _check_text(uploaded) -> None:
    """The whole file, read in chunks: UTF-8 through an incremental decoder (a letter such as "ə"
    may be split between two chunks) and no HTML anywhere (a marker may be split too, so each
    chunk is searched together with the tail of the one before)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    overlap = max(len(marker) for marker in HTML_MARKERS) - 1
    tail = b""
    uploaded.seek(0)
    try:
        for chunk in uploaded.chunks():
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                _refuse(_("A text file must be UTF-8 text."))
            window = (tail + chunk).lower()
            if any(marker in window for marker in HTML_MARKERS):
                _refuse(_("The file's content does not match its extension."))
            tail = window[-overlap:]
        try:
            decoder.decode(b"", final=True)  # a sequence cut off at the very end
        except UnicodeDecodeError:
            _refuse(_("A text file must be UTF-8 text."))
    finally:
        uploaded.seek(0)


FOLDER = "attachments"


def storage_name(stored_name: str) -> str:
    """The file's name in the storage (a key, not a file-system path)."""
    return f"{FOLDER}/{stored_name}"


def store(actor, owner, uploaded) -> Attachment:
    """Validate and write the file, then record it; call inside the service's transaction."""
    ext, mime = check(uploaded)
    stored = f"{uuid.uuid4().hex}.{ext}"
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    saved = default_storage.save(storage_name(stored), uploaded)
    if saved != storage_name(stored):  # a storage that renamed the file: keep the name it chose
        stored = saved.removeprefix(f"{FOLDER}/")
    attachment = Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(owner),
        object_id=owner.pk,
        original_name=os.path.basename(uploaded.name)[:255],
        stored_name=stored,
        mime_type=mime,
        size=uploaded.size,
        sha256=digest.hexdigest(),
        created_by=actor,
        updated_by=actor,
    )
    audit.record(
        "core.attachment.added",
        actor=actor,
        obj=owner,
        changes={"attachment": str(attachment.public_id), "type": ext, "size": uploaded.size},
    )
    return attachment


def store_bytes(actor, owner, content: bytes, filename: str, mime: str) -> Attachment:
    """Keep a file the system made itself (a generated report) as an attachment of `owner`: it goes
    through the same checks as an upload, so a generated file obeys the same rules as any other."""
    from django.core.files.base import ContentFile

    made = ContentFile(content, name=filename)
    made.content_type = mime  # type: ignore[attr-defined]
    return store(actor, owner, made)


def download_response(attachment: Attachment) -> FileResponse:
    """Always a download (never rendered inline), with nosniff; the caller checked permission."""
    response = FileResponse(
        default_storage.open(storage_name(attachment.stored_name), "rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.mime_type,
    )
    response["Content-Length"] = str(attachment.size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Several files in one form field (answers with evidence, replies received) ------------------

FILES_HELP = gettext_lazy("PDF, JPEG, PNG, DOCX, XLSX, ODT or text; up to 20 MB each. You may choose several files.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field: each is checked as a single one; the cleaned value is a list
    (for `store`, which checks each file's content in the service)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        chosen = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not chosen:
            super().clean(None, initial)  # refuses an empty required field
            return []
        return [super(MultipleFileField, self).clean(item, initial) for item in chosen]

"""The uploaded files of a backup, read and written through Django's storage API.

Through the storage rather than a folder, so that the same backup works whether the files are on
a local disk, a shared mount or S3-compatible object storage.
"""

from __future__ import annotations

import hashlib
import posixpath
import tempfile
from collections.abc import Iterator

from django.core.files.base import File
from django.core.files.storage import Storage

PREFIX = "files/"


def walk(storage: Storage, top: str = "") -> Iterator[str]:
    """Every file name in the storage, in a stable order; unfinished uploads (".x.part") left out."""
    try:
        folders, names = storage.listdir(top)
    except FileNotFoundError:
        return
    for name in sorted(names):
        if not (name.startswith(".") and name.endswith(".part")):
            yield posixpath.join(top, name) if top else name
    for folder in sorted(folders):
        yield from walk(storage, posixpath.join(top, folder) if top else folder)


def read(storage: Storage, name: str) -> Iterator[bytes]:
    with storage.open(name, "rb") as handle:
        while block := handle.read(1024 * 1024):
            yield block


def sha256(storage: Storage, name: str) -> str:
    digest = hashlib.sha256()
    for block in read(storage, name):
        digest.update(block)
    return digest.hexdigest()


class SpooledFile:
    """Collects one file while the archive is read, then saves it under its exact name."""

    def __init__(self, storage: Storage, name: str) -> None:
        self.storage, self.name = storage, name
        # Spooled: small files stay in memory, large ones go to a temporary file until saved.
        self.buffer = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)

    def write(self, chunk: bytes) -> None:
        self.buffer.write(chunk)

    def close(self) -> None:
        self.buffer.seek(0)
        saved = self.storage.save(self.name, File(self.buffer))
        self.buffer.close()
        if saved != self.name:
            raise FileExistsError(f"{self.name} was saved as {saved}: the storage already had a file of that name")

"""Where uploaded files live: Django's storage API, so that several web servers can share them.

Every read and write of an uploaded file goes through `django.core.files.storage.default_storage`
(the `STORAGES["default"]` setting): the local file system by default, or S3-compatible object
storage (`OMBUDS_STORAGE=s3`, see config/settings.py). No code may build a file-system path to an
upload, since object storage has none. Files are never handed out as a storage URL (a bucket
address would skip the permission check): `ombuds.core.uploads.download_response` streams them.
"""

from __future__ import annotations

import os

from django.core.files.storage import FileSystemStorage


class DurableFileSystemStorage(FileSystemStorage):
    """The file system storage, crash-safe: a file is written under a temporary name, synced to disk
    and renamed, so a crash (power loss, kill -9) never leaves a truncated file behind a committed
    row. The database row is written after `save` returns, in the caller's transaction."""

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        temporary = os.path.join(directory, f".{os.path.basename(full_path)}.part")
        with open(temporary, "wb") as out:
            for chunk in content.chunks():
                out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, full_path)
        # The rename itself must reach the disk too.
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        return name

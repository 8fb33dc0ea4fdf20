"""The encrypted backup archive: a stream of AES-256-GCM records under a key held outside the database.

Layout of a file:

    MAGIC | u32 header length | header (JSON: format, salt, key id) | record | record | ...
    record = u32 length | AES-GCM(nonce = record number, kind byte + payload, aad = header digest + final flag)

The record key is derived from the backup key and the archive's random salt (HKDF-SHA256), so no
two archives share a key and the record number can serve as the nonce. Every record is bound to
its header (an archive's records cannot be spliced into another) and to its position (nonce), and
only the last record, the manifest, carries the final flag: a reordered, cut or extended archive
does not open. The header is authenticated through the records but not secret; it holds only the
salt and a key id, which tells a wrong key apart from a damaged archive.

Inside, parts follow each other: BEGIN(name), DATA... , END; the manifest lists each part with its
SHA-256 and size. Data streams through in chunks: neither side needs the whole archive in memory,
and no part is ever written to disk unencrypted.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"OMBUDS-BACKUP\x00"
FORMAT = 1
CHUNK = 1024 * 1024
_LENGTH = struct.Struct(">I")
BEGIN, DATA, END, MANIFEST = b"B", b"D", b"E", b"M"
MAX_RECORD = CHUNK + 1024  # a length above this is damage, not a record to allocate memory for


class ArchiveError(Exception):
    """The archive cannot be trusted: wrong key, damaged, modified, cut short, or not a backup."""


def parse_key(value: str) -> bytes:
    """The backup key: base64 of 32 random bytes (`manage.py backup --generate-key`)."""
    try:
        key = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ArchiveError("the backup key is not base64") from exc
    if len(key) != 32:
        raise ArchiveError("the backup key must be 32 bytes (base64-encoded)")
    return key


def new_key() -> str:
    return base64.b64encode(os.urandom(32)).decode()


def key_id(key: bytes) -> str:
    """A public fingerprint of the key: says which key an archive needs without revealing it."""
    return hmac.new(key, b"ombuds backup key id", hashlib.sha256).hexdigest()[:16]


def _record_key(key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"ombuds backup v1").derive(key)
    return AESGCM(derived)


def _nonce(number: int) -> bytes:
    return number.to_bytes(12, "big")


class Sink(Protocol):
    def write(self, data: bytes) -> Any: ...


@dataclass
class PartInfo:
    name: str
    sha256: str
    size: int


class ArchiveWriter:
    """Write parts into an encrypted archive; `finish(manifest)` seals it."""

    def __init__(self, out: IO[bytes], key: bytes) -> None:
        self.out = out
        salt = os.urandom(16)
        header = json.dumps(
            {"format": FORMAT, "salt": base64.b64encode(salt).decode(), "key_id": key_id(key)}, sort_keys=True
        ).encode()
        out.write(MAGIC + _LENGTH.pack(len(header)) + header)
        self._aad = hashlib.sha256(header).digest()
        self._aead = _record_key(key, salt)
        self._number = 0
        self.parts: list[PartInfo] = []

    def _record(self, kind: bytes, payload: bytes, *, final: bool = False) -> None:
        sealed = self._aead.encrypt(_nonce(self._number), kind + payload, self._aad + (b"\x01" if final else b"\x00"))
        self.out.write(_LENGTH.pack(len(sealed)) + sealed)
        self._number += 1

    def add(self, name: str, chunks: Iterator[bytes] | list[bytes]) -> PartInfo:
        """One part from an iterable of byte strings (any sizes); returns its checksum and size."""
        if any(p.name == name for p in self.parts):
            raise ValueError(f"part {name!r} twice")
        self._record(BEGIN, name.encode())
        digest, size, buffer = hashlib.sha256(), 0, bytearray()
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            buffer += chunk
            while len(buffer) >= CHUNK:
                self._record(DATA, bytes(buffer[:CHUNK]))
                del buffer[:CHUNK]
        if buffer:
            self._record(DATA, bytes(buffer))
        self._record(END, b"")
        info = PartInfo(name, digest.hexdigest(), size)
        self.parts.append(info)
        return info

    def finish(self, manifest: dict[str, Any]) -> dict[str, Any]:
        manifest = {**manifest, "parts": [p.__dict__ for p in self.parts]}
        self._record(MANIFEST, json.dumps(manifest, sort_keys=True, ensure_ascii=False).encode(), final=True)
        return manifest


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise ArchiveError("the archive is cut short")
    return data


def _records(stream: IO[bytes], key: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(kind, payload) of every record, each authenticated; the last one is the manifest."""
    if stream.read(len(MAGIC)) != MAGIC:
        raise ArchiveError("not an Ombuds backup archive")
    (length,) = _LENGTH.unpack(_read_exact(stream, _LENGTH.size))
    if length > 4096:
        raise ArchiveError("the archive header is damaged")
    header_bytes = _read_exact(stream, length)
    try:
        header = json.loads(header_bytes)
        salt = base64.b64decode(header["salt"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ArchiveError("the archive header is damaged") from exc
    if header.get("format") != FORMAT:
        raise ArchiveError(f"archive format {header.get('format')!r} is not supported by this version")
    if not hmac.compare_digest(str(header.get("key_id", "")), key_id(key)):
        raise ArchiveError(
            f"wrong backup key: the archive was made with key {header.get('key_id')}, this key is {key_id(key)}"
        )
    aad = hashlib.sha256(header_bytes).digest()
    aead = _record_key(key, salt)
    number = 0
    while True:
        prefix = stream.read(_LENGTH.size)
        if not prefix:
            raise ArchiveError("the archive is cut short (no manifest at its end)")
        if len(prefix) < _LENGTH.size:
            prefix += _read_exact(stream, _LENGTH.size - len(prefix))
        (length,) = _LENGTH.unpack(prefix)
        if length > MAX_RECORD:
            raise ArchiveError(f"the archive is damaged at record {number}")
        sealed = _read_exact(stream, length)
        final = False
        try:
            plain = aead.decrypt(_nonce(number), sealed, aad + b"\x00")
        except InvalidTag:
            try:
                plain = aead.decrypt(_nonce(number), sealed, aad + b"\x01")
                final = True
            except InvalidTag as exc:
                raise ArchiveError(f"the archive is damaged or was modified (record {number})") from exc
        number += 1
        kind, payload = plain[:1], plain[1:]
        if final != (kind == MANIFEST):
            raise ArchiveError("the archive's structure is damaged")
        yield kind, payload
        if final:
            if stream.read(1):
                raise ArchiveError("the archive has data after its manifest")
            return


@dataclass
class _Replay:
    select: Callable[[str], Sink | None]
    seen: dict[str, PartInfo] = field(default_factory=dict)


def replay(stream: IO[bytes], key: bytes, select: Callable[[str], Sink | None] | None = None) -> dict[str, Any]:
    """Read the whole archive, authenticating every record and recomputing every part's checksum.

    `select(name)` returns where a part's bytes go (or None to skip them). Returns the manifest
    after checking that it lists exactly the parts read, with their checksums and sizes; raises
    ArchiveError otherwise. With no `select`, this only verifies (nothing is written anywhere).
    """
    state = _Replay(select or (lambda _name: None))
    current: str | None = None
    sink: Sink | None = None
    digest = hashlib.sha256()
    size = 0
    manifest: dict[str, Any] | None = None
    for kind, payload in _records(stream, key):
        if kind == BEGIN and current is None:
            current, digest, size = payload.decode(), hashlib.sha256(), 0
            sink = state.select(current)
        elif kind == DATA and current is not None:
            digest.update(payload)
            size += len(payload)
            if sink is not None:
                sink.write(payload)
        elif kind == END and current is not None:
            state.seen[current] = PartInfo(current, digest.hexdigest(), size)
            if sink is not None and hasattr(sink, "close"):
                sink.close()
            current, sink = None, None
        elif kind == MANIFEST and current is None:
            manifest = json.loads(payload)
        else:
            raise ArchiveError("the archive's structure is damaged")
    assert manifest is not None  # _records ends only on the manifest
    listed = {p["name"]: PartInfo(**p) for p in manifest.get("parts", [])}
    if listed != state.seen:
        raise ArchiveError("a part's checksum or size differs from the manifest")
    return manifest

"""Authenticated encryption for secret-tier values (AES-256-GCM, `cryptography`).

Ciphertext format: ``v1:<key id>:<base64(nonce || ciphertext+tag)>``. The associated data binds a
value to where it lives — ``table:column:row-public-id`` — so a ciphertext copied into another
row or column fails to decrypt instead of silently showing someone else's secret.

Keys come from the environment, never the database: FIELD_ENCRYPTION_KEYS is a comma-separated
list of ``id:base64(32 bytes)``; the last one encrypts, all of them decrypt. After adding a new
key, re-encrypt everything under it (`rotate_keys`), then drop the old one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "v1"


class DecryptionError(Exception):
    """A ciphertext that cannot be opened: wrong row, tampered, or its key was removed."""


@dataclass(frozen=True)
class KeyRing:
    keys: dict[str, bytes]
    current: str

    @classmethod
    def parse(cls, spec: str) -> KeyRing:
        keys: dict[str, bytes] = {}
        current = ""
        for item in (part.strip() for part in spec.split(",")):
            if not item:
                continue
            kid, _, encoded = item.partition(":")
            key = base64.b64decode(encoded)
            if not kid or ":" in kid or len(key) != 32:
                raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS entries must be 'id:base64(32 bytes)'")
            keys[kid] = key
            current = kid
        if not keys:
            raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
        return cls(keys, current)


def keyring() -> KeyRing:
    return KeyRing.parse(settings.FIELD_ENCRYPTION_KEYS)


def associated_data(table: str, column: str, row_id: str) -> bytes:
    return f"{table}:{column}:{row_id}".encode()


def encrypt(plaintext: str, aad: bytes, ring: KeyRing | None = None) -> str:
    ring = ring or keyring()
    nonce = os.urandom(12)
    sealed = AESGCM(ring.keys[ring.current]).encrypt(nonce, plaintext.encode("utf-8"), aad)
    return f"{PREFIX}:{ring.current}:{base64.b64encode(nonce + sealed).decode()}"


def key_id(ciphertext: str) -> str:
    return ciphertext.split(":", 2)[1]


def decrypt(ciphertext: str, aad: bytes, ring: KeyRing | None = None) -> str:
    ring = ring or keyring()
    try:
        prefix, kid, body = ciphertext.split(":", 2)
        raw = base64.b64decode(body)
        if prefix != PREFIX or kid not in ring.keys:
            raise DecryptionError("unknown format or key id")
        return AESGCM(ring.keys[kid]).decrypt(raw[:12], raw[12:], aad).decode("utf-8")
    except (ValueError, InvalidTag) as exc:
        # Never include the ciphertext or plaintext in the message: it may reach a log.
        raise DecryptionError("ciphertext does not open for this row and column") from exc


def reencrypt(ciphertext: str, aad: bytes, ring: KeyRing | None = None) -> str:
    """The same value under the newest key (unchanged when it already uses it)."""
    ring = ring or keyring()
    if key_id(ciphertext) == ring.current:
        return ciphertext
    return encrypt(decrypt(ciphertext, aad, ring), aad, ring)


def blind_index(value: str, purpose: str) -> str:
    """Keyed, deterministic digest for exact lookup of an encrypted value (e.g. a passport number).

    Normalised (trimmed, case-folded) so that the same value typed differently still matches;
    `purpose` separates indexes so equal values in different columns do not correlate.
    """
    normalised = " ".join(value.split()).casefold()
    key = settings.FIELD_BLIND_INDEX_KEY.encode()
    return hmac.new(key, f"{purpose}|{normalised}".encode(), hashlib.sha256).hexdigest()

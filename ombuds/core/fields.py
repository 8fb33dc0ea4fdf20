"""EncryptedTextField: a secret-tier value stored with AES-256-GCM (ombuds/core/crypto.py).

The database only ever holds ``v1:<key id>:<ciphertext>``; the associated data is
``table:column:public_id`` of the row, so the model needs a `public_id` (every BaseModel has
one). Values are decrypted lazily, when the attribute is first read, because decryption needs
the row's identity, which is not known while a single column is being loaded.

Encrypted columns cannot be searched: filtering raises, use a blind index (crypto.blind_index)
in a separate column for exact lookups.
"""

from __future__ import annotations

from django.core.exceptions import FieldError
from django.db import models

from ombuds.core import crypto


class Sealed(str):
    """A ciphertext as loaded from the database, not yet opened."""

    __slots__ = ()

    def __repr__(self) -> str:  # never leak even the ciphertext into logs or error pages
        return "<sealed>"


class _Descriptor:
    def __init__(self, field: EncryptedTextField) -> None:
        self.field = field

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__.get(self.field.attname, "")
        if isinstance(value, Sealed):
            value = crypto.decrypt(str(value), self.field.aad(instance)) if value else ""
            instance.__dict__[self.field.attname] = value
        return value

    def __set__(self, instance, value) -> None:
        instance.__dict__[self.field.attname] = "" if value is None else value


class EncryptedTextField(models.TextField):
    encrypted = True  # read by the data-class system check (ombuds.E002)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, self.attname, _Descriptor(self))

    def aad(self, instance) -> bytes:
        return crypto.associated_data(instance._meta.db_table, str(self.column), str(instance.public_id))

    def from_db_value(self, value, expression, connection):
        return Sealed(value) if value else ""

    def pre_save(self, model_instance, add):
        plaintext = getattr(model_instance, self.attname)
        if not plaintext:
            return ""
        return Sealed(crypto.encrypt(plaintext, self.aad(model_instance)))

    def get_prep_value(self, value):
        if isinstance(value, Sealed) or not value:
            return str(value or "")
        raise FieldError("an encrypted field only stores values through save(); it cannot be compared")

    def get_lookup(self, lookup_name):
        if lookup_name != "isnull":
            raise FieldError(f"{self.name} is encrypted: filter on a blind index instead")
        return super().get_lookup(lookup_name)


class Loaded(str):
    """A value as loaded from the database, which its row's tier flag says is sealed or not."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<loaded>"


class _TierDescriptor(_Descriptor):
    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__.get(self.field.attname, "")
        if isinstance(value, Loaded):
            sealed = bool(value) and getattr(instance, self.field.tier_flag)
            value = crypto.decrypt(str(value), self.field.aad(instance)) if sealed else str(value)
            instance.__dict__[self.field.attname] = value
        return value


class TierEncryptedTextField(models.TextField):
    """A confidential text stored encrypted when its row is in the secret tier, as plain text
    otherwise (security.md V14: confidential fields of a secret-tier record are encrypted).

    `tier_flag` names the row's boolean that says so (e.g. ``is_secret``); it decides both ways,
    so a value is never guessed to be a ciphertext from its shape. Plain rows stay searchable
    (full text, exact match); sealed rows are found only through a blind index. A row that enters
    the secret tier must save these fields again, which pre_save then encrypts.
    """

    tier_encrypted = True

    def __init__(self, *args, tier_flag: str = "is_secret", **kwargs):
        self.tier_flag = tier_flag
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.tier_flag != "is_secret":
            kwargs["tier_flag"] = self.tier_flag
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, self.attname, _TierDescriptor(self))

    def aad(self, instance) -> bytes:
        return crypto.associated_data(instance._meta.db_table, str(self.column), str(instance.public_id))

    def from_db_value(self, value, expression, connection):
        return Loaded(value) if value else ("" if value is not None else value)

    def pre_save(self, model_instance, add):
        plaintext = getattr(model_instance, self.attname)
        if plaintext and getattr(model_instance, self.tier_flag):
            return Sealed(crypto.encrypt(plaintext, self.aad(model_instance)))
        return plaintext

    def get_prep_value(self, value):
        if isinstance(value, (Sealed, Loaded)):
            return str(value)
        return super().get_prep_value(value)


def encrypted_fields(model) -> list[EncryptedTextField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def rotate_model(model, ring=None) -> int:
    """Re-encrypt every value of `model` under the newest key; return how many were rewritten."""
    ring = ring or crypto.keyring()
    fields = encrypted_fields(model)
    rewritten = 0
    if not fields:
        return 0
    columns = ["pk", "public_id", *(f.attname for f in fields)]
    for pk, public_id, *values in model._base_manager.values_list(*columns).iterator(chunk_size=500):
        changes = {}
        for field, value in zip(fields, values, strict=True):
            if value and crypto.key_id(value) != ring.current:
                aad = crypto.associated_data(model._meta.db_table, str(field.column), str(public_id))
                changes[field.attname] = Sealed(crypto.reencrypt(str(value), aad, ring))
        if changes:
            model._base_manager.filter(pk=pk).update(**changes)
            rewritten += len(changes)
    return rewritten

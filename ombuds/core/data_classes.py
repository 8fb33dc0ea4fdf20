"""Data classes of model fields: public, internal, confidential, secret (security.md V14).

Every model of an Ombuds app declares `DATA_CLASSES = {"field": DataClass.X, ...}` covering
each of its concrete fields; the system check `ombuds.E001` fails on an unclassified field, so a
new personal field cannot ship without a decision. Secret fields must also be encrypted
(`ombuds.E002`) and are masked in audit diffs.
"""

from __future__ import annotations

from django.db import models


class DataClass(models.TextChoices):
    PUBLIC = "public"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"
    SECRET = "secret"  # noqa: S105 - a classification label, not a credential


def declared(model) -> dict[str, str]:
    return getattr(model, "DATA_CLASSES", {})


def secret_field_names(model) -> set[str]:
    return {name for name, cls in declared(model).items() if cls == DataClass.SECRET}

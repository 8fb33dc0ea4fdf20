"""System checks that keep the data-class rule honest (see ombuds/core/data_classes.py)."""

from __future__ import annotations

from django.apps import apps
from django.core import checks

from ombuds.core.data_classes import DataClass, declared


def _classified_fields(model):
    for field in [*model._meta.concrete_fields, *model._meta.local_many_to_many]:
        if field.primary_key and field.auto_created:
            continue
        yield field


@checks.register(checks.Tags.models)
def check_data_classes(app_configs=None, **kwargs):
    errors = []
    for config in app_configs or apps.get_app_configs():
        if not config.name.startswith("ombuds."):
            continue
        for model in config.get_models():
            classes = declared(model)
            names = set()
            for field in _classified_fields(model):
                names.add(field.name)
                data_class = classes.get(field.name)
                if data_class is None:
                    errors.append(
                        checks.Error(
                            f"{model._meta.label}.{field.name} has no data class",
                            hint="Add it to the model's DATA_CLASSES (public, internal, confidential, secret).",
                            obj=model,
                            id="ombuds.E001",
                        )
                    )
                elif data_class == DataClass.SECRET and not getattr(field, "encrypted", False):
                    errors.append(
                        checks.Error(
                            f"{model._meta.label}.{field.name} is secret but not stored encrypted",
                            obj=model,
                            id="ombuds.E002",
                        )
                    )
            for stale in sorted(set(classes) - names):
                errors.append(
                    checks.Error(
                        f"{model._meta.label}.DATA_CLASSES names {stale!r}, which is not a field",
                        obj=model,
                        id="ombuds.E003",
                    )
                )
    return errors

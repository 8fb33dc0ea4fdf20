from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from ombuds.core import crypto
from ombuds.core.fields import encrypted_fields, rotate_model


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field under the newest key of FIELD_ENCRYPTION_KEYS. "
        "Afterwards the older keys can be removed from the environment."
    )

    def handle(self, *args, **options):
        ring = crypto.keyring()
        total = 0
        for model in apps.get_models():
            if encrypted_fields(model):
                with transaction.atomic():
                    count = rotate_model(model, ring)
                total += count
                self.stdout.write(f"{model._meta.label}: {count} value(s) re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"done: {total} value(s) now under key {ring.current!r}"))

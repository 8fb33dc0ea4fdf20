from django.conf import settings
from django.db import models

from ombuds.accounts.scoping import Scope, ScopedQuerySet
from ombuds.core.fields import EncryptedTextField
from ombuds.core.models import BaseModel


class Dossier(BaseModel):
    """A stand-in for a case file: owned by a unit, located in a district, maybe secret."""

    title = models.CharField(max_length=100)
    unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT)
    district = models.ForeignKey("core.District", on_delete=models.PROTECT)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    intake_open = models.BooleanField(default=True)
    is_secret = models.BooleanField(default=False)
    secret_note = EncryptedTextField()
    witness_name = EncryptedTextField()

    SCOPE = Scope(
        unit="unit",
        region="district__region",
        assignees="assignee",
        creator="created_by",
        intake_open="intake_open",
        restricted="is_secret",
    )
    objects = ScopedQuerySet.as_manager()

    def __str__(self) -> str:
        return self.title

"""Helpers shared by the complaint services. Permission checks, row locks, saves and transitions
are core's (ombuds/core/services.py)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import Deadline


def open_deadlines(application, *rule_codes: str):
    return Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        rule__code__in=rule_codes,
        closed_at__isnull=True,
    ).exclude(status=DeadlineStatus.CANCELLED)

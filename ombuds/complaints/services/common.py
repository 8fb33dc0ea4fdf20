"""Helpers shared by the complaint services: permissions, transitions, deadlines on a case."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from ombuds.complaints.choices import TRANSITIONS
from ombuds.core.choices import DeadlineStatus
from ombuds.core.models import Deadline


def require(actor, perm: str) -> None:
    if actor is not None and not actor.has_perm(perm):
        raise PermissionDenied


def move(application, target: str) -> str:
    """Check a transition of §3.1 and apply it to the (unsaved) object; return the old status."""
    old = application.status
    if target not in TRANSITIONS.get(old, set()):
        raise ValidationError(
            _("An application that is “%(old)s” cannot become “%(new)s”.")
            % {
                "old": application.get_status_display(),
                "new": dict(application._meta.get_field("status").choices)[target],
            }
        )
    application.status = target
    return old


def open_deadlines(application, *rule_codes: str):
    return Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        rule__code__in=rule_codes,
        closed_at__isnull=True,
    ).exclude(status=DeadlineStatus.CANCELLED)

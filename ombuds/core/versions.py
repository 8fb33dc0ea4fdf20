"""Lost updates on pages: an edit form carries the version of the record it was drawn from, and
a submit based on an old version is refused (by the service, `core.services.check_version`) and
redrawn with the person's input kept and a message saying who saved the record since, when, and
what they changed.

Views use three pieces: `VersionedForm` (the hidden field), `versioned_initial(record)` for the
form's initial data, and `show_conflict(form, conflict)` when the service raised `Conflict`; the
page is then answered with status 409 (`CONFLICT`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ombuds.core.exceptions import Conflict
from ombuds.core.models import AuditEvent

CONFLICT = 409
_MAX_EVENTS = 5  # the message names the last few saves; more would not help the reader


class VersionedForm(forms.Form):
    """Base of a form that edits a record: the version it was drawn from rides along hidden."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def read_version(self) -> int | None:
        """The version the person saw; None when the form was posted without one (an old page)."""
        return self.cleaned_data.get("version")


def versioned_initial(record: Any, **initial: Any) -> dict[str, Any]:
    return {**initial, "version": record.version}


def show_conflict(form: forms.Form, conflict: Conflict) -> None:
    """Put the conflict on the form, above the fields, and rebase its hidden version on the
    current record: the person's input stays, and saving again (after reading what changed)
    writes it over the other person's version deliberately."""
    form.add_error(None, conflict_message(conflict))
    data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict: the posted data
    data[form.add_prefix("version")] = str(conflict.current.version)
    form.data = data


def _field_label(model: Any, name: str) -> str | None:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return None


def _person(actor_id: int | None, label: str) -> str:
    if actor_id is None:
        return label or _("the system")
    user = get_user_model()._default_manager.filter(pk=actor_id).first()
    return (user.get_full_name() or user.get_username()) if user else label


def conflict_message(conflict: Conflict) -> str:
    """Who saved the record after the person read it, when, and which fields they changed, from
    the audit trail (the services record old and new values there); the record's own
    `updated_by`/`updated_at` when the trail has nothing on it."""
    current = conflict.current
    model = type(current)
    newer = max(1, min(current.version - conflict.expected, _MAX_EVENTS))
    events = list(
        AuditEvent.objects.filter(
            object_type=model._meta.label_lower, object_id=str(getattr(current, "public_id", current.pk))
        ).order_by("-pk")[:newer]
    )
    if events:
        who = ", ".join(dict.fromkeys(_person(e.actor_id, e.actor_label) for e in events))
        when = events[0].occurred_at
        names = [label for e in events for label in (_field_label(model, k) for k in e.changes or {}) if label]
    else:
        actor = getattr(current, "updated_by", None)
        who = (actor.get_full_name() or actor.get_username()) if actor else _("someone")
        when = getattr(current, "updated_at", None) or timezone.now()
        names = []
    params = {"who": who, "when": formats.localize(timezone.localtime(when)), "fields": ", ".join(dict.fromkeys(names))}
    if names:
        return (
            _(
                "%(who)s saved this record at %(when)s, after you opened it, and changed: %(fields)s. "
                "Your input is kept below: compare it with the record and save again to keep it."
            )
            % params
        )
    return (
        _(
            "%(who)s saved this record at %(when)s, after you opened it. "
            "Your input is kept below: compare it with the record and save again to keep it."
        )
        % params
    )

"""The shared shape of a record page's action (post a small form → one service call → back to the
record with a message). Keeps the views of every app thin and alike."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ombuds.core.exceptions import Conflict
from ombuds.core.once import submit_once
from ombuds.core.versions import CONFLICT, show_conflict


def form_errors(form) -> str:
    return "; ".join(str(error) for errors in form.errors.values() for error in errors)


def run_action(request, record, form, call, redraw=None):
    """Validate `form`; on success call `call(user, record, cleaned_data)` (a service); service
    refusals become error messages (nothing was written). Back to the record's page, except for
    a write based on an old version of the record: `redraw(form)` draws the page again with the
    person's input kept and the conflict named on the form (core/versions.py), status 409.
    A second submit of the same drawn form (its one-time token) saves nothing (core/once.py)."""
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(record.get_absolute_url())
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:
            call(request.user, record, form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        except Conflict as exc:
            if redraw is None:
                raise
            show_conflict(form, exc)
            response = redraw(form)
            response.status_code = CONFLICT
            return response
        else:
            messages.success(request, _("Saved."))
            once.created(record.get_absolute_url())
    return redirect(record.get_absolute_url())

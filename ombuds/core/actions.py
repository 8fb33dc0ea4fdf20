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


def add_service_errors(form, exc: ValidationError) -> None:
    """A service's refusal shown on the form: next to the field it names, else at the top."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def run_action(request, record, form, call, redraw=None, *, keep_input: bool = False):
    """Validate `form`; on success call `call(user, record, cleaned_data)` (a service); service
    refusals become error messages (nothing was written). Back to the record's page, except for
    a write based on an old version of the record: `redraw(form)` draws the page again with the
    person's input kept and the conflict named on the form (core/versions.py), status 409.
    With `keep_input`, refused input (an invalid form, a service's refusal) is redrawn the same
    way, the errors next to their fields, instead of being lost on the way back to the page.
    A second submit of the same drawn form (its one-time token) saves nothing (core/once.py)."""
    keep = keep_input and redraw is not None
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redraw(form) if keep else redirect(record.get_absolute_url())
    refused = False
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:
            call(request.user, record, form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            if keep:
                add_service_errors(form, exc)
                refused = True
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
    if refused:
        return redraw(form)
    return redirect(record.get_absolute_url())

"""One-time form tokens: a create form submitted twice (double click, back and resubmit) makes
one record; the second submit goes to what the first one made.

A form that creates a record inherits `OnceFormMixin`: drawing it issues a signed, dated random
token in a hidden field (nothing is written while a page is read). The view runs its service
inside `submit_once(request, form)`:

    with submit_once(request, form) as once:
        if once.done:
            return once.done            # the first submit's redirect, with a message
        app = services.register_application(...)
        once.created(app.get_absolute_url())
    return redirect(app.get_absolute_url())

The token is claimed in the same transaction as the create, as an IdempotencyKey row
("form:<nonce>") under a unique constraint (see ombuds/core/idempotency.py): a concurrent second
submit waits until the first commits, then finds the claim. A failure (invalid input refused by
the service, a crash) rolls the claim back with the record, so the redrawn form keeps a valid
token. A token older than OMBUDS_IDEMPOTENCY_HOURS is refused with a fresh one drawn, because its
claim may have been purged. A POST without the field (a script, an old test) is processed
without the guard.
"""

from __future__ import annotations

import secrets
from contextlib import contextmanager
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from ombuds.core.idempotency import claim
from ombuds.core.models import IdempotencyKey

FIELD = "once"
FORM_PREFIX = "form:"
_SALT = "ombuds.core.once"


def new_token() -> str:
    return signing.TimestampSigner(salt=_SALT).sign(secrets.token_urlsafe(18))


def nonce_of(token: str) -> str:
    """The random part of a valid, unexpired token; raises signing.BadSignature otherwise."""
    max_age = settings.OMBUDS_IDEMPOTENCY_HOURS * 3600
    return signing.TimestampSigner(salt=_SALT).unsign(token, max_age=max_age)


class OnceFormMixin:
    """Adds the hidden one-time token to a form (first in the bases: `class F(OnceFormMixin, forms.Form)`)."""

    once_errors = {
        "invalid": _("This form was open for too long or was changed. Check it and submit it again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, initial=new_token, label=_("Form token")
        )

    def clean_once(self) -> str:
        token = self.cleaned_data.get(FIELD, "")  # type: ignore[attr-defined]
        if not token:
            return ""
        try:
            nonce_of(token)
        except signing.BadSignature as exc:
            # Redraw with a fresh token: the stale one can never pass.
            self.data = self.data.copy()  # type: ignore[has-type]
            self.data[self.add_prefix(FIELD)] = new_token()  # type: ignore[attr-defined]
            raise forms.ValidationError(self.once_errors["invalid"], code="invalid") from exc
        return token

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        # Kept beside the data, not in it: views pass cleaned_data to services as keyword arguments.
        self.once_token: str = self.cleaned_data.pop(FIELD, "")  # type: ignore[attr-defined]


@dataclass
class Once:
    record: IdempotencyKey | None = None
    done: HttpResponseRedirect | None = None  # set when an earlier submit of this token succeeded
    url: str = ""

    def created(self, url: str) -> None:
        """Where the new record is (the repeat of this submit is sent there)."""
        self.url = url


def _earlier(request, key: str) -> HttpResponseRedirect:
    record = IdempotencyKey.objects.filter(user=request.user, key=key).first()
    url = record.location if record and record.location else request.get_full_path()
    messages.info(request, _("This form was already submitted: nothing was saved twice. Here is the result."))
    return HttpResponseRedirect(url)


@contextmanager
def submit_once(request, form):
    """Claim the form's token for the create run inside the block (see the module)."""
    token = getattr(form, "once_token", "")
    if not token or not request.user.is_authenticated:
        yield Once()
        return
    key = FORM_PREFIX + nonce_of(token)
    with transaction.atomic():
        record = claim(request.user, key, "form")
        if record is None:
            done = Once(done=_earlier(request, key))
        else:
            done = Once(record=record)
        yield done
        if done.record is not None:
            if done.url:
                done.record.location = done.url[:500]
                done.record.save(update_fields=["location", "updated_at"])
            else:  # the block made nothing (a refusal shown on the form): the token stays usable
                done.record.delete()

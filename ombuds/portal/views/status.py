"""The status lookup: a visitor enters the reference and PIN from the receipt (or from the slip a
clerk gave) and sees where the application stands. Through complaints' service only
(`lookup_status`): the portal never reads the status keys itself.

A plain POST form that works without JavaScript; the answer is drawn on the same page, never put
in the URL, and nothing of the page is cached anywhere (`never_cache`: it carries a CSRF token
and, after a lookup, a person's case). The PIN is a sensitive parameter: an error report never
shows it, and the audit events of a lookup carry no address.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from ombuds.complaints.services.status import REFERENCE_ALPHABET, lookup_status, normalise_reference
from ombuds.portal.context import render_public
from ombuds.portal.public import public_page
from ombuds.portal.throttle import allow, without_address


class StatusForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference number"),
        max_length=20,
        help_text=_("As written on your receipt or slip: four letters or digits, a dash, four more (ABCD-2345)."),
        error_messages={"required": _("Enter the reference.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "size": 12}
        ),
    )
    pin = forms.CharField(
        label=_("PIN"),
        max_length=12,
        help_text=_("The 6 digits given with the reference."),
        error_messages={"required": _("Enter the PIN.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "size": 8}),
    )

    def clean_reference(self) -> str:
        reference = normalise_reference(self.cleaned_data["reference"])
        body = reference.replace("-", "")
        if len(reference) != 9 or any(ch not in REFERENCE_ALPHABET for ch in body):
            raise ValidationError(_("A reference has 8 letters and digits, for example ABCD-2345."))
        return reference

    def clean_pin(self) -> str:
        pin = "".join(self.cleaned_data["pin"].split())
        if len(pin) != 6 or not pin.isdigit():
            raise ValidationError(_("The PIN has 6 digits."))
        return pin


@public_page(cache_seconds=None)
@never_cache
@sensitive_post_parameters("pin")
@require_http_methods(["GET", "HEAD", "POST"])
def status(request):
    form = StatusForm(request.POST or None)
    found, code = None, 200
    if request.method == "POST":
        code = 400
        if not allow(request, "lookup"):
            form.is_valid()  # keep what was typed; refuse before the reference is even looked at
            form.add_error(None, _("Too many lookups from this connection. Wait an hour, or call 916."))
            code = 429
        elif form.is_valid():
            try:
                # The audit trail notes lookups and lockouts, but not the visitor's address: it
                # would tie a person's connection to an application (portal/throttle.py).
                with without_address():
                    found = lookup_status(form.cleaned_data["reference"], form.cleaned_data["pin"])
            except ValidationError as exc:
                locked = exc.code == "locked"
                form.add_error(None, exc)
                beside = _("This reference is locked for now.") if locked else _("Check the reference.")
                form.add_error("reference", beside)
                if not locked:
                    form.add_error("pin", _("Check the PIN."))
                code = 429 if locked else 400
            else:
                code = 200
                form = StatusForm()  # the PIN is not drawn again under the answer
    return render_public(request, "portal/status/lookup.html", {"form": form, "found": found}, status=code)


urlpatterns = [
    path("status/", status, name="status"),
]

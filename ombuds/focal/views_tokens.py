"""The focal point's API tokens (under /authority/api-tokens/): for an authority that answers
from its own system through /api/v1/authority/. A new token is shown once, on the answer to the
form that made it; afterwards only its name and first characters are listed."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ombuds.accounts.models import ApiToken
from ombuds.core.actions import add_service_errors
from ombuds.core.once import OnceFormMixin, submit_once
from ombuds.focal.scoping import focal_point_required
from ombuds.focal.services import tokens


class TokenForm(OnceFormMixin, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=tokens.NAME_MAX,
        help_text=gettext_lazy("The system that will use it, e.g. “Ministry case system”."),
    )


def _page(request, form, token=None, *, status=200):
    return render(
        request,
        "focal/api_tokens.html",
        {"form": form, "tokens": tokens.live_tokens(request.user), "new_token": token},
        status=status,
    )


@focal_point_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """The live tokens and the form for a new one; the POST answers the new token, once."""
    if request.method != "POST":
        return _page(request, TokenForm())
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:
            record, token = tokens.create_token(request.user, form.cleaned_data["name"])
        except ValidationError as exc:
            add_service_errors(form, exc)
            return _page(request, form, status=400)
        once.created(reverse("focal:api_tokens"))
    return _page(request, TokenForm(), token={"record": record, "value": token})


@focal_point_required
@require_POST
def revoke(request, token_id: int):
    try:
        record = tokens.revoke_token(request.user, token_id)
    except ApiToken.DoesNotExist as exc:  # another's token, a revoked one and a missing one alike
        raise Http404 from exc
    messages.success(request, _("Token “%(name)s” revoked: it no longer opens the API.") % {"name": record.name})
    return redirect("focal:api_tokens")

"""The public checker "Can the Ombudsman help?" (issue 14): one form, no JavaScript needed.

The answers are POSTed (with CSRF, so the page is never shared by a cache), never stored and
never logged: the result is rendered from them and carries them in hidden fields, so "Change
your answers" brings the form back filled in.
"""

from __future__ import annotations

from django.urls import path
from django.views.decorators.http import require_http_methods

from ombuds.portal.checker.advice import APPLY, CALL_916, REFER, advise
from ombuds.portal.checker.forms import CheckerForm
from ombuds.portal.context import render_public
from ombuds.portal.public import public_page


@public_page(cache_seconds=None)
@require_http_methods(["GET", "HEAD", "POST"])
def checker(request):
    if request.method != "POST":
        return _form(request, CheckerForm())
    if "change" in request.POST:
        return _form(request, CheckerForm(initial=request.POST.dict()))
    form = CheckerForm(request.POST)
    if not form.is_valid():
        return _form(request, form)
    advice = advise(form.facts())
    return render_public(
        request,
        "portal/checker/result.html",
        {
            "form": form,
            "advice": advice,
            "answers": _answers(form),
            "outcome": {CALL_916: "call", APPLY: "apply", REFER: "refer"}[advice.outcome],
        },
    )


def _form(request, form: CheckerForm):
    errors = []
    if form.is_bound:
        for name, messages in form.errors.items():
            field = form[name]
            # A radio group is reached through its first option, the date through its input.
            anchor = f"{field.auto_id}_0" if name != "when" else field.auto_id
            errors.extend({"anchor": anchor, "message": message} for message in messages)
    return render_public(request, "portal/checker/form.html", {"form": form, "errors": errors})


def _answers(form: CheckerForm) -> list[dict]:
    """The visitor's answers as question and answer, to read back on the result page."""
    rows = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name == "evidence" and form.cleaned_data.get("anonymous") != "yes":
            continue
        if name == "when":
            shown = value
        else:
            shown = dict(field.choices).get(value, "")  # type: ignore[attr-defined]
        rows.append({"question": field.label, "answer": shown, "name": name, "raw": form.data.get(name, "")})
    return rows


urlpatterns = [
    path("help/", checker, name="checker"),
]

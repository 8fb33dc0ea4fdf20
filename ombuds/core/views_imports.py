"""Pages of the bulk import (ombuds/core/imports.py): start one, follow its progress, download the
rejected rows. Each kind's permission guards its pages; an import is seen by whoever may start
one of its kind (others get 404, as for a missing one)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from ombuds.core import imports
from ombuds.core.exports import csv_response


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))

    def options(self) -> dict:
        return {}


def _importer(user, kind: str) -> imports.Importer:
    importer = imports.REGISTRY.get(kind)
    if importer is None:
        raise Http404
    if not user.has_perm(importer.permission):
        raise PermissionDenied
    return importer


def import_new(request, kind):
    importer = _importer(request.user, kind)
    form_class = importer.form_class or ImportForm
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            imp = imports.start_import(request.user, kind, form.cleaned_data["file"], form.options())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(imp.get_absolute_url())
    return render(request, "core/import_new.html", {"form": form, "importer": importer})


def import_detail(request, public_id):
    imp = imports.get_import_for_user(request.user, public_id)
    context = {"imp": imp, "importer": imports.REGISTRY[imp.kind], "problems": imp.problems.all()[:50]}
    template = "core/_import_progress.html" if request.htmx else "core/import_detail.html"
    return render(request, template, context)


def import_problems(request, public_id):
    imp = imports.get_import_for_user(request.user, public_id)
    return csv_response(f"import-{imp.public_id}-rejected.csv", *imports.problem_rows(imp))

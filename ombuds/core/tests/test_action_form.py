"""One action-form partial for the record pages of every app (components/action_form.html)."""

from pathlib import Path
from types import SimpleNamespace

from django import forms
from django.template.loader import render_to_string
from django.test import RequestFactory

import ombuds

ROOT = Path(ombuds.__file__).parent


class _Upload(forms.Form):
    file = forms.FileField(label="Document")


class _Note(forms.Form):
    text = forms.CharField(label="Text")


def _render(form, **extra):
    record = SimpleNamespace(public_id="0f6a6d3e-4a1b-4b8e-9a55-0d0d0d0d0d0d")
    context = {"url_name": "complaints:action", "obj": record, "name": "note", "form": form, "label": "Go", **extra}
    return render_to_string("components/action_form.html", context, request=RequestFactory().get("/"))


def test_the_partial_posts_to_the_action_url_with_multipart_only_for_files_and_the_purpose_when_given():
    plain = _render(_Note())
    assert 'action="/complaints/0f6a6d3e-4a1b-4b8e-9a55-0d0d0d0d0d0d/note/"' in plain
    assert "multipart" not in plain
    assert 'name="purpose"' not in plain
    assert 'enctype="multipart/form-data"' in _render(_Upload())
    assert 'name="purpose" value="audit of the case"' in _render(_Note(), purpose="audit of the case")


def test_no_app_keeps_its_own_copy_of_the_action_form():
    copies = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("*/templates/*/_action.html"))
    includes = sorted(
        str(p.relative_to(ROOT)) for p in ROOT.glob("**/templates/**/*.html") if "/_action.html" in p.read_text()
    )
    assert copies == [] and includes == []

"""Forms of the staff pages that edit the portal's pages and its accessibility statement."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ombuds.core.versions import VersionedForm
from ombuds.portal.choices import Compliance
from ombuds.portal.models import AccessibilityStatement, Page
from ombuds.portal.services.pages import STATEMENT_FIELDS, TEXT_FIELDS


def _text(field_name: str) -> forms.CharField:
    field = Page._meta.get_field(field_name)
    if field_name.startswith("title_"):
        return forms.CharField(label=field.verbose_name, required=False, max_length=field.max_length)
    return forms.CharField(label=field.verbose_name, required=False, widget=forms.Textarea(attrs={"rows": 12}))


class NewOrVersionedForm(VersionedForm):
    """Edits a record that may not exist yet: a form drawn before it existed carries version 0, so
    that a record someone else made meanwhile is a conflict, not silently written over."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)


class PageForm(NewOrVersionedForm):
    """The titles and texts of a page in each language (any may be left empty: the public page
    then says it is missing in that language)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in TEXT_FIELDS:
            self.fields[name] = _text(name)
            if name.startswith("body_"):
                self.fields[name].help_text = _(
                    "Plain text. A blank line starts a new paragraph; lines starting with “- ” make a list; "
                    "a line starting with “## ” is a subheading."
                )
        self.order_fields([*TEXT_FIELDS, "version"])


class PublishForm(VersionedForm):
    """Publish the page as it was shown in the preview (a later edit is a conflict)."""


class StatementForm(NewOrVersionedForm):
    compliance = forms.ChoiceField(label=_("compliance status"), choices=Compliance.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in STATEMENT_FIELDS:
            if name == "compliance":
                continue
            field = AccessibilityStatement._meta.get_field(name)
            self.fields[name] = field.formfield(required=name == "standard")
            if isinstance(self.fields[name].widget, forms.Textarea):
                self.fields[name].widget.attrs["rows"] = 5
        self.order_fields([*STATEMENT_FIELDS, "version"])

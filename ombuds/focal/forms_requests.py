"""The portal's form for answering an information request."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ombuds.core.once import OnceFormMixin

FILE_HELP = _("PDF, JPEG, PNG, DOCX, XLSX, ODT or text; up to 20 MB each. You may choose several files.")

# The text fields a draft and an expired session keep (files are chosen again).
TEXT_FIELDS = ("text",)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field: each is checked as a single one; the cleaned value is a list."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        chosen = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not chosen:
            super().clean(None, initial)  # refuses an empty required field
            return []
        return [super(MultipleFileField, self).clean(item, initial) for item in chosen]


class InfoRequestAnswerForm(OnceFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
        help_text=_("Answer each question; quote the documents you attach."),
    )
    files = MultipleFileField(label=_("Documents"), required=False, help_text=FILE_HELP)

"""The portal's form for answering an information request."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ombuds.core.once import OnceFormMixin
from ombuds.core.uploads import FILES_HELP, MultipleFileField

# The text fields a draft and an expired session keep (files are chosen again).
TEXT_FIELDS = ("text",)


class InfoRequestAnswerForm(OnceFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
        help_text=_("Answer each question; quote the documents you attach."),
    )
    files = MultipleFileField(label=_("Documents"), required=False, help_text=FILES_HELP)

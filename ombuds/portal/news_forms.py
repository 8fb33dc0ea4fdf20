"""The staff forms of the portal's news (ombuds/portal/views/staff_news.py). The services decide
what is required for review and publication; the forms only shape the input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ombuds.core.models import Region
from ombuds.core.once import OnceFormMixin
from ombuds.core.versions import VersionedForm
from ombuds.outreach.models import Event
from ombuds.portal.models import NewsTag

DATE = forms.DateInput(attrs={"type": "date"})
LANGUAGE_LABELS = {"az": _("Azerbaijani"), "en": _("English"), "ru": _("Russian")}


class EventChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.starts_at:%Y-%m-%d} · {obj.title}"


class NewsFields(forms.Form):
    slug = forms.SlugField(
        label=_("Address"),
        max_length=120,
        help_text=_("The end of the item's web address: small Latin letters, digits and hyphens."),
    )
    title_az = forms.CharField(label=_("Title (Azerbaijani)"), max_length=300, required=False)
    summary_az = forms.CharField(label=_("Summary (Azerbaijani)"), max_length=500, required=False)
    body_az = forms.CharField(label=_("Text (Azerbaijani)"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    summary_en = forms.CharField(label=_("Summary (English)"), max_length=500, required=False)
    body_en = forms.CharField(label=_("Text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300, required=False)
    summary_ru = forms.CharField(label=_("Summary (Russian)"), max_length=500, required=False)
    body_ru = forms.CharField(label=_("Text (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    tags = forms.ModelMultipleChoiceField(
        label=_("Topics"), queryset=NewsTag.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.order_by("sort_order"), required=False)
    event = EventChoice(
        label=_("Event of the action plan"),
        queryset=Event.objects.order_by("-starts_at"),
        required=False,
        help_text=_("The awareness-raising event the item reports on, if any."),
    )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"title_{code}") for code in LANGUAGE_LABELS):
            self.add_error("title_az", _("Give a title in at least one language."))
        return cleaned


class NewsCreateForm(OnceFormMixin, NewsFields):
    pass


class NewsEditForm(VersionedForm, NewsFields):
    pass


class ImageForm(OnceFormMixin, forms.Form):
    file = forms.FileField(label=_("Image (JPEG or PNG)"))
    alt_az = forms.CharField(
        label=_("Text alternative (Azerbaijani)"),
        max_length=300,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Required in every language of the item."),
    )
    alt_en = forms.CharField(label=_("Text alternative (English)"), max_length=300, required=False)
    alt_ru = forms.CharField(label=_("Text alternative (Russian)"), max_length=300, required=False)


class EmptyForm(forms.Form):
    pass


class DraftForm(OnceFormMixin, forms.Form):
    """Make a news item from an outreach news draft (nothing to fill in: the one-time token only)."""


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What should change"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class PublishForm(forms.Form):
    published_on = forms.DateField(
        label=_("Date shown on the item"), required=False, widget=DATE, help_text=_("Today if left empty.")
    )

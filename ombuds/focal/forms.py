"""Forms of the focal-point accounts: the staff's create, re-invite, revoke and edit forms, and the
focal point's own password form on its invitation page."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ombuds.core.models import Authority
from ombuds.core.once import OnceFormMixin


def _places():
    from ombuds.monitoring.models import Place

    return Place.objects.filter(is_active=True, authority__isnull=False).select_related("authority")


class PlaceField(forms.ModelChoiceField):
    """A place with its supervising body, so that the right one is chosen without scripting."""

    def label_from_instance(self, obj) -> str:
        return f"{obj} — {obj.authority}"


def _place_field():
    return PlaceField(
        label=_("Only for this place"),
        required=False,
        queryset=_places(),
        help_text=_(
            "Leave empty for the whole body. A place-only focal point sees the recommendations about its place "
            "and no information requests. The place must be one its body supervises."
        ),
    )


def _language_field():
    return forms.ChoiceField(
        label=_("Language of the invitation e-mail"),
        choices=settings.LANGUAGES,
        initial=lambda: (translation.get_language() or settings.LANGUAGE_CODE)[:2],
    )


class FocalPointFilterForm(forms.Form):
    authority = forms.ModelChoiceField(
        label=_("Authority"),
        required=False,
        queryset=Authority.objects.filter(is_active=True),
        empty_label=_("Every authority"),
    )


class _PersonFields(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("The invitation and the reminders of due dates are sent here.")
    )
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)


class FocalPointCreateForm(OnceFormMixin, _PersonFields):
    authority = forms.ModelChoiceField(
        label=_("Authority it answers for"), queryset=Authority.objects.filter(is_active=True)
    )
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("The focal point signs in with it; it is written in the invitation."),
    )
    field_order = ["authority", "place", "first_name", "last_name", "username", "email", "position", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"] = _place_field()
        self.fields["language"] = _language_field()
        self.order_fields(self.field_order)


class FocalPointEditForm(_PersonFields):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"] = _place_field()
        self.order_fields(["place", "first_name", "last_name", "email", "position", "phone"])

    @classmethod
    def for_profile(cls, fp, data=None):
        user = fp.user
        initial = {
            "place": fp.place_id,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "position": fp.position,
            "phone": fp.phone,
        }
        return cls(data, initial=initial, prefix="edit")


class ReinviteForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the invitation e-mail"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "reinvite")
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (translation.get_language() or settings.LANGUAGE_CODE)[:2]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=300,
        help_text=_("For example: left the ministry, replaced by another official."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "revoke")
        super().__init__(*args, **kwargs)


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=lazy(password_validators_help_text_html, str)(),
    )
    password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("The two passwords differ: type the same password twice."))
        return data

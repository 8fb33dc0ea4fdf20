from allauth.account.adapter import DefaultAccountAdapter


class StaffAccountAdapter(DefaultAccountAdapter):
    """Staff accounts are created by an administrator, never by self-registration."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def get_login_redirect_url(self, request) -> str:
        """A focal point lands in the authority portal, never on the staff home page."""
        user = getattr(request, "user", None)
        if user is not None and getattr(user, "is_focal_point", False):
            from django.urls import reverse

            return reverse("focal:home")
        return super().get_login_redirect_url(request)

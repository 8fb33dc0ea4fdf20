from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FocalConfig(AppConfig):
    name = "ombuds.focal"
    label = "focal"
    verbose_name = _("Authority portal")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from ombuds.core.notifications import register_kind

        user_logged_in.connect(_portal_sign_in_done, dispatch_uid="focal_portal_sign_in_done")

        # Reminders to focal points (services/reminders.py): what is due and when, never whose case.
        register_kind("focal.inforequest.due_soon", _("An information request of the Commissioner is due on %(due)s."))
        register_kind(
            "focal.inforequest.overdue",
            _("An information request of the Commissioner was due on %(due)s and is not answered yet."),
        )
        register_kind(
            "focal.recommendation.response_due_soon",
            _("The response to a recommendation of the Commissioner is due on %(due)s."),
        )
        register_kind(
            "focal.recommendation.response_overdue",
            _("The response to a recommendation of the Commissioner was due on %(due)s and is not given yet."),
        )
        register_kind(
            "focal.recommendation.implementation_due_soon",
            _("A recommendation of the Commissioner is to be implemented by %(due)s."),
        )
        register_kind(
            "focal.recommendation.implementation_overdue",
            _("A recommendation of the Commissioner was to be implemented by %(due)s."),
        )
        # The one e-mail per focal point and run: how many, not which (the portal shows them).
        register_kind(
            "focal.reminders.digest",
            _("Items of your body that are due soon or overdue in the authority portal: %(count)s."),
        )


def _portal_sign_in_done(sender, request, user, **kwargs) -> None:
    """The sign-in begun on the portal's page is complete: its header flag has done its work."""
    from ombuds.focal.views import PORTAL_SIGN_IN

    if request is not None and hasattr(request, "session"):
        request.session.pop(PORTAL_SIGN_IN, None)

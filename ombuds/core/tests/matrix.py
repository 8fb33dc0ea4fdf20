from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row


def _notification_url(owner_is_requester: bool):
    """A notification of the requesting user (in scope) or of somebody else (out of scope)."""

    def build(user):
        from ombuds.accounts.testing import make_user
        from ombuds.core import notifications

        owner = user if (owner_is_requester and user is not None) else make_user()
        note = notifications.notify(owner, "core.deadline.overdue", {"rule": {"az": "x"}, "due": "x"}, email=False)
        return reverse("core:notification_read", args=[note.public_id])

    return build


LOGIN_REDIRECT = 302

ROWS = [
    # The load balancer's probe: public, for everyone, signed in or not.
    Row("health", {}, default=200, url=lambda _user: reverse("health")),
    Row("core:home", {ANONYMOUS: LOGIN_REDIRECT}, default=200, url=lambda _user: reverse("core:home")),
    Row(
        "core:audit_list",
        {ANONYMOUS: LOGIN_REDIRECT, "auditor": 200},
        default=403,
        url=lambda _user: reverse("core:audit_list"),
    ),
    Row("api-docs", {ANONYMOUS: 403}, default=200, url=lambda _user: reverse("api-docs")),
    Row("api-schema", {ANONYMOUS: 403}, default=200, url=lambda _user: reverse("api-schema")),
    Row(
        "core:notification_list",
        {ANONYMOUS: LOGIN_REDIRECT},
        default=200,
        url=lambda _user: reverse("core:notification_list"),
    ),
    Row(
        "core:notification_read",
        {ANONYMOUS: LOGIN_REDIRECT},
        default=302,
        method="post",
        url=_notification_url(owner_is_requester=True),
    ),
    Row(
        "core:notification_read",
        {ANONYMOUS: LOGIN_REDIRECT},
        default=404,
        method="post",
        scope="out",
        url=_notification_url(owner_is_requester=False),
    ),
    Row("set_language", {}, default=302, method="post", url=lambda _user: reverse("set_language")),
]

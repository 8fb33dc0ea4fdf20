import uuid

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
# Who may import places (monitoring.manage_visits).
PLACE_IMPORTERS = {"commissioner", "department_head", "regional_officer", "npm_member", "npm_medical"}
# Who may import a register of applications (complaints.import_register).
REGISTER_IMPORTERS = {"commissioner", "department_head"}


def _import_url(name: str, kind: str = "places"):
    """A page of an import of `kind` (created as the system); the matrix checks who may see it."""

    def build(_user):
        from ombuds.core.models import Import

        imp = Import.objects.create(
            kind=kind, file_name="x.csv", stored_name="imports/x.csv", sha256=uuid.uuid4().hex * 2, language="en"
        )
        return reverse(name, args=[imp.public_id])

    return build


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
    Row(
        "core:import_new",
        {ANONYMOUS: LOGIN_REDIRECT, **dict.fromkeys(PLACE_IMPORTERS, 200)},
        default=403,
        url=lambda _user: reverse("core:import_new", args=["places"]),
    ),
    Row(
        "core:import_detail",
        {ANONYMOUS: LOGIN_REDIRECT, **dict.fromkeys(PLACE_IMPORTERS, 200)},
        default=404,
        url=_import_url("core:import_detail"),
        note="an import is seen by those who may start one of its kind",
    ),
    Row(
        "core:import_problems",
        {ANONYMOUS: LOGIN_REDIRECT, **dict.fromkeys(PLACE_IMPORTERS, 200)},
        default=404,
        url=_import_url("core:import_problems"),
    ),
    Row(
        "core:import_new",
        {ANONYMOUS: LOGIN_REDIRECT, **dict.fromkeys(REGISTER_IMPORTERS, 200)},
        default=403,
        url=lambda _user: reverse("core:import_new", args=["register"]),
    ),
    Row(
        "core:import_detail",
        {ANONYMOUS: LOGIN_REDIRECT, **dict.fromkeys(REGISTER_IMPORTERS, 200)},
        default=404,
        scope="out",
        url=_import_url("core:import_detail", kind="register"),
        note="a register import is not seen by those who may import only places",
    ),
    Row("set_language", {}, default=302, method="post", url=lambda _user: reverse("set_language")),
]

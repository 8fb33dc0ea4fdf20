from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

ROWS = [
    Row("accounts:unit_list", {ANONYMOUS: 302}, default=200, url=lambda _user: reverse("accounts:unit_list")),
    # Staff sign-in, second factor and sessions (allauth). The login page is public; the rest
    # either needs a signed-in user or is a step of the login flow (tested in test_auth.py).
    Row("account_login", {ANONYMOUS: 200}, default=302, url=lambda _user: reverse("account_login")),
    Row("mfa_index", {ANONYMOUS: 302}, default=200, url=lambda _user: reverse("mfa_index")),
    Row("usersessions_list", {ANONYMOUS: 302}, default=200, url=lambda _user: reverse("usersessions_list")),
    Row("auth/*", {}, note="remaining allauth flow pages: covered by ombuds/accounts/tests/test_auth.py"),
    # The admin shows reference data only, to the system administrator.
    Row("admin/login/", {}, default=302, url=lambda _user: "/admin/login/"),
    Row("admin:index", {ANONYMOUS: 302, "sysadmin": 200}, default=302, url=lambda _user: reverse("admin:index")),
    Row(
        "admin:core_district_changelist",
        {ANONYMOUS: 302, "sysadmin": 200},
        default=302,
        url=lambda _user: reverse("admin:core_district_changelist"),
    ),
    Row("admin/*", {}, note="other admin pages follow the admin's own permission checks (reference data only)"),
]

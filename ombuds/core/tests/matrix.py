from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

LOGIN_REDIRECT = 302

ROWS = [
    Row("core:home", {ANONYMOUS: LOGIN_REDIRECT}, default=200, url=lambda: reverse("core:home")),
    Row(
        "core:audit_list",
        {ANONYMOUS: LOGIN_REDIRECT, "auditor": 200},
        default=403,
        url=lambda: reverse("core:audit_list"),
    ),
    Row("api-schema", {ANONYMOUS: 403}, default=200, url=lambda: reverse("api-schema")),
    Row("set_language", {}, default=302, method="post", url=lambda: reverse("set_language")),
]

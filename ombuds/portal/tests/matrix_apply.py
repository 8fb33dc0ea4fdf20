"""Permission-matrix rows of the portal's apply area (public pages answer every persona alike).

The receipt and its PDF answer 404 to anyone who has not just sent an application from that browser;
a resume link with an unknown token is a 404 too."""

from django.urls import reverse

from ombuds.core.testing import Row

ROWS = [
    Row("portal:apply", {}, default=200, url=lambda _user: reverse("portal:apply")),
    Row("portal:apply_draft", {}, default=404, url=lambda _user: reverse("portal:apply_draft", args=["unknown"])),
    Row("portal:receipt", {}, default=404, url=lambda _user: reverse("portal:receipt")),
    Row("portal:receipt_pdf", {}, default=404, url=lambda _user: reverse("portal:receipt_pdf")),
]

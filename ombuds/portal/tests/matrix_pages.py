"""Permission-matrix rows of the portal's pages area (public pages answer every persona alike)."""

from django.urls import reverse

from ombuds.core.testing import Row


def _page(slug: str) -> str:
    from ombuds.portal.tests.factories_pages import make_page

    make_page(slug)
    return reverse("portal:page", args=[slug])


def _statement() -> str:
    _page("accessibility")
    return reverse("portal:accessibility_statement")


ROWS = [
    Row("portal:page", {}, default=200, url=lambda _user: _page("how-to-apply")),
    Row("portal:accessibility_statement", {}, default=200, url=lambda _user: _statement()),
]

"""The public portal's error pages (400, 403, 404 and a refused form), in its layout and language.

Loaded by name from core's error views (settings.OMBUDS_PUBLIC_ERROR_PAGE) for addresses under a
language prefix, so a visitor who mistypes an address stays on the public site, with the 916 block
and a way back, instead of landing on the staff system's page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ombuds.portal.context import render_public


def error_page(request, status: int):
    texts = {
        400: (_("The request could not be read"), _("Something in the address or the form was not understood.")),
        403: (
            _("The form could not be accepted"),
            _("Your session may have expired. Go back, reload the page and send the form again: nothing is lost."),
        ),
        404: (_("Page not found"), _("The page does not exist or is no longer published. Check the address.")),
    }
    heading, text = texts.get(status, texts[404])
    return render_public(
        request, "portal/error.html", {"heading": heading, "text": text, "status": status}, status=status
    )

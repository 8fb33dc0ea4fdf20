"""Identities never go to an authority without recorded consent (domain.md §4).

What staff write to an authority about a case (the questions of an information request, the text
of a recommendation drawn from the case) is read for the names of the applicant and the victims
when the application's `disclosure_consent` does not cover disclosure to the authority. The same
name matching as the visit report's guard (core.names): folded, in either alphabet, with case
endings.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ombuds.complaints import choices as c
from ombuds.complaints.models import Application
from ombuds.core.names import identifying_parts, mentions, normalise_name_tokens


def undisclosable_name_parts(app: Application) -> set[str]:
    """Name parts (surname, given name) of the application's applicant and victims who are people,
    when their identity may not be disclosed to the authority."""
    if app.disclosure_consent != c.DisclosureConsent.NONE:
        return set()
    parties = [app.applicant, *app.victims.all()] if app.pk else [app.applicant]
    parts: set[str] = set()
    for party in parties:
        if party is None or party.kind == c.ApplicantKind.LEGAL_ENTITY:
            continue
        for name in (party.surname, party.given_name):
            parts.update(identifying_parts(name or ""))
    return parts


def check_no_undisclosed_names(app: Application, texts: list[tuple[str, str]]) -> None:
    """Raise ValidationError on the first field of `texts` ((field, text) pairs) that names the
    applicant or a victim of `app` without their consent to disclosure to the authority."""
    parts = undisclosable_name_parts(app)
    if not parts:
        return
    for field, text in texts:
        words = normalise_name_tokens(text or "")
        if any(mentions(part, words) for part in parts):
            raise ValidationError(
                {
                    field: _(
                        "The text names the applicant or a victim, who has not consented to the disclosure of "
                        "their identity to the authority. Refer to the application by its number instead."
                    )
                }
            )

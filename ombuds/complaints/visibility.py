"""Which fields of an application's parties a user may see: one rule for the case page, the
letters, the register export and the API, so that no document shows what the page hides.

The caller has already opened the application through its funnel (get_application_for_user);
this only narrows what of its parties is shown. Contact details a person asked to keep secret
(`Party.contacts_secret`) are for the case's assignee and those who see the secret tier (the NPM
lead, the Commissioner) — not for everyone who may open the file (domain.md §2). An authority's
focal point sees a party's name only with the applicant's consent to disclosure, never contacts
(domain.md §4).
"""

from __future__ import annotations

from ombuds.complaints.choices import DisclosureConsent
from ombuds.complaints.models import Application, Party
from ombuds.complaints.permissions import VIEW_SECRET

DISCLOSED_TO_AUTHORITY = frozenset({DisclosureConsent.TO_AUTHORITY, DisclosureConsent.PUBLIC})
IDENTITY = frozenset(
    {
        "kind",
        "surname",
        "given_name",
        "patronymic",
        "organisation",
        "birth_date",
        "sex",
        "citizenship",
        "is_minor",
        "vulnerability",
        "district",
    }
)
CONTACTS = frozenset({"address", "phone", "email"})
# What an authority's focal point may learn of a party, and only when the applicant agreed to
# disclosure to the authority (or to the public): who they are, never how to reach them.
NAMES = frozenset({"kind", "surname", "given_name", "patronymic", "organisation"})


def may_see_secret_contacts(user, app: Application) -> bool:
    return (app.assignee_id is not None and app.assignee_id == user.pk) or user.has_perm(VIEW_SECRET)


def party_fields(user, app: Application, party: Party | None) -> frozenset[str]:
    """The names of `party`'s fields that `user` may see on `app` (empty for no party)."""
    if party is None:
        return frozenset()
    if getattr(user, "is_focal_point", False):
        return NAMES if app.disclosure_consent in DISCLOSED_TO_AUTHORITY else frozenset()
    if party.contacts_secret and not may_see_secret_contacts(user, app):
        return IDENTITY
    return IDENTITY | CONTACTS


def contact_lines(user, app: Application, party: Party | None) -> list[str]:
    """The contact details of `party` that `user` may see, in the order of a postal address."""
    visible = party_fields(user, app, party)
    return [value for name in ("address", "phone", "email") if name in visible and (value := getattr(party, name))]

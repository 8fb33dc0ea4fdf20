"""Correcting what the register holds about a case: its summary, the district concerned, the
respondent authorities and the rights at issue (the case page's edit form and PATCH in the API).

Staff edit what they see: the page and the API pass the version they showed, and a newer one is a
`Conflict` (core.services.check_version), never a silent overwrite of a colleague's correction.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombuds.complaints import choices as c
from ombuds.complaints.models import Application
from ombuds.complaints.permissions import HANDLE
from ombuds.complaints.tokens import index_application
from ombuds.core import audit
from ombuds.core.services import lock_version, require, save

EDITABLE = ("summary", "district", "respondents", "rights")


def _codes(items) -> list[str]:
    return sorted(item.code for item in items)


@transaction.atomic
def update_application(actor, app: Application, *, version: int | None = None, **fields: Any) -> Application:
    """Change any of `EDITABLE`; the audit event names each changed field with the old and new
    value (the summary's text, which may name people, only as "changed")."""
    require(actor, HANDLE)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not an editable field of an application: {sorted(unknown)}")
    app = lock_version(app, version)
    if app.status == c.Status.CLOSED:
        raise ValidationError(_("A closed application cannot be changed; reopen it with the new facts."))
    changes: dict[str, Any] = {}
    if "summary" in fields:
        summary = fields["summary"].strip()
        if not summary:
            raise ValidationError({"summary": _("The summary cannot be empty.")})
        if summary != app.summary:
            app.summary = summary
            changes["summary"] = "changed"
    if "district" in fields and fields["district"] != app.district:
        changes["district"] = [app.district.code, fields["district"].code]
        # The regional scope follows the district (see Application.region).
        app.district, app.region_id = fields["district"], fields["district"].region_id
    for name in ("respondents", "rights"):
        if name in fields:
            old, new = _codes(getattr(app, name).all()), _codes(fields[name])
            if old != new:
                getattr(app, name).set(fields[name])
                changes[name] = [old, new]
    if not changes:
        return app
    # Saved even when only the lists changed: the save is what moves the version on.
    save(
        app,
        actor,
        *(["summary"] if "summary" in changes else []),
        *(["district", "region"] if "district" in changes else []),
    )
    # The blind index holds the secret tier's summary words and the pairs of the applicant's name
    # with each respondent that the repeat hint looks up: both follow the correction.
    if "respondents" in changes or ("summary" in changes and app.is_secret):
        index_application(app)
    audit.record("complaints.application.edited", actor=actor, obj=app, changes=changes)
    return app

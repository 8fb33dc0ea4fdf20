"""Published recommendations for the tracker's tests, made through the recommendations services."""

from __future__ import annotations

from datetime import date

from ombuds.core.models import Authority
from ombuds.recommendations import services
from ombuds.recommendations.testing import make_recommendation


def published(actor=None, *, issued_on: date | None = None, publish: bool = True, response: str = "", **overrides):
    """A recommendation after a visit (drafted by `actor`, who needs a unit for a report's), issued
    (on `issued_on`), answered with `response` if given (the authority accepts it), and published
    unless told otherwise. `addressee` may be a code."""
    if isinstance(overrides.get("addressee"), str):
        overrides["addressee"] = Authority.objects.get(code=overrides["addressee"])
    rec = make_recommendation(actor, **overrides)
    rec = services.issue_recommendation(None, rec, issued_on=issued_on or date(2025, 3, 3))
    if response:
        services.record_response(
            None, rec, stance="accepts", received_on=rec.issued_on, text=response, channel="letter"
        )
        rec.refresh_from_db()
    if publish:
        rec = services.publish_recommendation(None, rec)
    return rec

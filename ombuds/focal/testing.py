"""Factories for tests: focal-point accounts (through the service, as the system)."""

from __future__ import annotations

import itertools

from ombuds.accounts.testing import TEST_PASSWORD
from ombuds.core.models import Authority
from ombuds.focal.models import FocalPoint
from ombuds.focal.services.accounts import accept_invitation, create_focal_point

_counter = itertools.count(1)


def make_focal_point(
    *,
    authority: str | Authority = "mia",
    place=None,
    username: str | None = None,
    password: str = TEST_PASSWORD,
    accept: bool = True,
    **profile,
) -> FocalPoint:
    """An active focal point of `authority` (code or object) that has accepted its invitation
    (with `accept=False`: one still invited, without a password)."""
    body = authority if isinstance(authority, Authority) else Authority.objects.get(code=authority)
    if place is not None and place.authority_id is None:
        # A test's place made without a supervising body becomes one of this body's places (the
        # service accepts only those); a place of another body is left to be refused.
        type(place).objects.filter(pk=place.pk).update(authority=body)
        place.authority = body
    fp, token = create_focal_point(
        None, authority=body, place=place, username=username or f"focal{next(_counter)}", **profile
    )
    if not accept:
        return fp
    return accept_invitation(token, password)


def info_request_to(authority: str = "mia", *, basis: str = "general", questions: str = ""):
    """An information request sent (by the system) to `authority` in a case under consideration."""
    from ombuds.complaints import services as complaints
    from ombuds.recommendations.testing import case_under_consideration

    app = case_under_consideration()
    return complaints.send_info_request(
        None,
        app,
        addressee=Authority.objects.get(code=authority),
        basis=basis,
        questions=questions or "Was the applicant registered at the police station on 3 May, and by whom?",
    )


def recommendation_to(authority: str = "mia", *, place=None, issue: bool = True):
    """A recommendation after a visit (to `place`, or a new place) addressed to `authority`,
    issued by the system unless `issue` is False."""
    from ombuds.recommendations import services as recs
    from ombuds.recommendations.testing import make_recommendation, visit_with_finding

    visit, finding = visit_with_finding(None, place=place)
    rec = make_recommendation(None, visit=visit, findings=[finding], addressee=Authority.objects.get(code=authority))
    return recs.issue_recommendation(None, rec) if issue else rec

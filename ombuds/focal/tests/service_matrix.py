"""Service-matrix rows of the authority portal: staff manage focal points; only a focal point
acts in the portal, and only on its own body's items (the persona answers for the Ministry of
Internal Affairs)."""

from ombuds.core.testing import ServiceRow
from ombuds.focal.services import accounts, activity, drafts, reminders, requests, responses, tokens

MANAGERS = frozenset({"commissioner", "department_head"})
FOCAL = frozenset({"focal_point"})


def _create(actor):
    from ombuds.core.models import Authority

    return accounts.create_focal_point(actor, authority=Authority.objects.get(code="mia"), username="fp.new")


def _invited():
    from ombuds.focal.testing import make_focal_point

    return make_focal_point(authority="moj", username="fp.other", accept=False)


def _own_request():
    from ombuds.focal.testing import info_request_to

    return info_request_to("mia")


ROWS = [
    ServiceRow(accounts.create_focal_point, MANAGERS, _create),
    ServiceRow(accounts.invitation_digest, note="a pure function: the digest of a token"),
    ServiceRow(accounts.reinvite_focal_point, MANAGERS, lambda a: accounts.reinvite_focal_point(a, _invited())),
    ServiceRow(accounts.revoke_focal_point, MANAGERS, lambda a: accounts.revoke_focal_point(a, _invited(), "Left")),
    ServiceRow(
        accounts.update_focal_point,
        MANAGERS,
        lambda a: accounts.update_focal_point(a, _invited(), email="x@moj.example"),
    ),
    ServiceRow(
        accounts.accept_invitation,
        note="no actor: the invitation token is the credential (nobody is signed in yet); its refusals "
        "(unknown, used, replaced, expired, revoked link) are tested in focal/tests/test_accounts.py",
    ),
    ServiceRow(accounts.find_invitation, note="reads which account a live invitation token belongs to"),
    ServiceRow(activity.record_opening, FOCAL, lambda a: activity.record_opening(a, _own_request())),
    ServiceRow(drafts.save_draft, FOCAL, lambda a: drafts.save_draft(a, _own_request(), {"text": "Draft"})),
    ServiceRow(drafts.discard_draft, FOCAL, lambda a: drafts.discard_draft(a, _own_request())),
    ServiceRow(
        requests.answer_info_request,
        FOCAL,
        lambda a: requests.answer_info_request(a, _own_request(), text="The applicant was registered."),
    ),
    ServiceRow(drafts.read_draft, note="reads the focal point's own draft; changes nothing"),
    ServiceRow(drafts.draft_key, note="a pure function: the key of an item"),
    ServiceRow(reminders.send_focal_reminders, call=None, note="periodic job run as the system"),
    ServiceRow(reminders.portal_link, note="a pure function: the portal page of an item"),
]


def _revoke(actor):
    from ombuds.accounts.models import ApiToken
    from ombuds.accounts.tokens import create_api_token

    create_api_token(None, actor, "their system")  # the actor's own token: only the gate decides
    return tokens.revoke_token(actor, ApiToken.objects.filter(user=actor).latest("pk").pk)


ROWS += [
    ServiceRow(tokens.create_token, FOCAL, lambda a: tokens.create_token(a, "Their system")),
    ServiceRow(tokens.revoke_token, FOCAL, _revoke),
    ServiceRow(tokens.live_tokens, note="reads the user's own live tokens; changes nothing"),
]


def _own_recommendation():
    from ombuds.focal.testing import recommendation_to

    return recommendation_to("mia")


ROWS += [
    ServiceRow(
        responses.answer_recommendation,
        FOCAL,
        lambda a: responses.answer_recommendation(a, _own_recommendation(), stance="accepts", text="Accepted."),
    ),
]

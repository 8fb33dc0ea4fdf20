"""A focal point's own API tokens, for an authority that answers from its own system through
`/api/v1/authority/` (the token opens nothing else: `accounts.tokens.ApiTokenAuthentication`).

The focal point creates and revokes only its own tokens, of scope "api"; the token itself is
shown once. Revoking the focal point (staff) revokes its tokens with it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombuds.accounts.models import ApiToken
from ombuds.accounts.tokens import create_api_token, revoke_api_token
from ombuds.focal.scoping import focal_point_of

NAME_MAX: int = ApiToken._meta.get_field("name").max_length or 100
# A forgotten integration should not leave keys lying around without end: a cap, not a quota.
MAX_LIVE_TOKENS = 5


def live_tokens(user):
    """The user's tokens for the API that are not revoked, newest first (read by the page)."""
    return ApiToken.objects.filter(user=user, scope="api", revoked_at__isnull=True).order_by("-created_at", "-pk")


@transaction.atomic
def create_token(actor, name: str) -> tuple[ApiToken, str]:
    """A new token for the focal point's own system: (record, token). The token is returned once
    and never stored (only its digest is)."""
    if focal_point_of(actor) is None:
        raise PermissionDenied
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Name the token after the system that will use it.")})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": _("At most %(max)d characters.") % {"max": NAME_MAX}})
    if live_tokens(actor).count() >= MAX_LIVE_TOKENS:
        raise ValidationError(
            {
                "name": _("You have %(max)d tokens already: revoke one you no longer use first.")
                % {"max": MAX_LIVE_TOKENS}
            }
        )
    token = create_api_token(actor, actor, name, scope="api")  # audited there
    return live_tokens(actor).filter(prefix=token[:8]).latest("pk"), token


@transaction.atomic
def revoke_token(actor, token_id: int) -> ApiToken:
    """Revoke one of the focal point's own live tokens; another's, or one already revoked, is
    404 to the caller (`ApiToken.DoesNotExist`), like a missing one."""
    if focal_point_of(actor) is None:
        raise PermissionDenied
    record = live_tokens(actor).get(pk=token_id)
    revoke_api_token(actor, record)
    return record

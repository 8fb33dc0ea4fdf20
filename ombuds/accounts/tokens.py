"""API tokens: created once, stored as a digest, checked by DRF on every request."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from rest_framework import authentication, exceptions

from ombuds.accounts.models import ApiToken
from ombuds.core import audit


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_api_token(actor, user, name: str, *, scope: str = "api") -> str:
    """Return the new token; it cannot be shown again."""
    token = secrets.token_urlsafe(32)
    record = ApiToken.objects.create(user=user, name=name, scope=scope, prefix=token[:8], digest=_digest(token))
    audit.record("accounts.apitoken.created", actor=actor, obj=user, changes={"token": record.prefix, "name": name})
    return token


@transaction.atomic
def revoke_api_token(actor, record: ApiToken) -> None:
    record.revoked_at = timezone.now()
    record.save(update_fields=["revoked_at"])
    audit.record("accounts.apitoken.revoked", actor=actor, obj=record.user, changes={"token": record.prefix})


class ApiTokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token <token>`; revoked tokens and disabled users are refused."""

    keyword = "Token"

    def authenticate_credentials(self, key):
        record = user_for_token(key, scope="api")
        if record is None:
            raise exceptions.AuthenticationFailed("Invalid token.")
        return record.user, record

    def authenticate(self, request):
        found = super().authenticate(request)
        # A focal point's token opens only the authority API (its own items): everywhere else
        # the API answers as it does for a missing resource (FocalPointConfinementMiddleware).
        if found is not None and found[0].is_focal_point:
            from ombuds.accounts.middleware import focal_point_may_reach

            if not focal_point_may_reach(request._request.path_info):
                raise exceptions.NotFound()
        return found


def user_for_token(key: str, *, scope: str) -> ApiToken | None:
    """The live token record of this scope for an active user, or None."""
    record = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(key), scope=scope, revoked_at__isnull=True)
        .first()
    )
    if record is None or not record.user.is_active:
        return None
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
    return record

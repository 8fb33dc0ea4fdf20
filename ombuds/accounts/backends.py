"""Authentication backends: allauth checks passwords; permissions come from roles only."""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import BaseBackend
from django.db.models import Exists, OuterRef


class StaffAuthenticationBackend(AuthenticationBackend):
    """allauth's password check, loading the user with their unit (every request needs the unit
    for scoping) and whether they have a second factor in the same query. Permissions are left
    to RoleBackend."""

    def get_user(self, user_id):
        from allauth.mfa.models import Authenticator

        from ombuds.accounts.models import User

        # Whether a second factor is enrolled, asked in the same query (RequireMFAMiddleware).
        totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        user = User.objects.select_related("org_unit").annotate(has_totp=Exists(totp)).filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False


class RoleBackend(BaseBackend):
    """Answers `user.has_perm()` from the permissions of the user's roles, read with the roles'
    codes and scopes in one query (`User.role_facts`).

    The result is cached on the user object, which lives for one request: a revoked role stops
    working on the next request (ASVS 8.3.2).
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return user_obj.role_facts()[2]

    def has_perm(self, user_obj, perm, obj=None):
        return perm in self.get_all_permissions(user_obj, obj)

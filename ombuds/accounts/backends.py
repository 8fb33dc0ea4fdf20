"""Authentication backends: allauth checks passwords; permissions come from roles only."""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import Permission


class StaffAuthenticationBackend(AuthenticationBackend):
    """allauth's password check, loading the user with their unit in the same query (every
    request needs the unit for scoping). Permissions are left to RoleBackend."""

    def get_user(self, user_id):
        from ombuds.accounts.models import User

        user = User.objects.select_related("org_unit").filter(pk=user_id).first()
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
    """Answers `user.has_perm()` from the permissions of the user's roles, in one query.

    The result is cached on the user object, which lives for one request: a revoked role stops
    working on the next request (ASVS 8.3.2).
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_ombuds_role_perm_cache"):
            perms = Permission.objects.filter(ombuds_roles__users=user_obj).values_list(
                "content_type__app_label", "codename"
            )
            user_obj._ombuds_role_perm_cache = {f"{app}.{name}" for app, name in perms}
        return user_obj._ombuds_role_perm_cache

    def has_perm(self, user_obj, perm, obj=None):
        return perm in self.get_all_permissions(user_obj, obj)

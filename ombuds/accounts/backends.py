"""Permissions granted through roles (authentication itself is allauth's job)."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class RoleBackend(ModelBackend):
    """Answers `user.has_perm()` from the permissions of the user's roles.

    Django caches the result on the user object, which lives for one request: a revoked role
    stops working on the next request (ASVS 8.3.2).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        return None

    def _get_role_permissions(self, user_obj):
        return Permission.objects.filter(ombuds_roles__users=user_obj)

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_ombuds_role_perm_cache"):
            perms = self._get_role_permissions(user_obj).values_list("content_type__app_label", "codename")
            user_obj._ombuds_role_perm_cache = {f"{app}.{name}" for app, name in perms}
        return user_obj._ombuds_role_perm_cache

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return {*self.get_user_permissions(user_obj), *self.get_group_permissions(user_obj)}

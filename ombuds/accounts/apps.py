from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ombuds.accounts"
    label = "accounts"
    verbose_name = _("Organisation and people")

    def ready(self) -> None:
        from ombuds.accounts import signals  # noqa: F401 - connects the audit receivers
        from ombuds.accounts.roles import sync_builtin_roles

        # Permissions only exist after migrate has run for every app, so built-in roles are
        # given their default permissions then (never taking away what an administrator added).
        post_migrate.connect(sync_builtin_roles, dispatch_uid="ombuds.accounts.sync_roles")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ombuds.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
        from django.forms.models import ModelChoiceField

        from ombuds.core import checks  # noqa: F401 - registers the data-class checks
        from ombuds.core.cleaning import install_date_bounds
        from ombuds.core.collation import CollatedModelChoiceIterator
        from ombuds.core.refcache import on_change, on_migrate

        install_date_bounds()

        from ombuds.core.admin import audit_admin_site

        audit_admin_site()  # the admin app's ready() has registered every model admin by now
        # Every choice list of records (districts, authorities, units, places, people) in the alphabet of
        # the user's language, in every form and the admin, without each form having to ask for it.
        ModelChoiceField.iterator = CollatedModelChoiceIterator  # type: ignore[misc]
        # Lists built from reference data are rebuilt when any of it changes (core/refcache.py).
        for name, signal in {"save": post_save, "delete": post_delete, "m2m": m2m_changed}.items():
            signal.connect(on_change, dispatch_uid=f"ombuds.refcache.{name}")
        post_migrate.connect(on_migrate, dispatch_uid="ombuds.refcache.migrate")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ombuds.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.forms.models import ModelChoiceField

        from ombuds.core import checks  # noqa: F401 - registers the data-class checks
        from ombuds.core.cleaning import install_date_bounds
        from ombuds.core.collation import CollatedModelChoiceIterator

        install_date_bounds()

        from ombuds.core.admin import audit_admin_site

        audit_admin_site()  # the admin app's ready() has registered every model admin by now
        # Every choice list of records (districts, authorities, units, places, people) in the alphabet of
        # the user's language, in every form and the admin, without each form having to ask for it.
        ModelChoiceField.iterator = CollatedModelChoiceIterator  # type: ignore[misc]

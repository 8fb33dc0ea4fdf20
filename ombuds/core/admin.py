"""Admin for reference data; every admin write is audited (AuditedAdminMixin, applied to every
registered model admin by audit_admin_site)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ombuds.core import audit
from ombuds.core.models import CalendarDay, DeadlineRule, District, Region

admin.site.site_header = _("Ombuds administration: reference data")
admin.site.site_title = _("Ombuds administration")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_az", "name_en", "centre_az", "is_partner")


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("code", "name_az", "name_en", "kind", "economic_region", "region")
    list_filter = ("region", "kind", "economic_region")
    search_fields = ("code", "name_az", "name_en", "name_ru")


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "kind", "name_az", "name_en")
    list_filter = ("kind",)
    date_hierarchy = "date"
    search_fields = ("name_az", "name_en")


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "term", "unit", "extension_term", "certainty", "is_active")
    list_filter = ("unit", "certainty", "is_active")


def _plain(value):
    """A form value as the audit trail stores it (JSON): records by their label, lists sorted."""
    if isinstance(value, QuerySet | list | tuple | set):
        return sorted(_plain(v) for v in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


class AuditedAdminMixin:
    """Every write through the admin leaves an audit event, as a service would: who, which record,
    which fields with their new values. The admin's views already run in a transaction, so the
    event commits or rolls back with the write."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        changes = {name: _plain(form.cleaned_data.get(name)) for name in form.changed_data}
        for formset in formsets:
            if formset.has_changed():
                changes[formset.prefix] = "changed"
        verb = "changed" if change else "created"
        audit.record(f"{obj._meta.label_lower}.{verb}", actor=request.user, obj=obj, changes=changes)

    def delete_model(self, request, obj):
        audit.record(f"{obj._meta.label_lower}.deleted", actor=request.user, obj=obj, changes={"record": str(obj)})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(f"{obj._meta.label_lower}.deleted", actor=request.user, obj=obj, changes={"record": str(obj)})
        super().delete_queryset(request, queryset)


def audit_admin_site(site: admin.AdminSite = admin.site) -> None:
    """Make every registered model admin audited, ours and those of installed packages alike.

    Called once the admin has discovered every admin module (core's ready() runs after the admin
    app's), so no registration escapes; a test walks the registry to keep it so."""
    for model, model_admin in list(site._registry.items()):
        cls = type(model_admin)
        if not issubclass(cls, AuditedAdminMixin):
            site.unregister(model)
            site.register(model, type(cls.__name__, (AuditedAdminMixin, cls), {"__module__": cls.__module__}))

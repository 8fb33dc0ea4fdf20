"""Admin for reference data only: units and roles. Staff accounts are managed through services."""

from django.contrib import admin

from ombuds.accounts.models import OrgUnit, Role


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name_az", "name_en", "kind", "region", "is_active")
    list_filter = ("kind", "region", "is_active")
    search_fields = ("code", "name_az", "name_en", "name_ru")


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ("code", "name_az", "name_en", "scope")
    filter_horizontal = ("permissions",)
    search_fields = ("code", "name_az", "name_en")

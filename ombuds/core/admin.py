from django.contrib import admin
from django.utils.translation import gettext_lazy as _

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

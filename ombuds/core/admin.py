from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ombuds.core.models import District, Region

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

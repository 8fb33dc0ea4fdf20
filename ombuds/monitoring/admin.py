"""Reference data of the monitoring app: how often each type of place must be visited."""

from django.contrib import admin

from ombuds.monitoring.models import CoverageRule


@admin.register(CoverageRule)
class CoverageRuleAdmin(admin.ModelAdmin):
    list_display = ("place_type", "months")

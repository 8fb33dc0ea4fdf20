"""Reference data of the complaints app: the rights and issues code list."""

from django.contrib import admin

from ombuds.complaints.models import RightTopic


@admin.register(RightTopic)
class RightTopicAdmin(admin.ModelAdmin):
    list_display = ("code", "name_az", "name_en", "sort_order", "is_active")

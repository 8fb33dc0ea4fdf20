"""Reference lists of the outreach app (topics and audiences) in the admin."""

from django.contrib import admin

from ombuds.outreach.models import Audience, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("code", "name_az", "name_en", "sort_order")


@admin.register(Audience)
class AudienceAdmin(admin.ModelAdmin):
    list_display = ("code", "name_az", "name_en")

from django.urls import path

from ombuds.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("core/audit/", views.audit_list, name="audit_list"),
    path("core/lookup/<slug:name>/", views.lookup, name="lookup"),
    path("core/notifications/", views.notification_list, name="notification_list"),
    path("core/notifications/<uuid:public_id>/read/", views.notification_read, name="notification_read"),
]

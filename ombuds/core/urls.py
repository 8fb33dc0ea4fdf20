from django.urls import path

from ombuds.core import views, views_imports

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("core/audit/", views.audit_list, name="audit_list"),
    path("core/lookup/<slug:name>/", views.lookup, name="lookup"),
    path("core/imports/new/<slug:kind>/", views_imports.import_new, name="import_new"),
    path("core/imports/<uuid:public_id>/", views_imports.import_detail, name="import_detail"),
    path("core/imports/<uuid:public_id>/rejected.csv", views_imports.import_problems, name="import_problems"),
    path("core/notifications/", views.notification_list, name="notification_list"),
    path("core/notifications/<uuid:public_id>/read/", views.notification_read, name="notification_read"),
]

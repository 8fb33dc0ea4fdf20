"""The staff side of the authority portal (under /focal-points/): accounts, timeliness, activity."""

from django.urls import path

from ombuds.focal import views_staff, views_timeliness

app_name = "focal_points"
urlpatterns = [
    path("", views_staff.focal_point_list, name="list"),
    path("timeliness/", views_timeliness.timeliness, name="timeliness"),
    path("timeliness/export.<slug:fmt>", views_timeliness.timeliness_export, name="timeliness_export"),
    path("timeliness/<slug:code>/", views_timeliness.authority_activity, name="timeliness_authority"),
    path("new/", views_staff.focal_point_create, name="create"),
    path("<uuid:public_id>/", views_staff.focal_point_detail, name="detail"),
    path("<uuid:public_id>/<slug:action>/", views_staff.focal_point_action, name="action"),
]

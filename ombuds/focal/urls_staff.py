"""The staff side of the authority portal (under /focal-points/): accounts, timeliness, activity."""

from django.urls import path

from ombuds.focal import views_staff

app_name = "focal_points"
urlpatterns = [
    path("", views_staff.focal_point_list, name="list"),
]

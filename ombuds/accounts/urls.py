from django.urls import path

from ombuds.accounts import views

app_name = "accounts"
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
]

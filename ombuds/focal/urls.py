"""The authority portal, for focal points (under /authority/; the only pages they reach)."""

from django.urls import path

from ombuds.focal import views

app_name = "focal"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.FocalLoginView.as_view(), name="login"),
]

from django.urls import path

from ombuds.reports import views

app_name = "reports"
urlpatterns = [
    path("statistics/", views.statistics, name="statistics"),
]

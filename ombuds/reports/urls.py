from django.urls import path

from ombuds.reports import views, views_dashboard, views_datasets, views_documents, views_entered, views_reports

app_name = "reports"
# Each area keeps its own routes beside its views.
urlpatterns = [
    path("statistics/", views.statistics, name="statistics"),
    *views_datasets.urlpatterns,
    *views_entered.urlpatterns,
    *views_reports.urlpatterns,
    *views_documents.urlpatterns,
    *views_dashboard.urlpatterns,
]

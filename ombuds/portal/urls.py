"""The public portal, mounted under the language prefix (/az/, /en/, /ru/) by config/urls.py."""

from ombuds.portal.views import (
    apply,
    checker,
    home,
    news,
    pages,
    publications,
    statistics,
    status,
    tracker,
)

app_name = "portal"
urlpatterns = [
    *home.urlpatterns,
    *news.urlpatterns,
    *pages.urlpatterns,
    *checker.urlpatterns,
    *apply.urlpatterns,
    *status.urlpatterns,
    *statistics.urlpatterns,
    *tracker.urlpatterns,
    *publications.urlpatterns,
]

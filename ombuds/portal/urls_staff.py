"""The staff pages that edit the portal's content, under /portal/ (signed in, portal permissions)."""

from ombuds.portal.views import staff_news, staff_pages

app_name = "portal_staff"
urlpatterns = [*staff_news.urlpatterns, *staff_pages.urlpatterns]

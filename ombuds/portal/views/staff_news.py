"""Placeholder: the staff pages of the portal's news (issue 14) are being built; the route is fixed
here so that links resolve meanwhile."""

from django.http import Http404
from django.urls import path


def placeholder(request, *args, **kwargs):
    raise Http404


urlpatterns = [path("news/", placeholder, name="news_list")]

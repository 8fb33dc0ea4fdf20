"""Placeholder: the statistics area of the portal (issue 14) is being built; its routes are fixed here so
that links across the portal resolve meanwhile."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import path


@login_not_required
def placeholder(request, *args, **kwargs):
    raise Http404


urlpatterns = [
    path("statistics/", placeholder, name="statistics"),
]

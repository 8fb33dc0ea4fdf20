"""The portal's home page and the bare-root redirect to it."""

from __future__ import annotations

from django.urls import path

from ombuds.portal.choices import NewsStatus
from ombuds.portal.context import render_public
from ombuds.portal.models import NewsItem
from ombuds.portal.public import NEWS_SECONDS, public_page


@public_page(cache_seconds=NEWS_SECONDS)
def home(request):
    latest = list(NewsItem.objects.filter(status=NewsStatus.PUBLISHED).order_by("-published_on", "-pk")[:3])
    return render_public(request, "portal/home.html", {"latest": latest})


urlpatterns = [path("", home, name="home")]

"""The public news: the list (filtered by tag and region, keyset pages), an item in the page's
language (or a plain notice and the languages it exists in), its images, RSS/Atom feeds per
language and per tag, and the read beacon (ombuds/portal/reads.py).

Only published items reach these views; anything else answers 404 exactly like a missing one.
"""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.core.files.storage import default_storage
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse, translate_url
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ombuds.core.keyset import InvalidCursor, keyset_of
from ombuds.core.models import Region
from ombuds.core.uploads import storage_name
from ombuds.portal import reads
from ombuds.portal.choices import NewsStatus
from ombuds.portal.context import render_public
from ombuds.portal.models import NewsImage, NewsItem, NewsTag
from ombuds.portal.public import NATIVE_NAMES, NEWS_SECONDS, public_page
from ombuds.portal.services.news import IMAGE_TYPES

PAGE_SIZE = 10
FEED_SIZE = 30
ORDER = ("-published_on", "-pk")
# A transparent 1×1 GIF: the <noscript> image that counts a read without JavaScript.
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
LANGUAGE_NAMES = dict(NATIVE_NAMES)


def published():
    return NewsItem.objects.filter(status=NewsStatus.PUBLISHED)


def written_in(language: str) -> Q:
    """Items with a title and a text in `language` (what `NewsItem.languages()` checks)."""
    return ~Q(**{f"title_{language}": ""}) & ~Q(**{f"body_{language}": ""})


def shown_language(item: NewsItem, language: str) -> str:
    """The page's language if the item is written in it, else the first language it has."""
    available = item.languages()
    return language if language in available or not available else available[0]


def read_count(total: int, language: str) -> str:
    """ "Read 1,576 times" in the page's language. Azerbaijani writes a four-digit count unbroken,
    as the institution's site always has ("1576 dəfə oxunub")."""
    number = str(total) if language == "az" and total < 10_000 else number_format(total, force_grouping=True)
    return ngettext("Read %(count)s time", "Read %(count)s times", total) % {"count": number}


@public_page(cache_seconds=NEWS_SECONDS)
def news_list(request):
    language = get_language()
    tags = list(NewsTag.objects.all())
    regions = list(Region.objects.order_by("sort_order", "code"))
    tag = next((t for t in tags if t.code == request.GET.get("tag")), None)
    region = next((r for r in regions if r.code == request.GET.get("region")), None)
    items = published().select_related("region").prefetch_related(Prefetch("tags", queryset=NewsTag.objects.all()))
    if tag:
        items = items.filter(tags=tag)
    if region:
        items = items.filter(region=region)
    try:
        page = keyset_of(NewsItem, ORDER).page(items, request.GET.get("cursor"), size=PAGE_SIZE)
    except InvalidCursor as exc:
        raise Http404 from exc
    entries = []
    for item in page.rows:
        shown = shown_language(item, language)
        entries.append(
            {
                "item": item,
                "language": shown,
                "other_language": LANGUAGE_NAMES[shown] if shown != language else "",
                "title": item.title(shown),
                "summary": item.summary(shown),
            }
        )
    filters = {k: v for k, v in (("tag", tag and tag.code), ("region", region and region.code)) if v}
    context = {
        "entries": entries,
        "page": page,
        "tags": tags,
        "regions": regions,
        "tag": tag,
        "region": region,
        "filters": filters,
        "feed_kinds": ("rss", "atom"),
    }
    return render_public(request, "portal/news/list.html", context)


def _article(slug: str) -> NewsItem:
    return get_object_or_404(
        published().select_related("region", "event__plan_item__plan").prefetch_related("tags"), slug=slug
    )


@public_page(cache_seconds=NEWS_SECONDS)
def news_detail(request, slug):
    item = _article(slug)
    language = get_language()
    shown = shown_language(item, language)
    here = request.build_absolute_uri(request.path)
    available = [
        {"code": code, "name": LANGUAGE_NAMES[code], "url": translate_url(here, code)} for code in item.languages()
    ]
    plan = item.event.plan_item.plan if item.event_id else None
    images = [
        {"url": reverse("portal:news_image", args=[item.slug, image.public_id]), "alt": image.alt(shown)}
        for image in item.images.select_related("attachment").filter(attachment__mime_type__in=IMAGE_TYPES)
    ]
    context = {
        "item": item,
        "shown": shown,
        "missing": shown != language,
        "available": available,
        "title": item.title(shown),
        "paragraphs": [p for p in item.body(shown).replace("\r\n", "\n").split("\n\n") if p.strip()],
        "images": images,
        # Only an approved plan is a public document; a draft plan's title stays inside.
        "plan": plan if plan is not None and plan.approved_on else None,
        "read_count": read_count(item.read_total, language),
    }
    return render_public(request, "portal/news/detail.html", context)


@public_page(cache_seconds=NEWS_SECONDS)
def news_image(request, slug, image_id):
    """An image of a published item, shown inline (JPEG and PNG only: checked at upload and here)."""
    image = get_object_or_404(
        NewsImage.objects.select_related("attachment"),
        public_id=image_id,
        news__slug=slug,
        news__status=NewsStatus.PUBLISHED,
        attachment__mime_type__in=IMAGE_TYPES,
    )
    attachment = image.attachment
    response = FileResponse(default_storage.open(storage_name(attachment.stored_name), "rb"))
    response["Content-Type"] = attachment.mime_type
    response["Content-Length"] = str(attachment.size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@csrf_exempt  # a beacon carries no token; it changes nothing but a counter, and only once a day
@require_http_methods(["GET", "POST"])
@public_page(cache_seconds=None)
def news_read(request, slug):
    """The read beacon: POST from news_read.js, GET from the <noscript> image. Never cached,
    never sets a cookie; the answer is the same whether the read counted or not."""
    item_id = published().filter(slug=slug).values_list("pk", flat=True).first()
    if item_id is None:
        raise Http404
    reads.register_read(request, item_id)
    response = HttpResponse(PIXEL, content_type="image/gif") if request.method == "GET" else HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


class NewsFeed(Feed):
    """The newest published items that exist in the feed's language (the URL's prefix),
    optionally of one tag."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, tag=None):
        return get_object_or_404(NewsTag, code=tag) if tag else None

    def title(self, obj):
        if obj is None:
            return _("Ombudsman of the Republic of Azerbaijan: news")
        return _("Ombudsman of the Republic of Azerbaijan: news on “%(tag)s”") % {"tag": obj.name}

    def link(self, obj):
        url = reverse("portal:news_list")
        return f"{url}?tag={obj.code}" if obj is not None else url

    def description(self, obj):
        return _("News of the Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan.")

    def items(self, obj):
        items = published().filter(written_in(get_language())).prefetch_related("tags")
        if obj is not None:
            items = items.filter(tags=obj)
        return items.order_by(*ORDER)[:FEED_SIZE]

    def item_title(self, item):
        return item.title(get_language())

    def item_description(self, item):
        language = get_language()
        return (
            item.summary(language) if getattr(item, f"summary_{language}") else Truncator(item.body(language)).words(60)
        )

    def item_link(self, item):
        return reverse("portal:news_detail", args=[item.slug])

    def item_pubdate(self, item):
        return datetime.combine(item.published_on, time.min, tzinfo=timezone.get_current_timezone())

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


FEEDS = {"rss": NewsFeed(), "atom": AtomNewsFeed()}


@public_page(cache_seconds=NEWS_SECONDS)
def news_feed(request, kind, tag=None):
    if kind not in FEEDS:
        raise Http404
    return FEEDS[kind](request, tag=tag)


urlpatterns = [
    path("news/", news_list, name="news_list"),
    path("news/feed.<slug:kind>", news_feed, name="news_feed"),
    path("news/tags/<slug:tag>/feed.<slug:kind>", news_feed, name="news_tag_feed"),
    path("news/<slug:slug>/", news_detail, name="news_detail"),
    path("news/<slug:slug>/images/<uuid:image_id>", news_image, name="news_image"),
    path("news/<slug:slug>/read", news_read, name="news_read"),
]

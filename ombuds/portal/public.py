"""What every public page shares: no sign-in, cache headers, the language alternates.

`@public_page` marks a view anyone may read. Its GET answers carry an ETag (a repeat visit or a
cache revalidation costs a 304) and `public_max_age`, which core.middleware.PublicCacheMiddleware
turns into `Cache-Control: public` when the answer sets no cookie. Pages with a form (the
checker, the application, the status lookup) use `cache_seconds=None`: they carry a CSRF token
and must not be shared.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.urls import translate_url
from django.utils.cache import get_conditional_response, set_response_etag

# Each language named in itself, as a switcher should (a reader of Russian looks for "Русский").
NATIVE_NAMES = [("az", "Azərbaycanca"), ("en", "English"), ("ru", "Русский")]
NEWS_SECONDS = 300  # a news page or list may be five minutes old behind a cache
PAGE_SECONDS = 600  # the staff-edited pages, statistics, the tracker, publications


def public_page(view=None, *, cache_seconds: int | None = PAGE_SECONDS):
    def decorate(func):
        @login_not_required
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            response = func(request, *args, **kwargs)
            if cache_seconds is None or request.method not in ("GET", "HEAD"):
                return response
            if not response.streaming and response.status_code == 200:
                if not response.has_header("ETag"):
                    set_response_etag(response)
                response = get_conditional_response(request, etag=response["ETag"], response=response)
            response.public_max_age = cache_seconds
            return response

        wrapper.public_page = True  # read by the tests' crawl
        return wrapper

    return decorate(view) if view is not None else decorate


def alternates(request) -> list[dict[str, str]]:
    """The same page in each language: for hreflang links and the language switcher."""
    url = request.build_absolute_uri(request.path)
    return [{"code": code, "name": name, "url": translate_url(url, code)} for code, name in NATIVE_NAMES]

"""Cross-cutting request handling: request ids, language choice, cache headers."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

from ombuds.core.audit import request_context


class RequestIdMiddleware:
    """Give each request an id, echoed in X-Request-ID and written into audit events.

    An id from the reverse proxy is kept only when it looks like a UUID, so a client cannot
    inject text into the audit trail through this header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        try:
            request.request_id = str(uuid.UUID(incoming))
        except ValueError:
            request.request_id = str(uuid.uuid4())
        # REMOTE_ADDR only: a forwarded-for header is client-controlled unless a trusted proxy
        # rewrites REMOTE_ADDR for us.
        token = request_context.set({"request_id": request.request_id, "ip": request.META.get("REMOTE_ADDR", "")})
        try:
            response = self.get_response(request)
        finally:
            request_context.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class LanguageMiddleware:
    """Pick the UI language from the URL prefix (public pages) or the language cookie.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: staff work in
    Azerbaijani by default whatever language their browser happens to be set to, and switch
    explicitly with the language switcher (which sets the cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        if language not in self.supported:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class NoStoreForAuthenticatedMiddleware:
    """Staff pages carry personal data: no browser or proxy may keep a copy (ASVS 14.2.2)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


class PublicCacheMiddleware:
    """Let shared caches keep the public portal's pages (issue 14: a news page served thousands of
    times a second from a cache in front of us).

    A view marks its response with `public_max_age` (ombuds/portal/public.py). Outermost, this sees
    the final headers: when the response sets no cookie it is made `public` and the `Vary: Cookie`
    that the session, language and CSRF layers add is dropped (a public page is the same for
    everyone; its language is in the URL). A response that sets a cookie stays private and is never
    shared, whatever the view asked for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        max_age = getattr(response, "public_max_age", None)
        if max_age is None or request.method not in ("GET", "HEAD"):
            return response
        if response.cookies or response.status_code not in (200, 301, 304, 404):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if "Vary" in response:
            kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        response["Cache-Control"] = f"public, max-age={int(max_age)}"
        return response

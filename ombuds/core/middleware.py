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

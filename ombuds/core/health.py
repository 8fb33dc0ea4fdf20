"""The load balancer's probe: is this process up and can it reach its database?

Kept out of everything a page does: no login, no session read or write, no CSRF cookie, no
template, one trivial query. A probe every few seconds from every balancer must cost nothing and
must never be slowed by the things it is not checking (reports, the task queue, the replica).
`HealthMiddleware` (first in MIDDLEWARE) answers it before any other middleware runs: the balancer
probes each server directly, over plain HTTP and by address, where the HTTPS redirect, the host
check and the second-factor rule would otherwise answer for the database.
"""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """200 {"status": "ok"} when the database answers, 503 {"status": "unavailable"} otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # The reason goes to the log, not to whoever can reach the probe.
        logger.exception("health check: the database does not answer")
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


HEALTH_PATH = "/health/"


class HealthMiddleware:
    """Answer the probe before the rest of the stack (the URL pattern reaches the same view)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:
            return health(request)
        return self.get_response(request)

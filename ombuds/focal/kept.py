"""Nothing a focal point wrote is lost when its session expired (issue 12).

An answer posted after the session ran out reaches the portal as an anonymous request: its text
fields are kept in the (new, anonymous) session under the page's path, and the visitor is sent to
the portal's sign-in page with `next` pointing back to the page. Signing in keeps the session's
data (Django cycles the key, it does not flush an anonymous session), so the page finds the text
again, puts it back in the form and says so. Files are not kept: they are chosen again.

Only the named text fields are kept, each cut to a sane size, and only until the page is drawn
once for a signed-in focal point who may open it (the page's funnel runs first).
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

SESSION_KEY = "focal_kept"
MAX_CHARS = 100_000  # as a draft: a form's text, not a document store
MAX_PAGES = 5  # an anonymous session holds the answers to a few pages at most


def keeps_posted(*fields: str, page=None):
    """Decorate a portal view (outside `focal_point_required`): an anonymous POST keeps `fields`
    for the page (`page(**kwargs)` gives its path; the posted-to path by default) and goes to the
    sign-in page, back to that page afterwards. An HTMX request (a draft saved as one types) gets
    a short note with the sign-in link instead: the page stays, and what is typed next is kept
    too. Everything else goes on to the view."""

    def decorator(view):
        @login_not_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST" and not request.user.is_authenticated:
                path = page(**kwargs) if page is not None else request.path
                keep(request, path, {name: request.POST.get(name, "") for name in fields})
                login = redirect_to_login(path, reverse("focal:login"))
                if request.headers.get("HX-Request"):
                    return render(request, "focal/_session_expired.html", {"login_url": login["Location"]})
                return login
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def keep(request, path: str, data: dict) -> None:
    kept = {name: str(value)[:MAX_CHARS] for name, value in data.items() if str(value).strip()}
    if not kept:
        return
    pages = dict(request.session.get(SESSION_KEY, {}))
    pages.pop(path, None)
    while len(pages) >= MAX_PAGES:
        pages.pop(next(iter(pages)))
    pages[path] = kept
    request.session[SESSION_KEY] = pages


def restore(request, path: str | None = None) -> dict:
    """The text kept for this page (once), with a message saying it was put back; {} if none."""
    pages = request.session.get(SESSION_KEY)
    if not pages:
        return {}
    pages = dict(pages)
    kept = pages.pop(path or request.path, None)
    if kept is None:
        return {}
    request.session[SESSION_KEY] = pages
    messages.info(
        request,
        _(
            "Your session had expired. What you wrote was kept and is back in the form: "
            "check it, choose any files again and submit it."
        ),
    )
    return dict(kept)

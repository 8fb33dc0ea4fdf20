import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import get_language_from_path
from django.views import defaults
from django.views.decorators.http import require_POST

from ombuds.core import notifications
from ombuds.core.models import AuditEvent, Notification
from ombuds.core.widgets import LOOKUPS


def _public_error(request, status: int):
    """A public portal address (under /az/, /en/, /ru/) gets its error page in the portal's layout and
    language; the portal draws it (settings.OMBUDS_PUBLIC_ERROR_PAGE, loaded by name: core is below it)."""
    if settings.OMBUDS_PUBLIC_ERROR_PAGE and get_language_from_path(request.path_info):
        return import_string(settings.OMBUDS_PUBLIC_ERROR_PAGE)(request, status)
    return None


def bad_request(request, exception=None):
    return _public_error(request, 400) or defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    return _public_error(request, 403) or defaults.permission_denied(request, exception)


def page_not_found(request, exception=None):
    return _public_error(request, 404) or defaults.page_not_found(request, exception)


def csrf_failure(request, reason=""):
    """A refused form (CSRF) in the site's layout and language; Django's own page is bare English."""
    return _public_error(request, 403) or render(request, "403_csrf.html", status=403)


@login_not_required
def home(request):
    """Staff home: what is waiting for me (panels from settings.OMBUDS_HOME_PANELS), who I am, where I sit.

    A visitor who is not signed in is a member of the public: the root sends them to the public
    portal in the site's default language (staff sign in from its footer or at /auth/login/)."""
    user = request.user
    if not user.is_authenticated:
        return redirect("portal:home")
    unit = user.org_unit
    context = {
        "unit": unit,
        "roles": user.roles.all(),
        "district_count": unit.districts().count() if unit else 0,
        "panels": import_string(settings.OMBUDS_HOME_PANELS)(user) if settings.OMBUDS_HOME_PANELS else None,
    }
    return render(request, "core/home.html", context)


@permission_required("core.view_auditevent", raise_exception=True)
def audit_list(request):
    """The audit trail for the auditor / DPO, filterable by actor, object and action."""
    events = AuditEvent.objects.order_by("-pk")
    filters = {
        "actor": request.GET.get("actor", "").strip(),
        "object": request.GET.get("object", "").strip(),
        "action": request.GET.get("action", "").strip(),
    }
    if filters["actor"]:
        events = events.filter(actor_label__iexact=filters["actor"])
    if filters["object"]:
        events = events.filter(object_id=filters["object"])
    if filters["action"]:
        events = events.filter(action__startswith=filters["action"])
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    template = "core/_audit_rows.html" if request.htmx else "core/audit_list.html"
    return render(request, template, {"page": page, "filters": filters})


def notification_list(request):
    """My notifications, newest first."""
    items = Notification.objects.filter(recipient=request.user).order_by("-created_at")[:100]
    rows = [(item, notifications.render(item)) for item in items]
    return render(request, "core/notification_list.html", {"rows": rows})


@require_POST
def notification_read(request, public_id):
    try:
        key = uuid.UUID(str(public_id))
    except ValueError as exc:
        raise Http404 from exc
    # Only the recipient's own notifications exist for them: anyone else's is a 404.
    item = Notification.objects.filter(recipient=request.user, public_id=key).first()
    if item is None:
        raise Http404
    notifications.mark_read(request.user, item)
    if request.htmx:
        return render(request, "core/_notification_row.html", {"item": item, "text": notifications.render(item)})
    return redirect("core:notification_list")


def lookup(request, name):
    """Suggestions for an autocomplete field (core/widgets.py): at most a few <option>s."""
    found = LOOKUPS.get(name)
    if found is None:
        raise Http404
    if not found.allowed(request.user):
        raise PermissionDenied
    # htmx sends the input under its own (possibly prefixed) name; without htmx, ?q=.
    text = request.GET.get("q") or next(iter(request.GET.values()), "")
    labels = [found.label(obj) for obj in found.search(text[:100])]
    response = render(request, "core/_lookup_options.html", {"labels": labels})
    response["Cache-Control"] = "private, max-age=60"
    return response

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import render

from ombuds.core.models import AuditEvent


def home(request):
    """Staff home: who I am, where I sit, what I can reach."""
    user = request.user
    unit = user.org_unit
    context = {
        "unit": unit,
        "roles": user.roles.all(),
        "district_count": unit.districts().count() if unit else 0,
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

"""The 916 desk's pages: the call log and turning a call into an application. The quarterly
statistics of calls by topic (domain.md §7.3) are in the reports app. Thin views, as in views.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.accounts.scoping import get_object_for_user
from ombuds.complaints import forms as f
from ombuds.complaints import services
from ombuds.complaints.models import Call
from ombuds.complaints.permissions import HANDLE, REGISTER
from ombuds.core.once import submit_once


@permission_required(REGISTER, raise_exception=True)
def call_log(request):
    """The 916 desk: log a call in under a minute; my recent calls beside the form."""
    form = f.CallForm(request.POST or None, initial={"received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")})
    if request.method == "POST" and form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            services.log_call(request.user, **form.cleaned_data)
            once.created(reverse("complaints:call_log"))
        messages.success(request, _("Call logged."))
        return redirect("complaints:call_log")
    calls = Call.objects.visible_to(request.user).select_related("topic", "district", "application")[:30]
    return render(request, "complaints/call_log.html", {"form": form, "calls": calls})


@require_POST
@permission_required(REGISTER, raise_exception=True)
def call_convert(request, public_id):
    call = get_object_for_user(Call.objects, request.user, public_id, write=True)
    district = call.district or request.user.org_unit.districts().first()
    try:
        app = services.convert_call(
            request.user, call, unit=request.user.org_unit, summary=call.note or str(call.topic), district=district
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("complaints:call_log")
    messages.success(request, _("Registered as %(number)s.") % {"number": app.number})
    return redirect(app.get_absolute_url() if request.user.has_perm(HANDLE) else "complaints:call_log")


def call_statistics(request):
    """The quarterly 916 statistics moved to the reports app (reports:calls); old links and
    bookmarks keep working, with their year and quarter."""
    if not (request.user.has_perm(REGISTER) or request.user.has_perm("accounts.view_aggregates")):
        raise PermissionDenied
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(reverse("reports:calls") + (f"?{query}" if query else ""))

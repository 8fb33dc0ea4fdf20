"""The 916 desk's pages: the call log, turning a call into an application, the quarterly
statistics of calls by topic (domain.md §7.3). Thin views, as in views.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.accounts.scoping import get_object_for_user
from ombuds.complaints import forms as f
from ombuds.complaints import services
from ombuds.complaints.listing import call_counts
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


@permission_required(REGISTER, raise_exception=True)
def call_statistics(request):
    """Quarterly 916 statistics: calls by topic (domain.md §7.3)."""
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        quarter = int(request.GET.get("quarter", (today.month - 1) // 3 + 1))
    except ValueError as exc:
        raise Http404 from exc
    if not (2000 <= year <= 2100 and 1 <= quarter <= 4):
        raise Http404
    rows, total = call_counts(year, quarter)
    return render(
        request,
        "complaints/call_statistics.html",
        {"rows": rows, "total": total, "year": year, "quarter": quarter, "quarters": range(1, 5)},
    )

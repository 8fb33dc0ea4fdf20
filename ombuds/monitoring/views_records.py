"""Pages for correcting what a visit recorded (findings) and for the access incidents the NPM's
reports cite. Thin, like views.py: funnel → service → render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.core.actions import form_errors
from ombuds.core.exceptions import Conflict
from ombuds.core.versions import CONFLICT, show_conflict, versioned_initial
from ombuds.monitoring import forms as f
from ombuds.monitoring import services
from ombuds.monitoring.models import Finding
from ombuds.monitoring.permissions import MANAGE_VISITS, VIEW_ALL_RECORDS
from ombuds.monitoring.views import get_visit_for_user


def get_finding_for_user(user, public_id) -> Finding:
    """A finding is reached through its visit's funnel: out of the user's scope, or withdrawn, 404."""
    finding = Finding.objects.filter(public_id=public_id).first()
    if finding is None:
        raise Http404
    finding.visit = get_visit_for_user(user, finding.visit.public_id)
    return finding


def finding_edit(request, public_id):
    finding = get_finding_for_user(request.user, public_id)
    if not request.user.has_perm(MANAGE_VISITS):
        raise PermissionDenied
    fields = ("area", "subtopic", "text", "sources", "severity", "standard")
    form = f.FindingEditForm(
        request.POST or None, initial=versioned_initial(finding, **{name: getattr(finding, name) for name in fields})
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.edit_finding(request.user, finding, **form.cleaned_data)  # with the version read
            except ValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            except Conflict as exc:  # someone corrected it since this page was drawn
                show_conflict(form, exc)
                finding, status = exc.current, CONFLICT
            else:
                messages.success(request, _("Saved."))
                return redirect(finding.visit.get_absolute_url())
        else:
            messages.error(request, form_errors(form))
    return render(
        request,
        "monitoring/finding_edit.html",
        {"finding": finding, "visit": finding.visit, "form": form, "withdraw": f.WithdrawForm()},
        status=status,
    )


@require_POST
def finding_withdraw(request, public_id):
    finding = get_finding_for_user(request.user, public_id)
    if not request.user.has_perm(MANAGE_VISITS):
        raise PermissionDenied
    form = f.WithdrawForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form_errors(form))
        services.withdraw_finding(request.user, finding, form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("monitoring:finding_edit", public_id=finding.public_id)
    messages.success(request, _("Saved."))
    return redirect(finding.visit.get_absolute_url())


def incident_list(request):
    """Obstructions of access in a period, for the NPM's reports: the visits the user may see."""
    if not (request.user.has_perm(MANAGE_VISITS) or request.user.has_perm(VIEW_ALL_RECORDS)):
        raise PermissionDenied
    form = f.PeriodForm(request.GET or None)
    period = form.cleaned_data if form.is_valid() else {}
    incidents = services.access_incidents(request.user, start=period.get("start"), end=period.get("end"))[:500]
    return render(request, "monitoring/incident_list.html", {"incidents": incidents, "form": form})

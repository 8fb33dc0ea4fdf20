"""Staff pages of the authority portal: the focal points of each authority, created, invited,
corrected and revoked by holders of `focal.manage_focal_points`."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.core.actions import add_service_errors, run_action
from ombuds.core.once import submit_once
from ombuds.focal import forms as f
from ombuds.focal.invitations import invitation_path
from ombuds.focal.models import FocalPoint
from ombuds.focal.permissions import may_manage
from ombuds.focal.services import accounts

# The link of a new invitation waits here for the one page view that shows it (the staff member
# hands it over when e-mail does not reach the body); the database keeps only its digest.
_LINKS = "focal_invitation_links"


def _require_manager(request) -> None:
    if not may_manage(request.user):
        raise PermissionDenied


def _get(public_id) -> FocalPoint:
    try:
        uuid.UUID(str(public_id))
    except ValueError as exc:
        raise Http404 from exc
    found = (
        FocalPoint.objects.select_related("user", "user__authority", "place", "place__authority")
        .annotate(receipt_count=Count("receipts"))
        .filter(public_id=public_id)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _keep_link(request, fp: FocalPoint, token: str) -> None:
    links = request.session.get(_LINKS, {})
    links[str(fp.public_id)] = request.build_absolute_uri(invitation_path(token))
    request.session[_LINKS] = links


def focal_point_list(request):
    """Every focal point, by authority, with whether it has signed in and whether it is revoked."""
    _require_manager(request)
    filters = f.FocalPointFilterForm(request.GET or None)
    points = FocalPoint.objects.select_related("user", "user__authority", "place").order_by(
        "user__authority__name_az", "user__last_name", "pk"
    )
    if filters.is_valid() and filters.cleaned_data.get("authority"):
        points = points.filter(user__authority=filters.cleaned_data["authority"])
    return render(request, "focal/staff/list.html", {"points": points, "filters": filters})


def focal_point_create(request):
    _require_manager(request)
    form = f.FocalPointCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                fp, token = accounts.create_focal_point(request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                once.created(fp.get_absolute_url())
        if not form.errors:
            _keep_link(request, fp, token)
            messages.success(request, _("Focal point created. Its invitation is shown below, once."))
            return redirect(fp.get_absolute_url())
    return render(request, "focal/staff/create.html", {"form": form}, status=400 if form.errors else 200)


def focal_point_detail(request, public_id, bound: dict | None = None):
    _require_manager(request)
    fp = _get(public_id)
    bound = bound or {}
    link = request.session.get(_LINKS, {}).get(str(fp.public_id))
    if link:  # shown once
        links = request.session[_LINKS]
        links.pop(str(fp.public_id))
        request.session[_LINKS] = links
    context = {
        "fp": fp,
        "link": link,
        "reinvite_form": bound.get("reinvite") or f.ReinviteForm(),
        "revoke_form": bound.get("revoke") or f.RevokeForm(),
        "edit_form": bound.get("edit") or f.FocalPointEditForm.for_profile(fp),
    }
    return render(request, "focal/staff/detail.html", context, status=400 if bound else 200)


def _reinvite(request):
    def call(user, fp, data):
        token = accounts.reinvite_focal_point(user, fp, **data)
        _keep_link(request, fp, token)

    return call


def _revoke(user, fp, data):
    accounts.revoke_focal_point(user, fp, data["reason"])


def _edit(user, fp, data):
    accounts.update_focal_point(user, fp, **data)


ACTIONS = {
    "reinvite": (lambda data: f.ReinviteForm(data), _reinvite),
    "revoke": (lambda data: f.RevokeForm(data), lambda request: _revoke),
    "edit": (lambda data: f.FocalPointEditForm(data, prefix="edit"), lambda request: _edit),
}


@require_POST
def focal_point_action(request, public_id, action):
    _require_manager(request)
    if action not in ACTIONS:
        raise Http404
    fp = _get(public_id)
    make_form, make_call = ACTIONS[action]
    form = make_form(request.POST)
    return run_action(
        request,
        fp,
        form,
        make_call(request),
        redraw=lambda bound: focal_point_detail(request, public_id, bound={action: bound}),
        keep_input=True,
    )

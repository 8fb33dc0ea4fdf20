"""Thin views of the outreach app: parse → funnel → service → render. Every staff member reads
the action plan; events, counts and materials are read by outreach staff, the Commissioner and
the units that host or join them (`Event.objects.visible_to`); named participants by outreach
staff only. The services check who may change what."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ombuds.accounts.tokens import user_for_token
from ombuds.core import audit
from ombuds.core.actions import form_errors, run_action
from ombuds.core.models import Attachment
from ombuds.core.once import submit_once
from ombuds.core.services import require
from ombuds.core.uploads import download_response
from ombuds.core.versions import versioned_initial
from ombuds.outreach import calendar, exports, services
from ombuds.outreach import forms as f
from ombuds.outreach.choices import EventStatus
from ombuds.outreach.models import ActionPlan, Event
from ombuds.outreach.permissions import MANAGE
from ombuds.outreach.progress import plan_progress
from ombuds.outreach.scoping import get_event_for_user, get_item_for_user, get_plan_for_user, participants_of


def plan_list(request):
    plans = ActionPlan.objects.visible_to(request.user)
    return render(request, "outreach/plan_list.html", {"plans": plans, "form": f.PlanForm()})


@require_POST
@permission_required(MANAGE, raise_exception=True)
def plan_create(request):
    form = f.PlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("outreach:plan_list")
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        plan = services.create_plan(request.user, **form.cleaned_data)
        once.created(plan.get_absolute_url())
    return redirect(plan.get_absolute_url())


def plan_detail(request, public_id):
    plan = get_plan_for_user(request.user, public_id)
    if request.method == "POST":
        require(request.user, MANAGE)
        form = f.PlanItemForm(request.POST)
        if form.is_valid():
            with submit_once(request, form) as once:
                if once.done:
                    return once.done
                try:
                    services.add_plan_item(request.user, plan, **form.cleaned_data)
                except ValidationError as exc:
                    form.add_error(None, exc)
                else:
                    once.created(plan.get_absolute_url())
            if not form.errors:
                return redirect(plan.get_absolute_url())
    else:
        form = f.PlanItemForm()
    context = {"plan": plan, "progress": plan_progress(plan), "form": form, "cancel_form": f.CancelForm()}
    return render(request, "outreach/plan_detail.html", context)


def plan_export(request, public_id, fmt):
    """Progress as a spreadsheet or a PDF (the tables of the plan page)."""
    plan = get_plan_for_user(request.user, public_id)
    if fmt not in exports.FORMATS:
        raise Http404
    audit.record("outreach.actionplan.progress_exported", actor=request.user, obj=plan, changes={"format": fmt})
    return exports.FORMATS[fmt](plan)


@require_POST
def plan_approve(request, public_id):
    plan = get_plan_for_user(request.user, public_id)
    try:
        services.approve_plan(request.user, plan)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect(plan.get_absolute_url())


@require_POST
def item_cancel(request, item_id):
    item = get_item_for_user(request.user, item_id)
    require(request.user, MANAGE)  # before the form: no form errors for someone who may not act
    return run_action(
        request,
        item.plan,
        f.CancelForm(request.POST),
        lambda user, _plan, data: services.cancel_plan_item(user, item, reason=data["reason"]),
    )


@permission_required(MANAGE, raise_exception=True)
def event_create(request, item_id):
    item = get_item_for_user(request.user, item_id)
    initial = {
        "region": item.region,
        "event_format": item.event_format,
        "host_unit": item.responsible_unit,
        "venue": item.venue,
    }
    form = f.EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                event = services.create_event(request.user, item, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                once.created(event.get_absolute_url())
        if not form.errors:
            return redirect(event.get_absolute_url())
    return render(request, "outreach/event_form.html", {"item": item, "form": form})


def event_list(request):
    events = Event.objects.visible_to(request.user).select_related("plan_item__topic", "region").order_by("-starts_at")
    mine = bool(request.GET.get("mine"))
    if mine:
        # My unit's planned events still to come (the home page counts the same, reports/home.py).
        events = events.filter(
            host_unit=request.user.org_unit_id, status=EventStatus.PLANNED, starts_at__gte=timezone.now()
        ).order_by("starts_at")
    return render(request, "outreach/event_list.html", {"events": events[:200], "mine": mine})


def event_detail(request, public_id):
    return _event_page(request, get_event_for_user(request.user, public_id))


def _event_page(request, event: Event, bound: dict | None = None):
    """The event page; `bound` holds an action form redrawn with its input (a stale edit)."""
    can_manage = request.user.has_perm(MANAGE)
    forms = {name: cls(prefix=name) for name, (cls, _call) in ACTIONS.items()} if can_manage else {}
    if can_manage:
        forms["remote"] = f.RemoteForm(
            prefix="remote", initial=versioned_initial(event, remote_offices=event.remote_offices.all())
        )
        forms.update(bound or {})
    return render(
        request,
        "outreach/event_detail.html",
        {
            "event": event,
            "forms": forms,
            "can_manage": can_manage,
            "attendance": event.attendance.select_related("office"),
            "speakers": event.speakers.all(),
            "participants": participants_of(request.user, event),
            "materials": Attachment.objects.filter(
                content_type__app_label="outreach", content_type__model="event", object_id=event.pk
            ),
            "news": getattr(event, "news", None),
        },
    )


ACTIONS = {
    "remote": (
        f.RemoteForm,
        lambda u, e, d: services.set_remote_offices(u, e, d["remote_offices"], version=d["version"]),
    ),
    "attendance": (f.AttendanceForm, lambda u, e, d: services.record_attendance(u, e, **d)),
    "speaker": (f.SpeakerForm, lambda u, e, d: services.add_speaker(u, e, **d)),
    "participant": (f.ParticipantForm, lambda u, e, d: services.add_participant(u, e, **d)),
    "material": (f.MaterialForm, lambda u, e, d: services.attach_material(u, e, d["file"])),
    "outcome": (f.OutcomeForm, lambda u, e, d: services.record_outcome(u, e, **d)),
    "news": (f.EmptyForm, lambda u, e, d: services.draft_news(u, e)),
    "cancel": (f.CancelForm, lambda u, e, d: services.cancel_event(u, e, reason=d["reason"])),
}


@require_POST
def event_action(request, public_id, action):
    if action not in ACTIONS:
        raise Http404
    event = get_event_for_user(request.user, public_id)
    require(request.user, MANAGE)  # before the form: no form errors for someone who may not act
    form_class, call = ACTIONS[action]
    form = form_class(request.POST, request.FILES, prefix=action)

    def redraw(bound):  # a stale edit: the page as it is now, the person's input kept
        event.refresh_from_db()
        return _event_page(request, event, {action: bound})

    return run_action(request, event, form, call, redraw=redraw)


def event_material(request, public_id, attachment_id):
    event = get_event_for_user(request.user, public_id)
    material = get_object_or_404(
        Attachment,
        public_id=attachment_id,
        content_type__app_label="outreach",
        content_type__model="event",
        object_id=event.pk,
    )
    return download_response(material)


@login_not_required
def calendar_feed(request, token):
    """Events for calendar applications, which cannot sign in: the calendar token is the key."""
    record = user_for_token(token, scope="calendar")
    if record is None:
        raise Http404
    base_url = f"{request.scheme}://{request.get_host()}"
    response = HttpResponse(calendar.feed(record.user, base_url), content_type="text/calendar")
    response["Cache-Control"] = "no-store"
    return response

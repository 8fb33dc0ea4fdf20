"""Thin views of the monitoring app: parse → funnel → service → render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.accounts.models import ApiToken
from ombuds.accounts.scoping import get_object_for_user, is_npm_lead
from ombuds.accounts.tokens import create_api_token, revoke_api_token, user_for_token
from ombuds.core import audit
from ombuds.core.actions import form_errors, run_action
from ombuds.core.documents import DOCX, PDF, attachment, letter_docx, letter_pdf
from ombuds.core.exceptions import PurposeRequired
from ombuds.core.once import submit_once
from ombuds.core.search import match_words
from ombuds.monitoring import calendar, report, services
from ombuds.monitoring import choices as c
from ombuds.monitoring import forms as f
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.models import (
    Allegation,
    Finding,
    Interview,
    Place,
    PlanItem,
    PopulationCount,
    ReprisalCase,
    Visit,
    VisitPlan,
)
from ombuds.monitoring.permissions import (
    MANAGE_VISITS,
    VIEW_ALL_RECORDS,
    VIEW_MEDICAL,
    VIEW_PLACE,
    VIEW_SECRET_TIER,
    may_use_visits,
)

MANAGE = MANAGE_VISITS

OVER = (VisitStatus.CLOSED, VisitStatus.CANCELLED)  # a visit in these states is no one's current work


def get_visit_for_user(user, public_id, *, write: bool = False) -> Visit:
    """The visit pages' funnel: the section first (403), then the record's scope (404, as missing)."""
    if not may_use_visits(user):
        raise PermissionDenied
    # An unannounced visit before arrival is secret tier: the team sees it as its working file,
    # so no purpose is asked for here; interview identities need one (see interview_identity).
    return get_object_for_user(
        Visit.objects.select_related("place", "unit"), user, public_id, write=write, purpose="visit team work"
    )


@permission_required(VIEW_PLACE, raise_exception=True)
def place_list(request):
    form = f.PlaceFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    places = (
        Place.objects.filter(is_active=True)
        .select_related("district", "authority")
        .prefetch_related(
            Prefetch("population", queryset=PopulationCount.objects.order_by("-counted_on"), to_attr="latest")
        )
    )
    if data.get("place_type"):
        places = places.filter(place_type=data["place_type"])
    if data.get("q"):
        places = places.filter(name_az__icontains=data["q"]) | places.filter(name_en__icontains=data["q"])
    if data.get("overdue"):
        places = places.filter(next_due_on__lt=timezone.localdate())
    places = places.order_by("next_due_on", "name_az")[:200]
    template = "monitoring/_place_rows.html" if request.htmx else "monitoring/place_list.html"
    return render(request, template, {"places": places, "form": form, "today": timezone.localdate()})


@permission_required(VIEW_PLACE, raise_exception=True)
def place_detail(request, public_id):
    place = get_object_or_404(Place.objects.select_related("district", "authority"), public_id=public_id)
    visits = Visit.objects.visible_to(request.user).filter(place=place).order_by("-planned_date")[:20]
    return render(
        request,
        "monitoring/place_detail.html",
        {
            "place": place,
            "population": place.population.all()[:20],
            "visits": visits,
        },
    )


def visit_list(request):
    """Visits the user may see, filtered by status and type; the search looks into the findings."""
    if not may_use_visits(request.user):
        raise PermissionDenied
    # Its own ids: the scheduling form beside it has fields of the same names.
    form = f.VisitFilterForm(request.GET or None, auto_id="filter_%s")
    if not request.user.has_perm("monitoring.view_place"):
        del form.fields["place"]  # its suggestions come from the register of places
    data = form.cleaned_data if form.is_valid() else {}
    visits = Visit.objects.visible_to(request.user).select_related("place", "unit")
    for field in ("place", "status", "visit_type"):
        if data.get(field):
            visits = visits.filter(**{field: data[field]})
    if data.get("mine"):
        # The visits on my team that are not over (the home page counts the same).
        visits = visits.filter(team__user=request.user).exclude(status__in=OVER)
    if data.get("q"):
        visits = visits.filter(
            pk__in=match_words(Finding.objects.all(), data["q"], "text", "subtopic").values("visit_id")
        )
    visits = visits.order_by("-planned_date", "-pk")[:100]
    template = "monitoring/_visit_rows.html" if request.htmx else "monitoring/visit_list.html"
    return render(request, template, {"visits": visits, "filters": form, "schedule": f.ScheduleForm()})


@require_POST
@permission_required(MANAGE, raise_exception=True)
def visit_schedule(request):
    form = f.ScheduleForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("monitoring:visit_list")
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:  # the one who schedules leads the visit until the team is completed
            visit = services.schedule_visit(request.user, team=[(request.user, "leader")], **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            return redirect("monitoring:visit_list")
        once.created(visit.get_absolute_url())
    messages.success(request, _("Visit scheduled."))
    return redirect(visit.get_absolute_url())


def visit_detail(request, public_id):
    return _visit_page(request, get_visit_for_user(request.user, public_id))


def _visit_page(request, visit: Visit, bound: dict | None = None):
    """The visit page; `bound` holds an action form redrawn with its input (a stale plan edit)."""
    can_manage = request.user.has_perm(MANAGE)
    forms = {}
    if can_manage:
        offered = offered_actions(visit)
        # Each action form carries its own prefix: several forms share field names on one page.
        forms = {name: _action_form(name, visit) for name in ACTIONS if name in offered}
        forms.update(bound or {})
    return render(
        request,
        "monitoring/visit_detail.html",
        {
            "visit": visit,
            "team": visit.team.select_related("user"),
            "warnings": services.team_warnings(visit),
            "allegations": Allegation.objects.visible_to(request.user).filter(visit=visit).select_related("interview"),
            "reprisals": _with_step_forms(ReprisalCase.objects.visible_to(request.user).filter(visit=visit)),
            # The dossier: what earlier visits to this place found (the place's open recommendations are
            # drawn beside it by the recommendations app's template tags).
            "dossier": Finding.objects.filter(
                visit__in=Visit.objects.visible_to(request.user)
                .filter(place=visit.place, planned_date__lt=visit.planned_date)
                .values("pk")
            )
            .select_related("visit")
            .order_by("-visit__planned_date")[:20],
            "findings": visit.findings.all(),
            "interviews": visit.interviews.all(),
            "incidents": visit.incidents.all(),
            "findings_open": visit.status in services.FINDINGS_OPEN,
            "forms": forms,
            "can_manage": can_manage,
        },
    )


ACTIONS = {
    "plan": (f.VisitPlanForm, lambda u, v, d: services.update_visit_plan(u, v, **d)),  # d holds the version read
    "team": (f.TeamForm, lambda u, v, d: services.add_team_member(u, v, d["user"], d["role"])),
    "prepare": (f.TextForm, lambda u, v, d: services.prepare_visit(u, v, d["text"])),
    "arrival": (
        f.ArrivalForm,
        lambda u, v, d: services.record_arrival(u, v, arrival_at=d["arrival_at"], access_at=d["access_at"]),
    ),
    "finding": (f.FindingForm, lambda u, v, d: services.add_finding(u, v, **d)),
    "interview": (f.InterviewForm, lambda u, v, d: services.add_interview(u, v, **d)),
    "incident": (f.IncidentForm, lambda u, v, d: services.record_access_incident(u, v, **d)),
    "complete": (f.CompleteForm, lambda u, v, d: services.complete_onsite(u, v, **d)),
    "advance": (f.AdvanceForm, lambda u, v, d: services.advance_visit(u, v, d["target"])),
    "cancel": (f.CancelForm, lambda u, v, d: services.cancel_visit(u, v, d["reason"])),
    "application": (
        f.OnSiteApplicationForm,
        lambda u, v, d: services.file_application_on_site(
            u,
            v,
            unit=v.unit,
            summary=d["summary"],
            district=v.place.district,
            applicant_kind="person" if d["surname"] or d["given_name"] else "anonymous",
            applicant={"surname": d["surname"], "given_name": d["given_name"]}
            if d["surname"] or d["given_name"]
            else None,
        ),
    ),
    "reprisal": (f.ReprisalForm, lambda u, v, d: services.report_reprisal(u, visit=v, **d)),
    # The form only offers this visit's interviews, so the allegation stays with its visit.
    "allegation": (f.AllegationForm, lambda u, v, d: services.record_allegation(u, d.pop("interview"), **d)),
    "first_contact": (f.FirstContactForm, lambda u, v, d: services.record_first_contact(u, d["interview"], d["note"])),
}


S = c.VisitStatus
# Where each action of the visit page is possible; the same states the services accept
# (services/visits.py: _on_site, add_team_member, record_access_incident; services/secret.py),
# and the lifecycle steps straight from the state machine (domain.md §3.2).
ON_SITE = {S.IN_PROGRESS, S.ONSITE_COMPLETED, S.REPORT_DRAFT}


def _leading_to(target: str) -> set[str]:
    return {source for source, targets in c.VISIT_TRANSITIONS.items() if target in targets}


OFFERED_IN = {
    "plan": c.BEFORE_ARRIVAL,
    "team": c.BEFORE_ARRIVAL | {S.IN_PROGRESS},
    "prepare": _leading_to(S.PREPARED),
    "arrival": _leading_to(S.IN_PROGRESS),
    "finding": ON_SITE,
    "interview": ON_SITE,
    "allegation": ON_SITE,
    "application": ON_SITE,
    "reprisal": set(S.values) - c.BEFORE_ARRIVAL - {S.CANCELLED},
    "incident": {S.IN_PROGRESS, S.ONSITE_COMPLETED},
    "complete": _leading_to(S.ONSITE_COMPLETED),
    "advance": {source for source in c.VISIT_TRANSITIONS if f.AdvanceForm.targets_from(source)},
    "cancel": _leading_to(S.CANCELLED),
    "first_contact": set(S.values) - c.BEFORE_ARRIVAL - {S.CANCELLED},  # the 72-hour clock after the visit
}
VISIT_FORMS = (f.AllegationForm, f.AdvanceForm, f.FirstContactForm)  # their choices depend on the visit


def offered_actions(visit: Visit) -> set[str]:
    offered = {name for name, states in OFFERED_IN.items() if visit.status in states}
    if "allegation" in offered and not visit.interviews.exists():
        offered.discard("allegation")  # an allegation is recorded against one of the visit's interviews
    if "first_contact" in offered and not visit.interviews.filter(reprisal_risk=True).exists():
        offered.discard("first_contact")  # only people at risk of reprisals are awaited
    return offered


@require_POST
def visit_action(request, public_id, action):
    if action not in ACTIONS:
        raise Http404
    visit = get_visit_for_user(request.user, public_id)
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    form_class, call = ACTIONS[action]
    form = form_class(request.POST, prefix=action, **({"visit": visit} if form_class in VISIT_FORMS else {}))

    def redraw(bound):  # a stale plan edit: the page as it is now, the person's input kept
        visit.refresh_from_db()
        return _visit_page(request, visit, {action: bound})

    return run_action(request, visit, form, call, redraw=redraw)


def _action_form(name: str, visit: Visit):
    form_class = ACTIONS[name][0]
    if form_class is f.VisitPlanForm:
        return form_class(prefix=name, initial=f.VisitPlanForm.initial_for(visit))
    return form_class(prefix=name, **({"visit": visit} if form_class in VISIT_FORMS else {}))


def interview_identity(request, public_id):
    """Unseal an interviewee's identity: the team, the NPM lead, the Commissioner; with a purpose."""
    interview = Interview.objects.select_related("visit").filter(public_id=public_id).first()
    if interview is None:
        raise Http404
    visit = get_visit_for_user(request.user, interview.visit.public_id)
    purpose = request.GET.get("purpose", "")
    try:
        identity = services.unseal_identity(request.user, interview, purpose) if purpose else None
    except PermissionDenied as exc:
        raise Http404 from exc  # not theirs to know that an identity exists
    except ValidationError:
        identity = None
    return render(
        request, "monitoring/interview_identity.html", {"interview": interview, "visit": visit, "identity": identity}
    )


def visit_report(request, public_id, fmt):
    """The visit report as PDF or DOCX; refused, saying where, if it would name an interviewee
    without consent to publication."""
    if fmt not in ("pdf", "docx"):
        raise Http404
    visit = get_visit_for_user(request.user, public_id)
    if not request.user.has_perm(MANAGE) and not request.user.has_perm(VIEW_ALL_RECORDS):
        raise PermissionDenied
    language = request.GET.get("lang") or request.LANGUAGE_CODE
    if language not in ("az", "en", "ru"):
        raise Http404
    try:
        letter = report.build(visit, language)
    except report.GuardFailure as exc:
        messages.error(request, str(exc))
        return redirect(visit.get_absolute_url())
    audit.record(
        "monitoring.visit.report_exported", actor=request.user, obj=visit, changes={"format": fmt, "language": language}
    )
    name = f"visit-{visit.planned_date:%Y%m%d}-{language}.{fmt}"
    if fmt == "pdf":
        return attachment(letter_pdf(letter), name, PDF)
    return attachment(letter_docx(letter), name, DOCX)


def get_allegation_for_user(user, public_id, purpose: str) -> Allegation:
    return get_object_for_user(
        Allegation.objects.select_related("visit", "interview", "detaining_authority"), user, public_id, purpose=purpose
    )


def allegation_detail(request, public_id):
    """Secret tier: the reader states a purpose first; lesion details only for medical members."""
    purpose = request.GET.get("purpose", "")
    try:
        allegation = get_allegation_for_user(request.user, public_id, purpose)
    except PurposeRequired:
        return render(request, "components/purpose_required.html", {})
    medical = request.user.has_perm(VIEW_MEDICAL) or request.user.has_perm(VIEW_SECRET_TIER)
    return render(
        request,
        "monitoring/allegation_detail.html",
        {
            "allegation": allegation,
            "lesions": allegation.lesions.all(),
            "medical": medical,
            "can_manage": request.user.has_perm(MANAGE),
            "can_document": request.user.has_perm(VIEW_MEDICAL),
            "referral": f.ReferralForm(),
            "medical_form": f.MedicalForm(),
        },
    )


@require_POST
def allegation_action(request, public_id, action):
    if action not in ("consent", "not_referred", "refer", "medical"):
        raise Http404
    purpose = request.POST.get("purpose", "")
    try:
        allegation = get_allegation_for_user(request.user, public_id, purpose)
    except PurposeRequired as exc:
        raise PermissionDenied from exc
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    try:
        if action == "consent":
            services.capture_consent(
                request.user, allegation, exam=request.POST.get("exam") == "on", refer=request.POST.get("refer") == "on"
            )
        elif action == "not_referred":
            services.keep_unreferred(request.user, allegation, request.POST.get("reason", ""))
        elif action == "refer":
            form = f.ReferralForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose the body and the date of the referral."))
            services.refer_allegation(request.user, allegation, to=form.cleaned_data["to"], on=form.cleaned_data["on"])
        else:
            form = f.MedicalForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give the date of the examination and describe each lesion."))
            services.document_medical(
                request.user, allegation, examined_on=form.cleaned_data["examined_on"], lesions=form.lesions()
            )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect(
        reverse("monitoring:allegation_detail", args=[allegation.public_id]) + "?" + urlencode({"purpose": purpose})
    )


@login_not_required
def calendar_feed(request, token):
    """For calendar applications, which cannot sign in: the token (scope "calendar") is the key."""
    record = user_for_token(token, scope="calendar")
    if record is None:
        raise Http404
    response = HttpResponse(calendar.feed(record.user, request.build_absolute_uri("/")), content_type="text/calendar")
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def calendar_link(request):
    """Create a new personal feed address (shown once) and revoke the earlier ones."""
    for old in ApiToken.objects.filter(user=request.user, scope="calendar", revoked_at__isnull=True):
        revoke_api_token(request.user, old)
    token = create_api_token(request.user, request.user, "calendar feed", scope="calendar")
    # One key, two feeds: the visits and deadlines (this app) and the outreach events.
    urls = {
        "visits": request.build_absolute_uri(reverse("monitoring:calendar_feed", args=[token])),
        "events": request.build_absolute_uri(reverse("outreach:calendar_feed", args=[token])),
    }
    return render(request, "monitoring/calendar_link.html", {"urls": urls})


def plan_list(request):
    """Annual visit plans: secret tier (they reveal unannounced visits) — the NPM lead and the
    Commissioner."""
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    plans = VisitPlan.objects.visible_to(request.user)
    return render(request, "monitoring/plan_list.html", {"plans": plans, "form": f.PlanForm()})


@require_POST
def plan_create(request):
    if not (is_npm_lead(request.user) or request.user.has_perm(VIEW_SECRET_TIER)):
        raise PermissionDenied
    form = f.PlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("monitoring:plan_list")
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        plan = services.create_plan(request.user, form.cleaned_data["year"], form.cleaned_data["title"])
        once.created(reverse("monitoring:plan_detail", args=[plan.public_id]))
    return redirect("monitoring:plan_detail", public_id=plan.public_id)


def plan_detail(request, public_id):
    plan = get_object_for_user(VisitPlan.objects, request.user, public_id, purpose="visit planning")
    if request.method == "POST":
        if not request.user.has_perm(MANAGE):
            raise PermissionDenied
        form = f.PlanItemForm(request.POST)
        if form.is_valid():
            with submit_once(request, form) as once:
                if once.done:
                    return once.done
                services.add_plan_item(request.user, plan, **form.cleaned_data)
                once.created(request.path)
            return redirect("monitoring:plan_detail", public_id=plan.public_id)
    else:
        form = f.PlanItemForm()
    items = plan.items.select_related("place").order_by("quarter", "place__name_az")
    return render(request, "monitoring/plan_detail.html", {"plan": plan, "items": items, "form": form})


@require_POST
def plan_item_visit(request, public_id):
    """Schedule the visit of a plan item (it keeps the item's place and type)."""
    item = PlanItem.objects.select_related("plan", "place").filter(public_id=public_id).first()
    if item is None:
        raise Http404
    get_object_for_user(VisitPlan.objects, request.user, item.plan.public_id, purpose="visit planning")
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    if hasattr(item, "visit"):
        return redirect(item.visit.get_absolute_url())
    form = f.DateOnlyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the date of the visit."))
        return redirect("monitoring:plan_detail", public_id=item.plan.public_id)
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:
            visit = services.schedule_visit(
                request.user,
                place=item.place,
                unit=request.user.org_unit,
                visit_type=item.visit_type,
                planned_date=form.cleaned_data["planned_date"],
                plan_item=item,
                announced=False,
                objectives=item.theme,
                team=[(request.user, "leader")],
            )
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            return redirect("monitoring:plan_detail", public_id=item.plan.public_id)
        once.created(visit.get_absolute_url())
    return redirect(visit.get_absolute_url())


def _step_prefix(case: ReprisalCase) -> str:
    return f"rs-{case.public_id.hex[:8]}"  # one form per case on the page; no sequential ids in the HTML


def _with_step_forms(cases):
    cases = list(cases)
    for case in cases:
        case.step_form = f.ReprisalStepForm(prefix=_step_prefix(case))
    return cases


@require_POST
def reprisal_advance(request, public_id):
    case = get_object_for_user(
        ReprisalCase.objects.select_related("visit"), request.user, public_id, purpose="reprisal follow-up"
    )
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    form = f.ReprisalStepForm(request.POST, prefix=_step_prefix(case))
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose the next step."))
        services.advance_reprisal(request.user, case, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect(case.visit.get_absolute_url() if case.visit else "monitoring:visit_list")

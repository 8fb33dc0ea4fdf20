"""Thin views of the recommendations app: parse → funnel → service → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.accounts.scoping import get_object_for_user
from ombuds.complaints.models import Application
from ombuds.core import audit
from ombuds.core.actions import add_service_errors, run_action
from ombuds.core.documents import DOCX, PDF, attachment, letter_docx, letter_pdf
from ombuds.core.models import Attachment
from ombuds.core.once import submit_once
from ombuds.core.uploads import download_response
from ombuds.monitoring.models import Visit
from ombuds.monitoring.report import GuardFailure
from ombuds.recommendations import choices as c
from ombuds.recommendations import forms as f
from ombuds.recommendations import letters, services
from ombuds.recommendations.models import AuthorityResponse, Recommendation
from ombuds.recommendations.permissions import ISSUE, MANAGE, PUBLISH, may_use_register


def get_recommendation_for_user(user, public_id, *, write: bool = False) -> Recommendation:
    """The section first (403 to roles without it), then the record's scope (404, as missing)."""
    if not may_use_register(user):
        raise PermissionDenied
    return get_object_for_user(
        Recommendation.objects.select_related(
            "addressee", "unit", "right", "responsible", "issued_by", "repeats", "visit__place", "application"
        ),
        user,
        public_id,
        write=write,
    )


def recommendation_detail(request, public_id):
    return _page(request, get_recommendation_for_user(request.user, public_id))


def _visible_visit_ids(user, ids) -> set[int]:
    ids = {pk for pk in ids if pk}
    if not ids:
        return set()
    return set(Visit.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def _page(request, rec: Recommendation, bound: dict | None = None):
    """The recommendation page; `bound` holds an action form redrawn with its input."""
    user = request.user
    offered = offered_actions(user, rec)
    forms = {name: _action_form(name, rec, user) for name in ACTIONS if name in offered}
    forms.update(bound or {})
    history = list(rec.history.select_related("response", "visit__place", "document", "created_by"))
    checks = list(rec.checks.select_related("visit__place"))
    responses = list(rec.responses.all())
    files: dict[int, list[Attachment]] = {}
    for file in Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(AuthorityResponse),
        object_id__in=[r.pk for r in responses],
    ):
        files.setdefault(file.object_id, []).append(file)
    for response in responses:
        response.files = files.get(response.pk, [])
    # Links only to what the reader may open; the rest is named without a link.
    visits = _visible_visit_ids(user, [rec.visit_id, *(h.visit_id for h in history), *(k.visit_id for k in checks)])
    linked = {
        "visit": rec.visit_id in visits,
        "application": bool(rec.application_id)
        and Application.objects.visible_to(user).filter(pk=rec.application_id).exists(),
        "repeats": bool(rec.repeats_id) and Recommendation.objects.visible_to(user).filter(pk=rec.repeats_id).exists(),
    }
    for line in history:
        line.visit_linked = line.visit_id in visits
    for check in checks:
        check.visit_linked = check.visit_id in visits
    sent = next((h.document for h in reversed(history) if h.new_status == c.Status.ISSUED and h.document_id), None)
    is_draft = rec.status == c.Status.DRAFT
    return render(
        request,
        "recommendations/detail.html",
        {
            "rec": rec,
            "history": history,
            "responses": responses,
            "escalations": rec.escalations.all(),
            "checks": checks,
            "findings": rec.findings.all() if linked["visit"] else [],
            "places": rec.places.select_related("district"),
            "repeated_by": Recommendation.objects.visible_to(user).filter(repeats=rec).order_by("year", "sequence"),
            "linked": linked,
            "texts": [(code, label, getattr(rec, f"text_{code}")) for code, label in f.LANGUAGES],
            "smart": [(label, bool(rec.smart.get(key))) for key, label in c.SMART],
            "warnings": services.smart_warnings(rec) if is_draft else [],
            "letter_languages": letters.available_languages(rec),
            "sent_letter": sent,
            "forms": forms,
        },
    )


def _publish(user, rec: Recommendation, data) -> None:
    if rec.is_published:
        raise ValidationError(_("It is already published."))
    try:
        services.publish_recommendation(user, rec)
    except GuardFailure as exc:
        raise ValidationError(
            _(
                "The recommendation would name an interviewee who has not consented to publication: "
                "%(where)s, field “%(field)s”."
            )
            % {"where": exc.where, "field": exc.field}
        ) from exc


def _unpublish(user, rec: Recommendation, data) -> None:
    if not rec.is_published:
        raise ValidationError(_("It is not published."))
    services.unpublish_recommendation(user, rec, data["reason"])


def _outcome(user, rec: Recommendation, d) -> None:
    services.record_outcome(
        user,
        rec,
        d["status"],
        evidence=d["evidence"],
        happened_on=d["happened_on"],
        note=d["note"],
        visit=d["visit"] if d["evidence"] == c.Evidence.FOLLOW_UP_VISIT else None,
        uploaded=d["file"] if d["evidence"] == c.Evidence.DOCUMENT else None,
    )


# action name -> (form class, call of the service with the cleaned data); the order is the page's.
ACTIONS = {
    "edit": (f.DraftEditForm, lambda u, r, d: services.update_draft(u, r, version=d.pop("version"), **d)),
    "issue": (
        f.IssueForm,
        lambda u, r, d: services.issue_recommendation(
            u, r, language=d["language"], due_date=d["due_date"], due_reason=d["due_reason"]
        ),
    ),
    "response": (
        f.ResponseForm,
        lambda u, r, d: services.record_response(
            u,
            r,
            stance=d["stance"],
            received_on=d["received_on"],
            text=d["text"],
            channel=d["channel"],
            reference=d["reference"],
            uploaded=d["file"],
        ),
    ),
    "outcome": (f.OutcomeForm, _outcome),
    "escalation": (
        f.EscalationForm,
        lambda u, r, d: services.record_escalation(u, r, d["step"], taken_on=d["taken_on"], note=d["note"]),
    ),
    "repeat": (f.EmptyForm, lambda u, r, d: services.repeat_recommendation(u, r)),
    "irrelevant": (f.ReasonForm, lambda u, r, d: services.mark_no_longer_relevant(u, r, d["reason"])),
    "publish": (f.EmptyForm, _publish),
    "unpublish": (f.ReasonForm, _unpublish),
}
ACTION_PERMISSIONS = {"issue": ISSUE, "publish": PUBLISH, "unpublish": PUBLISH}  # the others: MANAGE
REC_FORMS = (f.IssueForm, f.OutcomeForm)  # their choices depend on the recommendation


def offered_actions(user, rec: Recommendation) -> set[str]:
    """What the page offers: the state machine's next steps (choices.TRANSITIONS, the same the
    services check) that the user's permissions allow."""
    status = rec.status
    is_open = status != c.Status.DRAFT and status not in c.CLOSED
    offered = set()
    if user.has_perm(MANAGE):
        offered |= {"edit"} if status == c.Status.DRAFT else set()
        offered |= {"response", "escalation"} if is_open else set()
        offered |= {"outcome"} if f.outcome_targets(status) else set()
        offered |= {"repeat"} if status in c.REPEATABLE else set()
        offered |= {"irrelevant"} if c.Status.NO_LONGER_RELEVANT in c.TRANSITIONS[status] else set()
    if user.has_perm(ISSUE) and status == c.Status.DRAFT:
        offered.add("issue")
    if user.has_perm(PUBLISH) and status != c.Status.DRAFT:
        offered.add("unpublish" if rec.is_published else "publish")
    return offered


def _form_kwargs(form_class, rec: Recommendation, user) -> dict:
    if form_class is f.OutcomeForm:
        return {"rec": rec, "user": user}
    return {"rec": rec} if form_class in REC_FORMS else {}


def _action_form(name: str, rec: Recommendation, user):
    form_class = ACTIONS[name][0]
    kwargs = _form_kwargs(form_class, rec, user)
    if form_class is f.DraftEditForm:
        kwargs["initial"] = f.DraftEditForm.initial_for(rec)
    return form_class(prefix=name, **kwargs)


@require_POST
def recommendation_action(request, public_id, action):
    if action not in ACTIONS:
        raise Http404
    rec = get_recommendation_for_user(request.user, public_id)
    if not request.user.has_perm(ACTION_PERMISSIONS.get(action, MANAGE)):
        raise PermissionDenied  # before the form: no form errors for someone who may not act
    if action not in offered_actions(request.user, rec):
        messages.error(request, _("This step is not possible in the recommendation's present state."))
        return redirect(rec.get_absolute_url())
    form_class, call = ACTIONS[action]
    form = form_class(request.POST, request.FILES, prefix=action, **_form_kwargs(form_class, rec, request.user))

    def redraw(bound):  # the page as it is now, the person's input kept
        rec.refresh_from_db()
        return _page(request, rec, {action: bound})

    if action == "repeat":
        return _repeat(request, rec, form)
    return run_action(request, rec, form, call, redraw=redraw, keep_input=True)


def _repeat(request, rec: Recommendation, form):
    """A new draft linked to this one; the person goes on to edit it."""
    if not form.is_valid():
        messages.error(request, _("This form was open for too long or was changed. Check it and submit it again."))
        return redirect(rec.get_absolute_url())
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:
            new = services.repeat_recommendation(request.user, rec)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            return redirect(rec.get_absolute_url())
        once.created(new.get_absolute_url())
    messages.success(request, _("Draft %(number)s repeats %(old)s.") % {"number": new.number, "old": rec.number})
    return redirect(new.get_absolute_url())


def recommendation_new(request):
    """A draft from a thematic report or the annual report."""
    if not request.user.has_perm(MANAGE):
        raise PermissionDenied
    form = f.NewFromReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                rec = services.draft_recommendation(request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                once.created(rec.get_absolute_url())
        if not form.errors:
            messages.success(request, _("Draft %(number)s saved.") % {"number": rec.number})
            return redirect(rec.get_absolute_url())
    return render(request, "recommendations/new.html", {"form": form})


def recommendation_letter(request, public_id, fmt):
    """The letter to the addressee as PDF or DOCX, in the recommendation's letter language unless
    another one with a text is asked for."""
    if fmt not in ("pdf", "docx"):
        raise Http404
    rec = get_recommendation_for_user(request.user, public_id)
    language = request.GET.get("lang") or rec.letter_language
    try:
        letter = letters.build(rec, language)
    except letters.NotAvailable as exc:
        raise Http404 from exc
    audit.record(
        "recommendations.recommendation.letter_generated",
        actor=request.user,
        obj=rec,
        changes={"format": fmt, "language": language},
    )
    name = letters.filename(rec, language, fmt)
    if fmt == "pdf":
        return attachment(letter_pdf(letter), name, PDF)
    return attachment(letter_docx(letter), name, DOCX)


def recommendation_file(request, public_id, attachment_id):
    """A file of the recommendation (the letter sent, a document of evidence) or of one of its
    responses: the recommendation's funnel decides, then the file must belong to it."""
    rec = get_recommendation_for_user(request.user, public_id)
    types = ContentType.objects.get_for_models(Recommendation, AuthorityResponse)
    owned = Q(content_type=types[Recommendation], object_id=rec.pk) | Q(
        content_type=types[AuthorityResponse], object_id__in=rec.responses.values("pk")
    )
    file = Attachment.objects.filter(owned, public_id=attachment_id).first()
    if file is None:
        raise Http404
    audit.record("core.attachment.downloaded", actor=request.user, obj=rec, changes={"attachment": str(attachment_id)})
    return download_response(file)

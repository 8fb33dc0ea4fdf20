"""The staff pages of the portal's news under /portal/news/: the list with each item's status and
the outreach news drafts not yet made into items, a new item, the edit page (texts in three
languages, images with their text alternatives) and the review actions. Every page needs EDIT;
the services check PUBLISH for returning, publishing and withdrawing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.core.actions import add_service_errors, run_action
from ombuds.core.exceptions import Conflict
from ombuds.core.once import submit_once
from ombuds.core.services import require
from ombuds.core.uploads import storage_name
from ombuds.core.versions import CONFLICT, show_conflict, versioned_initial
from ombuds.outreach.models import NewsDraft
from ombuds.portal import news_forms as f
from ombuds.portal.models import NewsImage, NewsItem, NewsTag
from ombuds.portal.permissions import EDIT, PUBLISH, may_publish
from ombuds.portal.services import news as services
from ombuds.portal.services.news import FIELDS, IMAGE_TYPES

LIST_SIZE = 200
FORM_FIELDS = [name for name in FIELDS if name != "reads_before"]


def _item(public_id) -> NewsItem:
    return get_object_or_404(NewsItem.objects.select_related("event", "region"), public_id=public_id)


@permission_required(EDIT, raise_exception=True)
def news_list(request):
    items = (
        NewsItem.objects.select_related("region")
        .prefetch_related(Prefetch("tags", queryset=NewsTag.objects.all()))
        .order_by("-created_at", "-pk")[:LIST_SIZE]
    )
    drafts = (
        NewsDraft.objects.filter(~Exists(NewsItem.objects.filter(source_draft=OuterRef("pk"))))
        .select_related("event")
        .order_by("-event__starts_at")
    )
    return render(
        request, "portal/news/staff_list.html", {"items": items, "drafts": drafts, "draft_form": f.DraftForm()}
    )


@permission_required(EDIT, raise_exception=True)
def news_create(request):
    form = f.NewsCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with submit_once(request, form) as once:
            if once.done:
                return once.done
            try:
                item = services.create_item(
                    request.user, tags=data["tags"], **{name: data[name] for name in FORM_FIELDS}
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                once.created(item.get_absolute_url())
        if not form.errors:
            messages.success(request, _("The news item is saved as a draft."))
            return redirect(item.get_absolute_url())
    return render(request, "portal/news/staff_new.html", {"form": form}, status=400 if form.errors else 200)


def _edit_page(request, item: NewsItem, bound: dict | None = None, status: int = 200):
    initial = {name: getattr(item, name) for name in FORM_FIELDS}
    forms = {
        "edit": f.NewsEditForm(initial=versioned_initial(item, tags=list(item.tags.all()), **initial)),
        "image": f.ImageForm(prefix="image"),
        "submit": f.EmptyForm(prefix="submit"),
        "return": f.ReturnForm(prefix="return"),
        "publish": f.PublishForm(prefix="publish", initial={"published_on": item.published_on}),
        "withdraw": f.EmptyForm(prefix="withdraw"),
        **(bound or {}),
    }
    context = {
        "item": item,
        "forms": forms,
        "images": item.images.select_related("attachment"),
        "languages": item.languages(),
        "may_publish": may_publish(request.user),
        "remove_form": f.EmptyForm(),
    }
    return render(request, "portal/news/staff_edit.html", context, status=status)


@permission_required(EDIT, raise_exception=True)
def news_edit(request, public_id):
    item = _item(public_id)
    if request.method != "POST":
        return _edit_page(request, item)
    form = f.NewsEditForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.update_item(
                request.user,
                item,
                version=form.read_version(),
                tags=data["tags"],
                **{name: data[name] for name in FORM_FIELDS},
            )
        except Conflict as exc:
            show_conflict(form, exc)
            item.refresh_from_db()
            return _edit_page(request, item, {"edit": form}, status=CONFLICT)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(item.get_absolute_url())
    return _edit_page(request, item, {"edit": form}, status=400)


ACTIONS = {
    "submit": (f.EmptyForm, EDIT, lambda u, item, d: services.submit_item(u, item)),
    "return": (f.ReturnForm, PUBLISH, lambda u, item, d: services.return_item(u, item, reason=d["reason"])),
    "publish": (f.PublishForm, PUBLISH, lambda u, item, d: services.publish_item(u, item, on=d["published_on"])),
    "withdraw": (f.EmptyForm, PUBLISH, lambda u, item, d: services.withdraw_item(u, item)),
    "image": (f.ImageForm, EDIT, lambda u, item, d: services.add_image(u, item, d.pop("file"), **d)),
}


@require_POST
@permission_required(EDIT, raise_exception=True)
def news_action(request, public_id, action):
    if action not in ACTIONS:
        raise Http404
    item = _item(public_id)
    form_class, permission, call = ACTIONS[action]
    require(request.user, permission)  # before the form: no form errors for someone who may not act
    form = form_class(request.POST, request.FILES, prefix=action)

    def redraw(bound):
        item.refresh_from_db()
        return _edit_page(request, item, {action: bound}, status=400)

    def act(user, record, data):
        data = {k: v for k, v in data.items() if k != "once"}
        return call(user, record, data)

    return run_action(request, item, form, act, redraw, keep_input=action == "image")


@require_POST
@permission_required(EDIT, raise_exception=True)
def news_image_remove(request, public_id, image_id):
    item = _item(public_id)
    image = get_object_or_404(NewsImage, news=item, public_id=image_id)
    try:
        services.remove_image(request.user, image)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("The image was removed."))
    return redirect(item.get_absolute_url())


@permission_required(EDIT, raise_exception=True)
def news_image(request, public_id, image_id):
    """An item's image for its editors, whatever the item's status (the public see published ones)."""
    image = get_object_or_404(
        NewsImage.objects.select_related("attachment"),
        news__public_id=public_id,
        public_id=image_id,
        attachment__mime_type__in=IMAGE_TYPES,
    )
    response = FileResponse(default_storage.open(storage_name(image.attachment.stored_name), "rb"))
    response["Content-Type"] = image.attachment.mime_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
@permission_required(EDIT, raise_exception=True)
def news_from_draft(request, draft_id):
    """A news item from an outreach news draft (its texts, event and region), opened for editing."""
    draft = get_object_or_404(NewsDraft, public_id=draft_id)
    form = f.DraftForm(request.POST)
    form.is_valid()  # only the one-time token: a second click goes to the item the first one made
    with submit_once(request, form) as once:
        if once.done:
            return once.done
        try:
            item = services.item_from_draft(request.user, draft)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
            return redirect("portal_staff:news_list")
        once.created(item.get_absolute_url())
    messages.success(request, _("A news item was made from the event's news draft. Check it and send it for review."))
    return redirect(item.get_absolute_url())


urlpatterns = [
    path("news/", news_list, name="news_list"),
    path("news/new/", news_create, name="news_create"),
    path("news/from-draft/<uuid:draft_id>/", news_from_draft, name="news_from_draft"),
    path("news/<uuid:public_id>/", news_edit, name="news_edit"),
    path("news/<uuid:public_id>/images/<uuid:image_id>", news_image, name="news_image"),
    path("news/<uuid:public_id>/images/<uuid:image_id>/remove", news_image_remove, name="news_image_remove"),
    path("news/<uuid:public_id>/<slug:action>/", news_action, name="news_action"),
]

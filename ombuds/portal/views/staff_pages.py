"""The staff pages that edit the portal's pages (/portal/pages/…): the list, editing in three
languages, a preview of what publishing would show, publishing, and the accessibility statement.
Thin: permission → service → redirect or redraw; a stale edit is redrawn with its input (409)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ombuds.core.actions import add_service_errors
from ombuds.core.exceptions import Conflict
from ombuds.core.versions import CONFLICT, show_conflict, versioned_initial
from ombuds.portal import forms_pages as f
from ombuds.portal.choices import PageSlug
from ombuds.portal.models import LANGUAGES, AccessibilityStatement, Page
from ombuds.portal.permissions import EDIT, PUBLISH, may_publish
from ombuds.portal.public import NATIVE_NAMES
from ombuds.portal.services import pages as services
from ombuds.portal.services.pages import STATEMENT_FIELDS, TEXT_FIELDS


def _slug(slug: str) -> str:
    if slug not in PageSlug.values:
        raise Http404
    return slug


def _unpublished_changes(page: Page | None) -> bool:
    if page is None:
        return False
    return any(page.published.get(name, "") != getattr(page, name) for name in TEXT_FIELDS)


@permission_required(EDIT, raise_exception=True)
def page_list(request):
    pages = {page.slug: page for page in Page.objects.select_related("published_by")}
    rows = [
        {"slug": slug, "label": label, "page": pages.get(slug), "changed": _unpublished_changes(pages.get(slug))}
        for slug, label in PageSlug.choices
    ]
    statement = AccessibilityStatement.objects.order_by("pk").first()
    return render(request, "portal/staff/page_list.html", {"rows": rows, "statement": statement})


@permission_required(EDIT, raise_exception=True)
def page_edit(request, slug):
    slug = _slug(slug)
    page = Page.objects.filter(slug=slug).first()
    initial = versioned_initial(page, **{n: getattr(page, n) for n in TEXT_FIELDS}) if page else {"version": 0}
    form = f.PageForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.edit_page(request.user, slug, version=data.pop("version"), **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        except Conflict as exc:  # someone saved the page since this form was drawn
            show_conflict(form, exc)
            status = CONFLICT
        else:
            messages.success(request, _("Saved. The public sees the page once it is published."))
            return redirect("portal_staff:page_preview", slug=slug)
    label = PageSlug(slug).label
    return render(request, "portal/staff/page_edit.html", {"form": form, "slug": slug, "label": label}, status=status)


@permission_required(EDIT, raise_exception=True)
def page_preview(request, slug):
    """What publishing would show, in each language, beside what the public sees now."""
    page = Page.objects.filter(slug=_slug(slug)).first()
    if page is None:
        return redirect("portal_staff:page_edit", slug=slug)
    names = dict(NATIVE_NAMES)
    texts = [
        {
            "code": code,
            "name": names[code],
            "title": getattr(page, f"title_{code}"),
            "body": getattr(page, f"body_{code}"),
        }
        for code in LANGUAGES
    ]
    context = {
        "page": page,
        "label": page.get_slug_display(),
        "texts": texts,
        "changed": _unpublished_changes(page),
        "may_publish": may_publish(request.user),
        "publish": f.PublishForm(initial=versioned_initial(page)),
    }
    return render(request, "portal/staff/page_preview.html", context)


@require_POST
@permission_required(PUBLISH, raise_exception=True)
def page_publish(request, slug):
    page = Page.objects.filter(slug=_slug(slug)).first()
    if page is None:
        raise Http404
    form = f.PublishForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("The form was not complete: open the preview again."))
        services.publish_page(request.user, page, version=form.read_version())
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    except Conflict:  # the preview showed an older text than the one that would be published
        messages.error(request, _("The text was changed after you opened the preview: read it again, then publish."))
    else:
        messages.success(request, _("Published."))
    return redirect("portal_staff:page_preview", slug=slug)


@permission_required(EDIT, raise_exception=True)
def statement_edit(request):
    statement = AccessibilityStatement.objects.order_by("pk").first()
    initial = (
        versioned_initial(statement, **{n: getattr(statement, n) for n in STATEMENT_FIELDS})
        if statement
        else {"standard": "WCAG 2.2 AA", "version": 0}
    )
    form = f.StatementForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.edit_statement(request.user, version=data.pop("version"), **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        except Conflict as exc:
            show_conflict(form, exc)
            status = CONFLICT
        else:
            messages.success(request, _("Saved. The public sees the statement once its page is published again."))
            return redirect("portal_staff:page_list")
    return render(request, "portal/staff/statement_edit.html", {"form": form, "statement": statement}, status=status)


urlpatterns = [
    path("pages/", page_list, name="page_list"),
    path("pages/accessibility-statement/", statement_edit, name="statement_edit"),
    path("pages/<slug:slug>/", page_edit, name="page_edit"),
    path("pages/<slug:slug>/preview/", page_preview, name="page_preview"),
    path("pages/<slug:slug>/publish/", page_publish, name="page_publish"),
]

"""The staff-edited pages and the accessibility statement.

A page is edited in place (title and text in az, en, ru) and published by copying its texts into
`Page.published`: the public reads only that copy, so an edit in progress never shows. The
accessibility statement is edited here too and published with the accessibility page: its fields
are copied into that page's published copy, and publishing is its yearly review (`reviewed_on`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.core import audit
from ombuds.core.services import check_version, lock_version, require, save
from ombuds.portal.choices import Compliance, PageSlug
from ombuds.portal.models import LANGUAGES, AccessibilityStatement, Page
from ombuds.portal.permissions import EDIT, PUBLISH

TEXT_FIELDS = tuple(f"{part}_{code}" for code in LANGUAGES for part in ("title", "body"))
STATEMENT_FIELDS = (
    "compliance",
    "standard",
    "non_accessible_az",
    "non_accessible_en",
    "non_accessible_ru",
    "method_az",
    "method_en",
    "method_ru",
    "feedback_email",
    "feedback_phone",
    "enforcement_az",
    "enforcement_en",
    "enforcement_ru",
)


def _clean_texts(texts: dict[str, Any]) -> dict[str, str]:
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"not a page field: {sorted(unknown)}")
    cleaned = {name: (value or "").strip() for name, value in texts.items()}
    errors = {}
    for code in LANGUAGES:
        title, body = cleaned.get(f"title_{code}"), cleaned.get(f"body_{code}")
        if title is None or body is None:
            continue
        # A language is there with both its title and its text, or not at all: half a page would
        # be published as a page with no heading, or a heading over nothing.
        if title and not body:
            errors[f"body_{code}"] = _("Write the text for this title, or leave the title empty too.")
        elif body and not title:
            errors[f"title_{code}"] = _("Give this text a title, or leave the text empty too.")
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def edit_page(actor, slug: str, *, version: int | None = None, **texts: str) -> Page:
    """Save the titles and texts of a page (made on its first edit). Nothing is public until
    `publish_page`. `version`: the one the editor read (0: the page did not exist yet); a newer
    one is a Conflict."""
    require(actor, EDIT)
    if slug not in PageSlug.values:
        raise ValidationError(_("There is no such page."))
    texts = _clean_texts(texts)
    page = Page.objects.select_for_update().filter(slug=slug).first()
    if page is None:
        page = Page(slug=slug, created_by=actor, updated_by=actor, **texts)
        page.save()
        audit.record("portal.page.created", actor=actor, obj=page, changes={k: [None, v] for k, v in texts.items()})
        return page
    check_version(page, version)
    changes = {name: [getattr(page, name), value] for name, value in texts.items() if getattr(page, name) != value}
    if not changes:
        return page
    for name in changes:
        setattr(page, name, texts[name])
    save(page, actor, *changes)
    audit.record("portal.page.edited", actor=actor, obj=page, changes=changes)
    return page


@transaction.atomic
def publish_page(actor, page: Page, *, version: int | None = None) -> Page:
    """Publish what the page says now: its texts are copied into `published`, which is all the
    public sees. The accessibility page takes the statement with it and marks it reviewed today."""
    require(actor, PUBLISH)
    page = lock_version(page, version)
    if not page.languages():
        raise ValidationError(_("Write the title and the text in at least one language before publishing."))
    published: dict[str, Any] = {name: getattr(page, name) for name in TEXT_FIELDS}
    if page.slug == PageSlug.ACCESSIBILITY:
        published["statement"] = _review_statement(actor)
    changes = {"published": [page.published, published]}
    page.published, page.published_at, page.published_by = published, timezone.now(), actor
    save(page, actor, "published", "published_at", "published_by")
    audit.record("portal.page.published", actor=actor, obj=page, changes=changes)
    return page


def _review_statement(actor) -> dict[str, Any]:
    statement = AccessibilityStatement.objects.select_for_update().order_by("pk").first()
    if statement is None:
        raise ValidationError(_("Fill in the accessibility statement before publishing its page."))
    today = timezone.localdate()
    if statement.reviewed_on != today:
        old = statement.reviewed_on
        statement.reviewed_on = today
        save(statement, actor, "reviewed_on")
        audit.record(
            "portal.accessibilitystatement.reviewed",
            actor=actor,
            obj=statement,
            changes={"reviewed_on": [old.isoformat(), today.isoformat()]},
        )
    snapshot: dict[str, Any] = {name: getattr(statement, name) for name in STATEMENT_FIELDS}
    snapshot["prepared_on"] = statement.prepared_on.isoformat()
    snapshot["reviewed_on"] = statement.reviewed_on.isoformat()
    return snapshot


@transaction.atomic
def edit_statement(actor, *, version: int | None = None, **fields: Any) -> AccessibilityStatement:
    """Save the accessibility statement (one row, made on its first edit, prepared today). The
    public sees it once the accessibility page is published again. `version` as for `edit_page`."""
    require(actor, EDIT)
    unknown = set(fields) - set(STATEMENT_FIELDS)
    if unknown:
        raise TypeError(f"not a statement field: {sorted(unknown)}")
    fields = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    if "compliance" in fields and fields["compliance"] not in Compliance.values:
        raise ValidationError({"compliance": _("Choose a compliance status.")})
    statement = AccessibilityStatement.objects.select_for_update().order_by("pk").first()
    if statement is None:
        today = timezone.localdate()
        statement = AccessibilityStatement(
            prepared_on=today, reviewed_on=today, created_by=actor, updated_by=actor, **fields
        )
        statement.save()
        audit.record("portal.accessibilitystatement.created", actor=actor, obj=statement)
        return statement
    check_version(statement, version)
    changes = {
        name: [getattr(statement, name), value] for name, value in fields.items() if getattr(statement, name) != value
    }
    if not changes:
        return statement
    for name in changes:
        setattr(statement, name, fields[name])
    save(statement, actor, *changes)
    audit.record("portal.accessibilitystatement.edited", actor=actor, obj=statement, changes=changes)
    return statement

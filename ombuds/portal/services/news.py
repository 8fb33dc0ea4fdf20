"""The only doorway that changes news items.

Awareness staff (and anyone with EDIT) write an item and send it for review; a department head
or the Commissioner (PUBLISH) returns it to its author or publishes it, and may withdraw it later.
An item is edited while it is a draft (a publisher may still correct it in review); a published
item is withdrawn and returned to draft before it changes, so the public never sees an unreviewed
text. `count_read` is the one service a public visitor calls (through `ombuds/portal/reads.py`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ombuds.core import audit, uploads
from ombuds.core.services import lock, lock_version, move, require, save
from ombuds.outreach import services as outreach_services
from ombuds.outreach.models import NewsDraft
from ombuds.portal.choices import NEWS_TRANSITIONS, NewsStatus
from ombuds.portal.models import LANGUAGES, NewsImage, NewsItem, NewsTag
from ombuds.portal.permissions import EDIT, PUBLISH

TEXT_FIELDS = tuple(f"{part}_{code}" for part in ("title", "body", "summary") for code in LANGUAGES)
FIELDS = (*TEXT_FIELDS, "slug", "region", "event", "reads_before")
IMAGE_TYPES = {"image/jpeg", "image/png"}  # what a browser shows inline; anything else is a document
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Letters of the Azerbaijani alphabet that NFKD does not reduce to ASCII.
_AZ_ASCII = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "İ": "i"})


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"not a news item field: {sorted(unknown)}")
    cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    if "slug" in cleaned and not _SLUG.match(cleaned["slug"] or ""):
        raise ValidationError(
            {"slug": _("Use small Latin letters, digits and hyphens only, for example “training-12-march”.")}
        )
    return cleaned


def _check_slug(slug: str, item: NewsItem | None = None) -> None:
    taken = NewsItem.objects.filter(slug=slug)
    if item is not None:
        taken = taken.exclude(pk=item.pk)
    if taken.exists():
        raise ValidationError({"slug": _("Another news item already has this address.")})


def _check_titles(item: NewsItem) -> None:
    if not any(getattr(item, f"title_{code}") for code in LANGUAGES):
        raise ValidationError({"title_az": _("Give a title in at least one language.")})


def _check_complete(item: NewsItem) -> None:
    """What review and publication need: one language with both title and text, and the images
    described in every language the item is written in."""
    if not item.languages():
        raise ValidationError(_("Write the title and the text in at least one language."))
    for image in item.images.all():
        missing = [code for code in item.languages() if not getattr(image, f"alt_{code}")]
        if missing:
            raise ValidationError(
                _("Describe the image “%(name)s” in every language of the item (missing: %(languages)s).")
                % {"name": image.attachment.original_name, "languages": ", ".join(missing)}
            )


def _editable(actor: Any, item: NewsItem) -> None:
    """A draft is edited by its writers; an item in review only by a publisher (a last correction)."""
    if item.status == NewsStatus.DRAFT:
        return
    if item.status == NewsStatus.IN_REVIEW:
        require(actor, PUBLISH)
        return
    raise ValidationError(_("A published or withdrawn item is returned to draft before it is changed."))


@transaction.atomic
def create_tag(actor: Any, *, code: str, name_az: str, name_en: str = "", name_ru: str = "") -> NewsTag:
    """A topic news items can be filed under (and followed by, through its feed)."""
    require(actor, EDIT)
    if not _SLUG.match(code):
        raise ValidationError({"code": _("Use small Latin letters, digits and hyphens only.")})
    if NewsTag.objects.filter(code=code).exists():
        raise ValidationError({"code": _("This topic exists already.")})
    if not name_az.strip():
        raise ValidationError({"name_az": _("Give the name in Azerbaijani.")})
    tag = NewsTag.objects.create(code=code, name_az=name_az.strip(), name_en=name_en.strip(), name_ru=name_ru.strip())
    audit.record("portal.newstag.created", actor=actor, obj=tag, changes={"code": code})
    return tag


@transaction.atomic
def create_item(actor: Any, *, slug: str, tags: Iterable[NewsTag] = (), **fields: Any) -> NewsItem:
    """A new draft news item; any language may be left empty until it is sent for review."""
    require(actor, EDIT)
    fields = _clean({"slug": slug, **fields})
    item = NewsItem(**fields, created_by=actor, updated_by=actor)
    _check_titles(item)
    _check_slug(item.slug)
    item.save()
    item.tags.set(list(tags))
    audit.record("portal.newsitem.created", actor=actor, obj=item, changes={"slug": item.slug})
    return item


@transaction.atomic
def update_item(
    actor: Any, item: NewsItem, *, version: int | None = None, tags: Iterable[NewsTag] | None = None, **fields: Any
) -> NewsItem:
    """Change a draft's texts, address, region, event or tags; `version` is the one the editor read."""
    require(actor, EDIT)
    item = lock_version(item, version)
    _editable(actor, item)
    fields = _clean(fields)
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        old = getattr(item, name)
        if old != value:
            changes[name] = [str(old) if old is not None else None, str(value) if value is not None else None]
            setattr(item, name, value)
    _check_titles(item)
    if "slug" in changes:
        _check_slug(item.slug, item)
    if tags is not None:
        tags = list(tags)
        old_tags = sorted(item.tags.values_list("code", flat=True))
        new_tags = sorted(tag.code for tag in tags)
        if old_tags != new_tags:
            changes["tags"] = [old_tags, new_tags]
            item.tags.set(tags)
    if changes:
        save(item, actor, *[name for name in fields if name in changes])
        audit.record("portal.newsitem.updated", actor=actor, obj=item, changes=changes)
    return item


@transaction.atomic
def add_image(
    actor: Any, item: NewsItem, uploaded: Any, *, alt_az: str = "", alt_en: str = "", alt_ru: str = ""
) -> NewsImage:
    """An image (JPEG or PNG, through the safe upload) with its text alternative in every language
    the item is written in (Azerbaijani at least while none is complete)."""
    require(actor, EDIT)
    item = lock(item)
    _editable(actor, item)
    alts = {"alt_az": alt_az.strip(), "alt_en": alt_en.strip(), "alt_ru": alt_ru.strip()}
    needed = item.languages() or ["az"]
    missing = {f"alt_{code}": _("Describe the image in this language.") for code in needed if not alts[f"alt_{code}"]}
    if missing:
        raise ValidationError(missing)
    _ext, mime = uploads.check(uploaded)
    if mime not in IMAGE_TYPES:
        raise ValidationError({"file": _("An image must be a JPEG or PNG file.")})
    attachment = uploads.store(actor, item, uploaded)
    order = item.images.count()
    image = NewsImage.objects.create(
        news=item, attachment=attachment, sort_order=order, created_by=actor, updated_by=actor, **alts
    )
    audit.record("portal.newsitem.image_added", actor=actor, obj=item, changes={"image": str(image.public_id)})
    return image


@transaction.atomic
def remove_image(actor: Any, image: NewsImage) -> None:
    """Take an image off the item (the stored file stays, as every attachment does, for the trail)."""
    require(actor, EDIT)
    item = lock(image.news)
    _editable(actor, item)
    public_id = str(image.public_id)
    NewsImage.objects.filter(pk=image.pk).delete()
    audit.record("portal.newsitem.image_removed", actor=actor, obj=item, changes={"image": public_id})


def _move(actor: Any, item: NewsItem, target: str, verb: str, *fields: str, **changes: Any) -> NewsItem:
    """Apply a transition of NEWS_TRANSITIONS, save it with `fields` and record it."""
    old = move(item, target, NEWS_TRANSITIONS)
    save(item, actor, "status", *fields)
    record = {"status": [old, target], **{k: str(v) if v is not None else None for k, v in changes.items()}}
    audit.record(f"portal.newsitem.{verb}", actor=actor, obj=item, changes=record)
    return item


@transaction.atomic
def submit_item(actor: Any, item: NewsItem) -> NewsItem:
    """Send a draft for review; it must be publishable as it stands."""
    require(actor, EDIT)
    item = lock(item)
    _check_complete(item)
    return _move(actor, item, NewsStatus.IN_REVIEW, "submitted")


@transaction.atomic
def return_item(actor: Any, item: NewsItem, *, reason: str = "") -> NewsItem:
    """Send an item in review (or a withdrawn one) back to draft, saying why."""
    require(actor, PUBLISH)
    return _move(actor, lock(item), NewsStatus.DRAFT, "returned", reason=reason.strip())


@transaction.atomic
def publish_item(actor: Any, item: NewsItem, *, on: date | None = None) -> NewsItem:
    """Publish a reviewed item, dated `on` (today in Baku unless the item or the caller says
    otherwise). An item made from an outreach news draft marks that draft published."""
    require(actor, PUBLISH)
    item = lock(item)
    _check_complete(item)
    item.published_on = on or item.published_on or timezone.localdate()
    item.reviewed_by = item.published_by = actor
    _move(
        actor,
        item,
        NewsStatus.PUBLISHED,
        "published",
        "published_on",
        "reviewed_by",
        "published_by",
        published_on=item.published_on,
    )
    if item.source_draft_id:
        outreach_services.mark_news_published(actor, NewsDraft.objects.get(pk=item.source_draft_id))
    return item


@transaction.atomic
def withdraw_item(actor: Any, item: NewsItem) -> NewsItem:
    """Take a published item off the site (its address answers 404 from then on)."""
    require(actor, PUBLISH)
    return _move(actor, lock(item), NewsStatus.WITHDRAWN, "withdrawn")


def _slug_for(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title.translate(_AZ_ASCII)).encode("ascii", "ignore").decode()
    base = slugify(ascii_title)[:80].strip("-") or f"news-{timezone.localdate().isoformat()}"
    slug, n = base, 1
    while NewsItem.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def item_from_draft(actor: Any, draft: NewsDraft) -> NewsItem:
    """A draft news item from an outreach news draft: its texts, its event (and the event's
    region), and a link back to the draft, which is marked published when the item is."""
    require(actor, EDIT)
    draft = lock(draft)
    if NewsItem.objects.filter(source_draft=draft).exists():
        raise ValidationError(_("A news item was already made from this draft."))
    event = draft.event
    texts = {f"{part}_{code}": getattr(draft, f"{part}_{code}") for part in ("title", "body") for code in LANGUAGES}
    item = NewsItem.objects.create(
        **texts,
        slug=_slug_for(draft.title_en or draft.title_az),
        event=event,
        region=event.region,
        source_draft=draft,
        created_by=actor,
        updated_by=actor,
    )
    audit.record("portal.newsitem.made_from_draft", actor=actor, obj=item, changes={"draft": str(draft.public_id)})
    return item


def count_read(item_id: int) -> bool:
    """One more read of a published item (True if counted). Called by a public visitor, so no
    actor and no audit event: the audit trail keeps the requester's IP address, which a read must
    never leave behind (the de-duplication in reads.py decides whether this read counts). One
    UPDATE with F(): concurrent reads never overwrite each other, and the row's version is not
    touched, so a reader never makes an editor's form stale."""
    with transaction.atomic():
        counted = NewsItem.objects.filter(pk=item_id, status=NewsStatus.PUBLISHED).update(reads=F("reads") + 1)
    return counted == 1

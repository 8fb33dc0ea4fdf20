"""Published pages and the accessibility statement for tests, made through the services (as the
system)."""

from __future__ import annotations

from ombuds.portal.choices import PageSlug
from ombuds.portal.models import AccessibilityStatement, Page
from ombuds.portal.services import pages as services

TEXTS = {
    "title_az": "Səlahiyyətlər",
    "body_az": "Ombudsman hüquqları bərpa edir.",
    "title_en": "Mandate",
    "body_en": "The Ombudsman restores rights.",
    "title_ru": "Полномочия",
    "body_ru": "Омбудсмен восстанавливает права.",
}


def make_statement(**fields):
    values = {
        "compliance": "partial",
        "non_accessible_en": "Older reports are PDFs without tags.",
        "method_en": "Automated checks and a manual keyboard review.",
        "enforcement_en": "Write to us; if you are not satisfied, complain to the Ombudsman.",
        "feedback_phone": "916",
        **fields,
    }
    return services.edit_statement(None, **values)


def make_page(slug: str = PageSlug.MANDATE, *, publish: bool = True, **texts) -> Page:
    page = services.edit_page(None, slug, **(texts or TEXTS))
    if publish:
        if slug == PageSlug.ACCESSIBILITY and not AccessibilityStatement.objects.exists():
            make_statement()
        page = services.publish_page(None, page)
    return page

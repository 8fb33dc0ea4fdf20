"""Builders for the news tests (records made as the system, actor None, through the services)."""

from __future__ import annotations

import itertools
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from ombuds.portal.models import NewsTag
from ombuds.portal.services import news as services

_numbers = itertools.count(1)
# The smallest valid PNG (1×1, transparent).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def png(name: str = "photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def tag(code: str = "npm", name_az: str = "MPM", name_en: str = "NPM", name_ru: str = "НПМ") -> NewsTag:
    found, _created = NewsTag.objects.get_or_create(
        code=code, defaults={"name_az": name_az, "name_en": name_en, "name_ru": name_ru}
    )
    return found


def texts(languages=("az", "en", "ru"), title: str = "Training") -> dict[str, str]:
    made = {}
    for code in languages:
        made[f"title_{code}"] = f"{title} ({code})"
        made[f"body_{code}"] = f"The text of {title} in {code}."
        made[f"summary_{code}"] = f"Summary of {title} in {code}."
    return made


def make_news(*, languages=("az", "en", "ru"), publish: bool = True, on: date | None = None, **fields):
    fields = {**texts(languages, fields.pop("title", "Training")), **fields}
    fields.setdefault("slug", f"news-{next(_numbers)}")
    item = services.create_item(None, **fields)
    if publish:
        services.submit_item(None, item)
        item = services.publish_item(None, item, on=on or date(2024, 3, 12))
    return item

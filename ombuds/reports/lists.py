"""The list of the year's recommendations and proposals with their status, as a report prints it
(the report's page, its PDF and DOCX). Read from the dataset's frozen list
(`measures.recommendations.recommendation_list`), never from the live register, so the list and
tables A11/N7 show the same rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import translation

from ombuds.recommendations.choices import Status
from ombuds.reports.measures.recommendations import BUCKETS


@dataclass
class ListedRecommendation:
    number: str
    issued_on: date | None
    addressee: str
    text: str
    translated: bool  # False: the text is the Azerbaijani one, the language's is missing
    status: str
    bucket: str


def _name(names, language: str) -> str:
    if isinstance(names, dict):
        return names.get(language) or names.get("az") or ""
    return str(names or "")


def recommendations_of(dataset, language: str) -> list[ListedRecommendation]:
    items = ((dataset.data or {}).get("lists") or {}).get("recommendations") or []
    buckets = {cat.key: cat.label for cat in BUCKETS}
    out = []
    with translation.override(language):
        for item in items:
            text = item.get(f"text_{language}") or ""
            translated = bool(text)
            text = text or item.get("text_az") or ""
            status = item.get("status") or ""
            issued = item.get("issued_on")
            out.append(
                ListedRecommendation(
                    number=str(item.get("number") or ""),
                    issued_on=date.fromisoformat(issued) if issued else None,
                    addressee=_name(item.get("addressee"), language),
                    text=text,
                    translated=translated,
                    status=str(Status(status).label) if status in Status.values else status,
                    bucket=str(buckets.get(item.get("bucket") or "", "")),
                )
            )
    return out

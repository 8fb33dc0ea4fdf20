"""Nothing unpublished, no staff-only field and no canary value appears on any public page or download.

A world of published things (public_world.py) beside unpublished and confidential ones, each carrying
a unique canary string; an anonymous visitor crawls every public page in az, en and ru from the home
page, with every download and feed linked from them (PDFs read as text), looks their status up with a
valid reference and PIN, and opens the addresses of the unpublished things directly. No canary, no
register number and no staff member's name may be found in anything answered."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from ombuds.accounts.testing import make_persona
from ombuds.complaints import services as complaints
from ombuds.complaints.services.status import issue_status_key
from ombuds.complaints.testing import make_application
from ombuds.core.testing import iter_url_patterns
from ombuds.focal.tests.crawl import Crawl, Fetched, readable, squeeze
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.portal.models import Page
from ombuds.portal.services import news, pages
from ombuds.portal.tests.news_factories import make_news
from ombuds.portal.tests.public_world import LANGUAGES, build_public_world
from ombuds.recommendations import services as recs
from ombuds.recommendations.testing import make_recommendation
from ombuds.reports.services import datasets, generation
from ombuds.reports.services import reports as report_services

pytestmark = pytest.mark.django_db

# No spaces: a PDF that wraps a line inside a canary is still searched right (crawl.squeeze).
CANARIES = {
    "news draft": "CANARY-NEWS-DRAFT-61a0",
    "news in review": "CANARY-NEWS-REVIEW-61a0",
    "withdrawn news": "CANARY-NEWS-WITHDRAWN-61a0",
    "unpublished page edit": "CANARY-PAGE-EDIT-61a0",
    "draft dataset's note": "CANARY-DATASET-NOTE-61a0",
    "published dataset's staff note": "CANARY-PUBLISHED-DATASET-NOTE-61a0",
    "unpublished report's narrative": "CANARY-REPORT-TEXT-61a0",
    "unpublished recommendation": "CANARY-REC-UNPUBLISHED-61a0",
    "draft recommendation": "CANARY-REC-DRAFT-61a0",
    "published recommendation's outcome note": "CANARY-REC-OUTCOME-NOTE-61a0",
    "published recommendation's escalation note": "CANARY-REC-ESCALATION-61a0",
    "applicant surname": "CANARY-APP-SURNAME-61a0",
    "applicant given name": "CANARY-APP-GIVEN-61a0",
    "applicant phone": "+99455CANARY0614",
    "applicant e-mail": "canary-app-61a0@example.org",
    "applicant address": "CANARY-APP-ADDRESS-61a0",
    "complaint summary": "CANARY-APP-SUMMARY-61a0",
    "admissibility reasons": "CANARY-DECISION-REASON-61a0",
    "case note": "CANARY-CASE-NOTE-61a0",
    "interviewee identity": "CANARY-IV-NAME-61a0",
    "interview notes": "CANARY-IV-NOTES-61a0",
    "allegation methods": "CANARY-ALLEGATION-61a0",
    "publisher's name": "Canarypublisher61a0",
    "case officer's name": "Canaryofficer61a0",
}


def _texts(canary: str) -> dict[str, str]:
    return {f"{part}_{code}": f"{part} {canary}" for part in ("title", "body", "summary") for code in LANGUAGES}


def build_canary_world() -> dict:
    """The public world beside the unpublished and the confidential; returns what the crawl must
    find nowhere ("forbidden") and where to look ("lookup", "direct")."""
    publisher = make_persona("department_head", first_name=CANARIES["publisher's name"], last_name="Head")
    officer = make_persona("complaints_officer", first_name=CANARIES["case officer's name"], last_name="Officer")
    world = build_public_world(publisher=publisher)

    # The published report's PDF, as the reports app generates it (a download the crawl must read).
    generation.run_generation(generation.start_generation(None, world.report, language="en", output="pdf").pk)

    draft = news.create_item(None, slug="canary-draft", **_texts(CANARIES["news draft"]))
    in_review = news.create_item(None, slug="canary-review", **_texts(CANARIES["news in review"]))
    news.submit_item(None, in_review)
    withdrawn = make_news(slug="canary-withdrawn", title=CANARIES["withdrawn news"])
    news.withdraw_item(None, withdrawn)

    pages.publish_page(publisher, Page.objects.get(slug="npm"))  # who published a page is internal
    pages.edit_page(None, "mandate", **{f"body_{code}": CANARIES["unpublished page edit"] for code in LANGUAGES})

    draft_dataset = datasets.take_snapshot(
        None, period_start=date(2024, 1, 1), period_end=date(2024, 12, 31), note=CANARIES["draft dataset's note"]
    )
    # A published dataset keeps its note for staff (its data class is internal).
    datasets.publish_dataset(
        None,
        datasets.take_snapshot(
            None,
            period_start=date(2023, 1, 1),
            period_end=date(2023, 12, 31),
            note=CANARIES["published dataset's staff note"],
        ),
    )
    npm_report = report_services.create_report(None, kind="npm", year=2025)
    report_services.save_narrative(
        None,
        npm_report,
        _first_chapter(npm_report),
        text_az=CANARIES["unpublished report's narrative"],
        text_en=CANARIES["unpublished report's narrative"],
        text_ru=CANARIES["unpublished report's narrative"],
    )

    unpublished_rec = recs.issue_recommendation(
        None,
        make_recommendation(None, text_az=CANARIES["unpublished recommendation"], text_en="x", text_ru="x"),
        issued_on=date(2025, 3, 3),
    )
    draft_rec = make_recommendation(None, text_az=CANARIES["draft recommendation"])
    published = world.recommendation
    recs.record_escalation(
        None,
        published,
        "reminder_letter",
        taken_on=date(2025, 5, 2),
        note=CANARIES["published recommendation's escalation note"],
    )
    recs.record_outcome(
        None,
        published,
        "partially_implemented",
        evidence="staff_decision",
        happened_on=date(2025, 6, 2),
        note=CANARIES["published recommendation's outcome note"],
    )

    # The applicant who looks their status up: every personal and internal detail is a canary.
    app = make_application(
        None,
        channel="online",
        summary=CANARIES["complaint summary"],
        applicant={
            "surname": CANARIES["applicant surname"],
            "given_name": CANARIES["applicant given name"],
            "sex": "female",
            "phone": CANARIES["applicant phone"],
            "email": CANARIES["applicant e-mail"],
            "address": CANARIES["applicant address"],
        },
    )
    app = complaints.decide_admissibility(None, app, "accept", reason=CANARIES["admissibility reasons"])
    app = complaints.assign_application(None, app, officer)
    complaints.add_note(None, app, CANARIES["case note"])
    key, pin = issue_status_key(None, app, language="ru")

    visit = monitoring.record_arrival(None, _prepared(make_visit(None, place=make_place(None), announced=True)))
    interview = monitoring.add_interview(
        None,
        visit,
        pseudonym="P-61a0",
        kind="detainee",
        identity=CANARIES["interviewee identity"],
        notes=CANARIES["interview notes"],
    )
    monitoring.record_allegation(None, interview, methods=CANARIES["allegation methods"], injuries="", perpetrators="")

    forbidden = {
        **CANARIES,
        "register number of the looked-up application": app.number,
        "register number of the public world's application": world.application.number,
        "another applicant's reference": world.reference,
        "draft dataset's hash": draft_dataset.content_hash,
        "unpublished recommendation's number": unpublished_rec.number,
        "draft recommendation's number": draft_rec.number,
        "publisher's username": publisher.username,
        "case officer's username": officer.username,
    }
    direct = []
    for code in LANGUAGES:
        with translation.override(code):
            direct += [reverse("portal:news_detail", args=[item.slug]) for item in (draft, in_review, withdrawn)]
            direct += [reverse("portal:tracker_detail", args=[r.public_id]) for r in (unpublished_rec, draft_rec)]
            direct.append(reverse("portal:publication", args=[npm_report.public_id]))
    return {
        "world": world,
        "forbidden": forbidden,
        "lookup": {"reference": key.reference, "pin": pin},
        "direct": direct,
    }


def _first_chapter(report) -> str:
    from ombuds.reports import tables

    return tables.chapters(report.kind)[0].key


def _prepared(visit):
    return monitoring.prepare_visit(None, visit, "")


# Public addresses no page links to, and why the crawl cannot open them (test_apply covers them).
NOT_LINKED = {
    "portal:apply_draft": "a saved application's private link, given to its writer only",
    "portal:receipt": "the receipt of the visitor's own submission, kept in their session",
    "portal:receipt_pdf": "the same receipt as a PDF",
}


def public_crawl(client, direct: list[str]) -> Crawl:
    start = [f"/{code}/" for code in LANGUAGES] + direct
    return Crawl(client, prefixes=tuple(f"/{code}/" for code in LANGUAGES)).run(start)


def public_patterns() -> set[str]:
    return {p.name for p in iter_url_patterns() if (p.name or "").startswith("portal:")}


def test_nothing_unpublished_or_confidential_reaches_a_public_page_or_download(client):
    canary = build_canary_world()
    crawl = public_crawl(client, canary["direct"])

    assert not [f.url for f in crawl.fetched.values() if f.status >= 500]
    missed = public_patterns() - crawl.views()
    assert missed <= set(NOT_LINKED), f"public addresses no link leads to: {missed - set(NOT_LINKED)}"
    # The applicant looks their status up, in each language, with the reference and PIN they hold.
    for code in LANGUAGES:
        with translation.override(code):
            url = reverse("portal:status")
        response = client.post(url, canary["lookup"])
        assert response.status_code == 200 and b'data-testid="status-result"' in response.content
        crawl.fetched[f"{url} (looked up)"] = Fetched(url, 200, "text/html", readable(response), "portal:status")
    # The crawl saw the published world: otherwise "no canary found" would prove nothing.
    world = canary["world"]
    text = crawl.all_text()
    for item in world.news[:2]:
        for code in LANGUAGES:
            assert squeeze(getattr(item, f"title_{code}")) in text, f"published news {item.slug} in {code}"

    leaks = crawl.leaks(canary["forbidden"])
    assert leaks == [], f"found on public pages: {leaks}"
    # The unpublished news, recommendations and report answer 404 at their own addresses, like missing ones.
    assert {crawl.fetched[url].status for url in canary["direct"]} == {404}

"""What the public portal has to show, made through the services as the system (actor None): news
in three languages and one written in Azerbaijani only, a published annual report (which publishes
its dataset), a published recommendation with its authority's response, and an application whose
applicant holds a reference and PIN, and the five staff pages with the demo's texts (the
regional centres' map and list, the accessibility statement). Shared by the canary test (ombuds/portal/tests) and the
browser accessibility crawl (tests/browser/test_portal_a11y.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ombuds.complaints.services.status import issue_status_key
from ombuds.complaints.testing import make_application
from ombuds.portal import demo_pages
from ombuds.portal.services import news, pages
from ombuds.portal.tests.news_factories import make_news, png, tag
from ombuds.recommendations import services as recs
from ombuds.recommendations.testing import make_recommendation
from ombuds.reports.tests.reporting import make_report

LANGUAGES = ("az", "en", "ru")


@dataclass
class PublicWorld:
    news: list
    report: object
    recommendation: object
    application: object
    reference: str
    pin: str


def build_public_world(*, publisher=None) -> PublicWorld:
    """`publisher`: the member of staff who reviews and publishes (None: the system)."""
    npm = tag("npm", "MPM", "NPM", "НПМ")
    training = make_news(title="Training of 12 March", tags=[npm], publish=False)
    news.add_image(
        None, training, png("training.png"), alt_az="Təlim iştirakçıları", alt_en="The trainees", alt_ru="Участники"
    )
    news.submit_item(None, training)
    items = [
        news.publish_item(None, training, on=date(2024, 3, 12)),
        make_news(title="Visit to Ganja", on=date(2024, 4, 2)),
        make_news(languages=("az",), title="Yalnız azərbaycanca", on=date(2024, 5, 6)),
    ]
    if publisher is not None:  # the last item goes out under a named publisher: never shown to the public
        item = make_news(title="Reviewed by a person", publish=False)
        news.submit_item(None, item)
        items.append(news.publish_item(publisher, item, on=date(2024, 6, 1)))
    pages.edit_statement(None, **demo_pages.STATEMENT)
    for slug, texts in demo_pages.PAGES.items():
        pages.publish_page(None, pages.edit_page(None, slug, **texts))
    report = make_report(kind="annual", year=2025, status="published")
    rec = recs.issue_recommendation(
        None,
        make_recommendation(None, text_ru="Отремонтировать душевую в течение месяца."),
        issued_on=date(2025, 3, 3),
    )
    recs.record_response(
        None, rec, stance="accepts", received_on=date(2025, 4, 1), text="The repair is planned.", channel="letter"
    )
    rec = recs.publish_recommendation(None, rec)
    application = make_application(None)
    key, pin = issue_status_key(None, application, language="en")
    return PublicWorld(items, report, rec, application, key.reference, pin)

"""No canary reaches a focal point (issue 12): the portal of the Ministry of Internal Affairs is
crawled page by page, download by download and through its API, with every confidential thing
around its items seeded with a canary (tests/canary_world.py). The crawl must also find what the
portal is for (its requests' questions, its recommendations' texts), so that empty pages cannot
pass, and it fails when a portal URL pattern was never reached: a new page is crawled or named
here with the reason it cannot be."""

from __future__ import annotations

import itertools
import re

import pytest
from django.urls import NoReverseMatch, reverse

from ombuds.accounts.tokens import create_api_token
from ombuds.core.models import Attachment
from ombuds.focal.models import Receipt
from ombuds.focal.tests.canary_world import CANARIES, build_world
from ombuds.focal.tests.crawl import PORTAL, PORTAL_API, Crawl, portal_patterns, squeeze

pytestmark = pytest.mark.django_db

# Patterns a GET crawl cannot reach, with the reason (each still has its permission-matrix row).
NOT_CRAWLED: dict[str, str] = {}

_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>")


@pytest.fixture
def world():
    return build_world()


def _ids(world) -> tuple[list[str], list[str]]:
    """The public ids to build item addresses with (the focal point's own items, another body's,
    a draft, the receipts), and those of every file in the database."""
    items = [*world.own_requests, *world.own_recommendations, *world.foreign]
    ids = [str(item.public_id) for item in items]
    ids += [str(r.public_id) for r in Receipt.objects.all()] + [r.reference for r in Receipt.objects.all()]
    return ids, [str(a.public_id) for a in Attachment.objects.all()]


def _candidates(name: str, converter: str | None, position: int, ids, files) -> list[str]:
    lowered = name.lower()
    if "format" in lowered or lowered in ("fmt", "ext"):
        return ["pdf", "docx", "json"]
    if "lang" in lowered:
        return ["az", "en", "ru"]
    if converter in ("uuid", "str", "slug", None) and (
        converter == "uuid" or lowered.endswith(("id", "pk", "reference"))
    ):
        # The first id names the item (or receipt), a later one a file of it.
        return ids if position == 0 else files
    if converter == "int":
        return []
    return ["pdf", "docx", "info_request", "recommendation", "letter", "az"]


def generated_urls(world, names) -> list[str]:
    """Every portal pattern built with every fitting seeded id: the crawl reaches pages no link
    leads to, and another body's ids are tried on every item address."""
    ids, files = _ids(world)
    urls = []
    for name, route in names.items():
        params = [
            (m.group("name") or m.group("group"), m.group("conv") if m.group("name") else None)
            for m in _PARAM.finditer(route)
        ]
        uuid_seen = 0
        choices = []
        for param, converter in params:
            values = _candidates(param, converter, uuid_seen, ids, files)
            uuid_seen += values in (ids, files)
            choices.append(values)
        for combination in itertools.product(*choices):
            try:
                urls.append(reverse(name, kwargs=dict(zip([p for p, _c in params], combination, strict=True))))
            except NoReverseMatch:
                continue
    return urls


def _missing(world, crawl) -> list[str]:
    text = crawl.all_text()
    pdfs = squeeze("\n".join(f.text for f in crawl.fetched.values() if f.status == 200 and f.kind == "application/pdf"))
    missing = [what for what, value in world.expected.items() if squeeze(value) not in text]
    return missing + [what for what, value in world.expected_in_pdf.items() if squeeze(value) not in pdfs]


def _foreign_served(world, crawl) -> list[str]:
    """Addresses built with another body's item, receipt or file (or a draft, or a file that is
    not the body's) that did not answer 404."""
    return [
        f"{f.url} → {f.status}"
        for f in crawl.fetched.values()
        if any(foreign in f.url for foreign in world.foreign_ids) and f.status not in (404, 405)
    ]


def test_no_canary_in_any_portal_page_download_or_api_answer(world, staff_client, client):
    patterns = portal_patterns()
    pages = {name: route for name, route in patterns.items() if name.startswith("focal:")}
    api = {name: route for name, route in patterns.items() if name not in pages}

    # Made first: the tokens page then lists it, with its revoke form (reached by GET: 405).
    token = create_api_token(None, world.focal.user, "their system")
    http = staff_client(world.focal.user)
    crawl = Crawl(http, prefixes=(PORTAL,)).run(generated_urls(world, pages))

    from django.test import Client

    api_crawl = Crawl(Client(), prefixes=(PORTAL_API,), headers={"HTTP_AUTHORIZATION": f"Token {token}"}).run(
        [*generated_urls(world, api), "/api/v1/schema/", "/api/v1/schema/?format=json"]
    )

    forbidden = CANARIES | world.not_listed
    leaks = crawl.leaks(forbidden) + api_crawl.leaks(forbidden)
    assert not leaks, leaks
    assert crawl.fetched[reverse("focal:home")].status == 200
    missing = _missing(world, crawl)
    assert not missing, f"the portal should show: {missing}"
    api_text = api_crawl.all_text()
    missing = [what for what, value in world.expected_in_api.items() if squeeze(value) not in api_text]
    assert not missing, f"the API should answer: {missing}"
    served = _foreign_served(world, crawl) + _foreign_served(world, api_crawl)
    assert not served, served
    reached = crawl.views() | api_crawl.views()
    unreached = sorted(set(patterns) - reached - set(NOT_CRAWLED))
    assert not unreached, f"portal URL patterns the crawl never reached (crawl them or say why not): {unreached}"


def test_a_place_only_focal_point_sees_no_information_request_and_no_other_place(world, staff_client):
    """A focal point of one institution sees the recommendations about its place only, and no
    information request (a request goes to the body), on the pages and through the API."""
    from django.test import Client

    from ombuds.focal.testing import make_focal_point

    elsewhere = make_focal_point(authority="mia", username="mia.elsewhere", place=world.other_place)
    token = create_api_token(None, elsewhere.user, "their system")
    patterns = portal_patterns()
    pages = {name: route for name, route in patterns.items() if name.startswith("focal:")}
    api = {name: route for name, route in patterns.items() if name not in pages}
    crawl = Crawl(staff_client(elsewhere.user)).run(generated_urls(world, pages))
    api_crawl = Crawl(Client(), prefixes=(PORTAL_API,), headers={"HTTP_AUTHORIZATION": f"Token {token}"})
    api_crawl.run(generated_urls(world, api))
    forbidden = dict(CANARIES)
    forbidden |= {f"questions {i}": r.questions for i, r in enumerate(world.own_requests)}
    forbidden |= {
        f"recommendation {i}": r.text_en
        for i, r in enumerate(world.own_recommendations)
        if r.places.exclude(pk=world.other_place.pk).exists()
    }
    leaks = crawl.leaks(forbidden) + api_crawl.leaks(forbidden)
    assert not leaks, leaks
    assert crawl.fetched[reverse("focal:home")].status == 200
    for text in (crawl.all_text(), api_crawl.all_text()):
        assert squeeze(world.place_rec_elsewhere.text_en) in text

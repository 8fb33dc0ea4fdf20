"""The authority portal under attack by a focal point (issue 12): forms without their CSRF token,
a `next` after sign-in that leads off the site, another body's ids posted to every portal
address. The pages are found by the canary test's crawler, so a new form is covered when it lands."""

from __future__ import annotations

import itertools

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from ombuds.accounts.testing import TEST_PASSWORD
from ombuds.complaints.models import InfoRequest
from ombuds.core.models import Attachment
from ombuds.focal.models import Draft, Receipt
from ombuds.focal.testing import make_focal_point
from ombuds.focal.tests.canary_world import build_world
from ombuds.focal.tests.crawl import PORTAL_API, Crawl, portal_patterns
from ombuds.focal.tests.test_canaries import _PARAM, generated_urls
from ombuds.recommendations.models import AuthorityResponse, Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def _pages():
    return {name: route for name, route in portal_patterns().items() if name.startswith("focal:")}


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "https:evil.example"]
)
def test_the_sign_in_never_sends_a_focal_point_off_the_site(client, next_url):
    make_focal_point(authority="mia", username="mia.focal")
    response = client.post(
        reverse("focal:login") + f"?next={next_url}",
        {"login": "mia.focal", "password": TEST_PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("focal:home")


def test_every_portal_form_refuses_a_post_without_its_csrf_token(world, staff_client):
    """Every form and HTMX post target the crawl finds, posted by the signed-in focal point from
    a page that is not the portal's: 403, and nothing written."""
    crawl = Crawl(staff_client(world.focal.user)).run(generated_urls(world, _pages()))
    assert crawl.posts, "the crawl found no form at all"
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(world.focal.user)
    before = _counts()
    for target in sorted(crawl.posts):
        response = forged.post(target, {"text": "forged", "stance": "accepts", "action": "send", "name": "forged"})
        assert response.status_code == 403, target
    assert _counts() == before


def _counts():
    return (
        Draft.objects.count(),
        Receipt.objects.count(),
        AuthorityResponse.objects.count(),
        Attachment.objects.count(),
        sorted(InfoRequest.objects.values_list("pk", "status", "reply")),
        sorted(Recommendation.objects.values_list("pk", "status")),
    )


def test_posting_to_another_bodys_items_is_not_found_and_changes_nothing(world, staff_client):
    """Every portal address built with another body's item (or a draft of its own body's), posted
    to with an answer, a draft or a file reference: 404 (or 405 where the address takes no POST),
    and nothing is written."""
    http = staff_client(world.focal.user)
    foreign = [str(item.public_id) for item in world.foreign]
    files = [str(a.public_id) for a in Attachment.objects.all()]
    before = _counts()
    tried: set[str] = set()
    item_pages = {}
    for name, route in _pages().items():
        params = [(m.group("name"), m.group("conv")) for m in _PARAM.finditer(route)]
        if params and params[0][1] == "uuid":
            item_pages[name] = [param for param, _conv in params]
    for name, params in item_pages.items():
        for values in itertools.product(foreign, *[files] * (len(params) - 1)):
            try:
                url = reverse(name, kwargs=dict(zip(params, values, strict=True)))
            except NoReverseMatch:
                continue
            data = {"text": "posted", "stance": "accepts", "action": "send"}
            response = http.post(url, data, HTTP_HX_REQUEST="true")
            assert response.status_code in (404, 405), (url, response.status_code)
            tried.add(name)
    assert _counts() == before
    assert tried == set(item_pages)


def test_a_revoked_focal_point_reaches_nothing_with_its_session_or_its_token(world, staff_client, persona):
    """Revoked while signed in and with a live API token: its next requests find only the sign-in
    page (its session's user is no longer loaded), and the token opens nothing."""
    from ombuds.accounts.tokens import create_api_token
    from ombuds.focal.services.accounts import revoke_focal_point

    token = create_api_token(None, world.focal.user, "their system")
    http = staff_client(world.focal.user)
    assert http.get(reverse("focal:home")).status_code == 200
    revoke_focal_point(persona("commissioner"), world.focal, "Left the ministry.")

    pages = Crawl(http).run(generated_urls(world, _pages()))
    answered = {f.view for f in pages.fetched.values() if f.status == 200}
    assert answered == {"focal:login"}, answered
    api = {name: route for name, route in portal_patterns().items() if not name.startswith("focal:")}
    calls = Crawl(Client(), prefixes=(PORTAL_API,), headers={"HTTP_AUTHORIZATION": f"Token {token}"})
    calls.run(generated_urls(world, api))
    assert calls.fetched and all(f.status in (401, 403, 404) for f in calls.fetched.values())
    questions = {"questions": world.open_request.questions, "recommendation": world.issued_rec.text_en}
    assert not pages.leaks(questions) and not calls.leaks(questions)


def _api_patterns():
    return {name: route for name, route in portal_patterns().items() if not name.startswith("focal:")}


def _api_item_urls(item_ids) -> dict[str, list[str]]:
    """Every authority API address that names an item, built with each of `item_ids`."""
    urls: dict[str, list[str]] = {}
    for name, route in _api_patterns().items():
        params = [m.group("group") for m in _PARAM.finditer(route)]
        if params != ["public_id"]:
            continue
        for public_id in item_ids:
            try:
                urls.setdefault(name, []).append(reverse(name, kwargs={"public_id": public_id}))
            except NoReverseMatch:
                continue
    return urls


def test_the_api_answers_another_bodys_items_with_not_found_and_changes_nothing(world, client):
    """Every authority API address of an item, with another body's item (or a draft): 404 to a
    read, and to an answer posted with the focal point's own token (405 where the address takes
    no POST); nothing is written."""
    from ombuds.accounts.tokens import create_api_token

    token = create_api_token(None, world.focal.user, "their system")
    auth = {"HTTP_AUTHORIZATION": f"Token {token}"}
    urls = _api_item_urls([str(item.public_id) for item in world.foreign])
    assert urls, "the API has no item address"
    before = _counts()
    for url in itertools.chain.from_iterable(urls.values()):
        assert client.get(url, **auth).status_code in (404, 405), url
        answer = {"text": "posted", "stance": "accepts"}
        response = client.post(url, answer, content_type="application/json", **auth)
        assert response.status_code in (404, 405), (url, response.status_code)
    assert _counts() == before


def test_the_api_refuses_a_signed_in_browsers_post_without_its_csrf_token(world):
    """A focal point signed in on the portal may use the API with its session: a post forged by
    another site (no CSRF token) is refused at every address, its own items included."""
    from ombuds.accounts.testing import enrol_totp

    enrol_totp(world.focal.user)
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(world.focal.user)
    assert forged.get(reverse("focal:home")).status_code == 200
    own = [str(item.public_id) for item in [*world.own_requests, *world.own_recommendations]]
    urls = [*itertools.chain.from_iterable(_api_item_urls(own).values())]
    urls += [reverse(name) for name, route in _api_patterns().items() if "(?P<" not in route and "<" not in route]
    before = _counts()
    for url in urls:
        response = forged.post(url, {"text": "forged", "stance": "accepts"})
        assert response.status_code == 403, (url, response.status_code)
    assert _counts() == before


def test_a_draft_set_aside_before_it_was_issued_never_reaches_the_portal(staff_client):
    """ "No longer relevant" is reached from a draft too: such a recommendation was never sent, so
    its page, its letter and its API answer are not found (they were: the scoping excluded only
    the draft status)."""
    from ombuds.accounts.tokens import create_api_token
    from ombuds.focal.scoping import recommendations_for
    from ombuds.focal.testing import recommendation_to
    from ombuds.recommendations.services import mark_no_longer_relevant

    fp = make_focal_point(authority="mia")
    rec = mark_no_longer_relevant(None, recommendation_to("mia", issue=False), "The place closed.").recommendation
    assert not recommendations_for(fp.user).filter(pk=rec.pk).exists()
    http = staff_client(fp.user)
    for name in ("focal:recommendation", "focal:recommendation_letter"):
        assert http.get(reverse(name, args=[rec.public_id])).status_code == 404, name
    token = create_api_token(None, fp.user, "their system")
    url = reverse("authority-recommendation-detail", kwargs={"public_id": rec.public_id})
    assert Client().get(url, HTTP_AUTHORIZATION=f"Token {token}").status_code == 404

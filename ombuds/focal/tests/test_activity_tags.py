"""The staff see the portal's activity where they already see the items (issue 12): on the case
page, for each information request, and on the recommendation's page — opened (when, how often),
not opened yet, answered online with its receipt — read for the whole list at once."""

import pytest
from django.db import connection, transaction
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ombuds.complaints import services as complaints
from ombuds.complaints.testing import authority
from ombuds.focal.models import ReceiptKind
from ombuds.focal.receipts import issue_receipt
from ombuds.focal.services.activity import record_opening
from ombuds.focal.templatetags.focal_activity import activity_of
from ombuds.focal.testing import make_focal_point, recommendation_to
from ombuds.recommendations.testing import case_under_consideration

pytestmark = pytest.mark.django_db


def _requests(app, count: int, to: str = "mia"):
    return [
        complaints.send_info_request(None, app, addressee=authority(to), basis="general", questions=f"Question {i}?")
        for i in range(count)
    ]


def _answered(user, **item):
    kind = ReceiptKind.INFO_REQUEST_REPLY if "info_request" in item else ReceiptKind.RECOMMENDATION_RESPONSE
    with transaction.atomic():
        return issue_receipt(user, kind=kind, **item)


def _page(staff_client, user, url: str) -> str:
    client = staff_client(user)
    client.cookies["django_language"] = "en"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_case_page_says_which_requests_the_authority_opened_and_answered_online(staff_client, persona):
    app = case_under_consideration()
    opened, answered, waiting = _requests(app, 3)
    (by_letter,) = _requests(app, 1, to="moj")  # the Ministry of Justice has no focal point
    (on_paper,) = _requests(app, 1)  # answered by letter: no longer awaited in the portal
    complaints.record_reply(None, on_paper, "Registered at 10:40 by the duty officer.")
    first, second = make_focal_point(authority="mia"), make_focal_point(authority="mia")
    record_opening(first.user, opened)
    record_opening(first.user, opened)
    record_opening(second.user, opened)
    receipt = _answered(second.user, info_request=answered)
    html = _page(staff_client, persona("department_head"), app.get_absolute_url())
    today = timezone.localdate().isoformat()
    assert f"Opened by the authority on {today} (3 times)" in html
    assert f"Answered online on {today}, receipt {receipt.reference}" in html
    assert html.count(receipt.reference) == 1  # the reply's own line names only its channel
    assert html.count("Not opened yet by the authority's focal point") == 1  # the waiting one
    assert html.count('data-testid="portal-activity"') == 3  # nothing for the request sent by letter
    assert activity_of([by_letter]).by_item[by_letter.pk].watched is False
    assert activity_of([waiting]).by_item[waiting.pk].watched is True


def test_a_revoked_focal_point_does_not_count_as_one_who_may_open_the_request(staff_client, persona):
    app = case_under_consideration()
    (request,) = _requests(app, 1)
    profile = make_focal_point(authority="mia")
    profile.revoked_at = timezone.now()
    profile.save(update_fields=["revoked_at"])
    make_focal_point(authority="mia", place=recommendation_to("mia", issue=False).places.get())  # place-only
    html = _page(staff_client, persona("department_head"), app.get_absolute_url())
    assert 'data-testid="portal-activity"' not in html
    assert not activity_of([request]).by_item[request.pk]


def test_the_recommendation_page_shows_its_openings_and_every_answer_with_its_receipt_once(staff_client, persona):
    """The activity line says when the authority answered; the history beneath lists each
    response with its receipt, so the line does not repeat the receipt numbers."""
    from ombuds.focal.services.responses import answer_recommendation

    rec = recommendation_to("mia")
    place_only = make_focal_point(authority="mia", place=rec.places.get())
    head = persona("commissioner")
    assert "Not opened yet by the authority's focal point" in _page(staff_client, head, rec.get_absolute_url())
    record_opening(place_only.user, rec)
    accepted = answer_recommendation(place_only.user, rec, stance="accepts", text="Qəbul edirik.")
    progress = answer_recommendation(place_only.user, rec, stance="progress", text="Görülür.", via_api=True)
    html = _page(staff_client, head, rec.get_absolute_url())
    today = timezone.localdate().isoformat()
    assert f"Opened by the authority on {today} (1 time)" in html
    assert f"Answered online on {today}</li>" in html
    assert f"Answered through the portal's API on {today}</li>" in html
    for receipt in (accepted, progress):
        assert html.count(receipt.reference) == 1, receipt.reference
        assert f"through the authority portal, receipt {receipt.reference}" in html  # in the history
    assert ", receipt " not in html.split('data-testid="portal-activity"')[1].split("</ul>")[0]


def test_nothing_is_said_of_a_draft_or_of_another_place():
    make_focal_point(authority="mia", place=recommendation_to("mia", issue=False).places.get())
    draft, elsewhere = recommendation_to("mia", issue=False), recommendation_to("mia")
    found = activity_of([draft, elsewhere]).by_item
    assert draft.pk not in found and not found[elsewhere.pk]


def _render(user, items) -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = Template(
        "{% load focal_activity %}{% portal_activity items as activity %}"
        "{% for item in items %}{% portal_activity_line activity item %}{% endfor %}"
    )
    return template.render(Context({"request": request, "items": items}))


def test_the_activity_of_a_list_is_read_in_the_same_queries_however_long_it_is(persona):
    head = persona("department_head")
    make_focal_point(authority="mia")
    counts = []
    for size in (1, 5):
        app = case_under_consideration()
        requests = _requests(app, size)
        for request in requests:
            _answered(make_focal_point(authority="mia").user, info_request=request)
        with CaptureQueriesContext(connection) as queries:
            html = _render(head, requests)
        assert html.count('data-testid="portal-activity"') == size
        counts.append(len(queries))
    assert counts[0] == counts[1] == 2, counts


def test_a_focal_point_is_shown_nothing(persona):
    app = case_under_consideration()
    requests = _requests(app, 2)
    fp = persona("focal_point")
    record_opening(fp, requests[0])
    assert "portal-activity" not in _render(fp, requests)
    assert "portal-activity" in _render(persona("department_head"), requests)

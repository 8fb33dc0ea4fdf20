"""The portal's home: a focal point of the whole body sees its information requests and
recommendations; a focal point of one institution answers only the recommendations about it, so
neither its home nor its navigation offers information requests."""

import pytest
from django.urls import reverse
from django.utils import translation

from ombuds.accounts.testing import enrol_totp
from ombuds.focal.testing import info_request_to, make_focal_point, recommendation_to
from ombuds.monitoring.testing import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def test_the_home_offers_information_requests_only_to_a_focal_point_of_the_whole_body(client, settings):
    request = info_request_to("penitentiary_service")
    place = make_place(None, name_en="Penitentiary Institution No. 4 (women)")
    rec = recommendation_to("penitentiary_service", place=place)
    requests_url = reverse("focal:requests")

    body_wide = make_focal_point(authority="penitentiary_service")
    enrol_totp(body_wide.user)  # signed in as the portal requires: with a second factor
    client.force_login(body_wide.user)
    page = client.get(reverse("focal:home")).content.decode()
    assert request.application.number in page and rec.number in page
    assert "Repair the shower block" in page  # the recommendation's opening words, in the reader's language
    assert page.count(f'href="{requests_url}"') == 2  # the navigation and the section's link
    assert "Information requests awaiting your reply" in page

    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # logging out empties the cookies
    place_only = make_focal_point(authority="penitentiary_service", place=place)
    enrol_totp(place_only.user)
    client.force_login(place_only.user)
    page = client.get(reverse("focal:home")).content.decode()
    assert rec.number in page and request.application.number not in page
    assert f'href="{requests_url}"' not in page
    assert "Information requests awaiting your reply" not in page
    assert "Recommendations of the Commissioner about Penitentiary Institution No. 4 (women)." in page


def test_the_home_shows_the_most_urgent_items_in_constant_queries(client, settings, django_assert_max_num_queries):
    """A ministry receives hundreds of requests: the home lists the most urgent (the earliest
    reply dates, the recommendations awaiting a first response before the others) and counts the
    rest, in the same number of queries however many there are."""
    from ombuds.focal import views
    from ombuds.recommendations import services as recs

    fp = make_focal_point(authority="mia")
    enrol_totp(fp.user)
    client.force_login(fp.user)
    accepted = recommendation_to("mia")
    recs.record_response(
        None, accepted, stance="accepts", received_on=accepted.issued_on, text="We accept.", channel="letter"
    )
    awaiting = recommendation_to("mia")
    requests = [info_request_to("mia") for _ in range(3)]

    with django_assert_max_num_queries(30) as few:
        client.get(reverse("focal:home"))
    for _ in range(views.HOME_ROWS):
        info_request_to("mia")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("focal:home")).content.decode()

    assert requests[0].application.number in page  # sent first, due first
    assert f"The {views.HOME_ROWS} most urgent of {views.HOME_ROWS + 3} awaiting your reply." in page
    assert page.index(awaiting.number) < page.index(accepted.number)  # a first response is owed first


def test_the_lists_show_when_the_response_is_due_until_it_is_given(client):
    from django.utils import timezone
    from django.utils.formats import date_format

    from ombuds.core import deadlines
    from ombuds.focal.services.responses import answer_recommendation
    from ombuds.recommendations.services.lifecycle import RESPONSE_RULES

    fp = make_focal_point(authority="mia")
    enrol_totp(fp.user)
    client.force_login(fp.user)
    rec = recommendation_to("mia")
    due = deadlines.open_for(rec, *RESPONSE_RULES).get().due_at
    shown = date_format(timezone.localtime(due).date(), "SHORT_DATE_FORMAT")
    for url in (reverse("focal:home"), reverse("focal:recommendations")):
        assert shown in client.get(url).content.decode(), url

    answer_recommendation(fp.user, rec, stance="accepts", text="We accept it and will report by spring.")
    listing = client.get(reverse("focal:recommendations")).content.decode()
    assert rec.number in listing and shown not in listing  # the clock stopped: no date to meet

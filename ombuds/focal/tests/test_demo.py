"""The portal's demo: focal points of the Ministry of Internal Affairs and of the Penitentiary
Service (and one for the Shuvalan isolator only) with items in every state for both bodies, made
once however often the seed runs. Seeding is slow, so one test walks through all of it."""

import io

import pytest
from django.contrib.auth import authenticate
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation

from ombuds.accounts.demo import DEMO_PASSWORD
from ombuds.complaints.choices import InfoRequestStatus
from ombuds.complaints.models import InfoRequest
from ombuds.core.models import Attachment
from ombuds.focal import demo
from ombuds.focal.models import FocalPoint, Opening, Receipt, ReceiptKind
from ombuds.focal.scoping import info_requests_for, recommendations_for
from ombuds.recommendations import choices as c
from ombuds.recommendations.models import AuthorityResponse, Recommendation

pytestmark = pytest.mark.django_db

# The recommendation states a focal point meets: every one after issue but "not implemented"
# and "no longer relevant", which staff decide on their own.
REC_STATES = set(c.Status.values) - {c.Status.DRAFT, c.Status.NOT_IMPLEMENTED, c.Status.NO_LONGER_RELEVANT}


def _attached(obj) -> bool:
    return Attachment.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk).exists()


def _seed():
    from ombuds.accounts import demo as accounts_demo
    from ombuds.monitoring import demo as monitoring_demo

    accounts_demo.seed(io.StringIO())
    monitoring_demo.seed(io.StringIO())
    out = io.StringIO()
    # As `seed_demo` runs it: a management command, no language active (the printout is English),
    # whatever language a page fetched earlier in the test left active.
    with translation.override(None):
        return demo.seed(out), out.getvalue()


def test_the_portal_demo_has_every_state_for_both_bodies_and_seeds_once(client, settings):
    accounts, out = _seed()
    # In demo mode the printed accounts open the portal without a second factor; outside it,
    # the same account is first sent to set one up.
    assert client.login(username="mia.focal", password=DEMO_PASSWORD)
    settings.DEMO = True
    assert client.get(reverse("focal:home")).status_code == 200
    settings.DEMO = False
    assert client.get(reverse("focal:home")).status_code == 302
    assert "items for the authorities' focal points" in out
    assert [username for username, _what in accounts] == ["mia.focal", "penitentiary.focal", "shuvalan.focal"]
    assert "Ministry of Internal Affairs" in accounts[0][1]
    assert "Investigative Isolator No. 3 (Shuvalan)" in accounts[2][1]

    users = {}
    for username, code in (("mia.focal", "mia"), ("penitentiary.focal", "penitentiary_service")):
        user = authenticate(username=username, password=DEMO_PASSWORD)
        assert user is not None and user.is_focal_point and user.authority.code == code
        users[code] = user

        # Information requests in every state, the open ones due soon, overdue, reminded, escalated.
        requests = list(info_requests_for(user).filter(application__respondents__code=code))
        assert {r.status for r in requests} == set(InfoRequestStatus.values)
        now = timezone.now()
        due_soon = [r for r in requests if r.status == InfoRequestStatus.SENT and r.due_at > now]
        assert any((r.due_at - now).days < 3 for r in due_soon)
        assert all(r.due_at < now for r in requests if r.status == InfoRequestStatus.OVERDUE)
        answered = [r for r in requests if r.status == InfoRequestStatus.ANSWERED]
        on_time = [r for r in answered if r.reply_at <= r.due_at]
        late = [r for r in answered if r.reply_at > r.due_at]
        assert on_time and late
        # The one answered on time came through the portal: a receipt and its attachment.
        receipt = Receipt.objects.get(info_request__in=on_time)
        assert receipt.kind == ReceiptKind.INFO_REQUEST_REPLY and receipt.focal_point.user == user
        assert receipt.reference.startswith(f"AP-{now.year}-") and _attached(receipt.info_request)
        assert not Receipt.objects.filter(info_request__in=late).exists()

        # Recommendations in every state a focal point meets; online and letter responses.
        found = recommendations_for(user)
        assert set(found.values_list("status", flat=True)) >= REC_STATES
        mine = found.filter(report_title__startswith=demo.t.REPORT_TITLE[code][:20])
        assert set(mine.values_list("status", flat=True)) == REC_STATES
        reported = mine.get(status=c.Status.REPORTED_IMPLEMENTED)
        online = reported.responses.get(channel=c.ResponseChannel.PORTAL)
        assert online.stance == c.Stance.IMPLEMENTED and _attached(online)
        assert Receipt.objects.filter(response=online, kind=ReceiptKind.RECOMMENDATION_RESPONSE).exists()
        implemented = mine.get(status=c.Status.IMPLEMENTED)
        assert implemented.history.filter(evidence=c.Evidence.AUTHORITY_REPORT_VERIFIED).exists()
        for status in (c.Status.ACCEPTED, c.Status.IN_PROGRESS):
            assert mine.get(status=status).portal_receipts.exists()
        assert mine.get(status=c.Status.REJECTED).responses.get().channel == c.ResponseChannel.LETTER
        assert Opening.objects.filter(focal_point__user=user).count() >= 3

    # The place-only focal point sees the isolator's recommendations and no request; it reported
    # one implemented itself.
    place_only = authenticate(username="shuvalan.focal", password=DEMO_PASSWORD)
    profile = FocalPoint.objects.get(user=place_only)
    assert profile.place is not None and profile.place.authority.code == "penitentiary_service"
    assert not info_requests_for(place_only).exists()
    seen = recommendations_for(place_only)
    assert seen.exists() and all(rec.places.filter(pk=profile.place_id).exists() for rec in seen)
    assert seen.count() < recommendations_for(users["penitentiary_service"]).count()
    assert Receipt.objects.filter(focal_point=profile, response__stance=c.Stance.IMPLEMENTED).exists()

    # A second run adds nothing and prints the same accounts.
    counts = (
        FocalPoint.objects.count(),
        InfoRequest.objects.count(),
        Recommendation.objects.count(),
        AuthorityResponse.objects.count(),
        Receipt.objects.count(),
    )
    again, out = _seed()
    assert again == accounts and out == ""
    assert counts == (
        FocalPoint.objects.count(),
        InfoRequest.objects.count(),
        Recommendation.objects.count(),
        AuthorityResponse.objects.count(),
        Receipt.objects.count(),
    )


def test_the_readme_lists_every_demo_focal_point():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    assert [username for username, *_rest in demo.ACCOUNTS if f"`{username}`" not in readme] == []

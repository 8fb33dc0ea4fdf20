"""The staff pages of focal-point accounts, and the focal point's invitation page, sign-in with the
second factor and the end of a revoked account's session (issue 12)."""

from datetime import timedelta

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.testing import TEST_PASSWORD, enrol_totp, totp_code
from ombuds.core.models import Authority
from ombuds.focal.models import FocalPoint
from ombuds.focal.services import accounts
from ombuds.focal.testing import make_focal_point
from ombuds.monitoring.testing import make_place

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-and-fresh-passphrase-2026"


def _form(**extra):
    data = {
        "authority": Authority.objects.get(code="mia").pk,
        "first_name": "Aysel",
        "last_name": "Məmmədova",
        "username": "mia.aysel",
        "email": "aysel@mia.example",
        "position": "Adviser",
        "phone": "",
        "language": "en",
        "place": "",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("who", ["commissioner", "department_head"])
def test_managers_create_a_focal_point_and_see_its_link_once(who, persona, staff_client):
    http = staff_client(persona(who))
    page = http.get(reverse("focal_points:create"))
    assert page.status_code == 200
    once = page.context["form"]["once"].value()
    response = http.post(reverse("focal_points:create"), _form(once=once))
    fp = FocalPoint.objects.get(user__username="mia.aysel")
    assert response.status_code == 302 and response["Location"] == fp.get_absolute_url()
    detail = http.get(fp.get_absolute_url())
    link = detail.context["link"]
    assert link.startswith("http://testserver/authority/invitation/")
    assert accounts.find_invitation(link.rstrip("/").rsplit("/", 1)[1]) == fp
    assert b'data-testid="invitation-link"' in detail.content
    assert http.get(fp.get_absolute_url()).context["link"] is None  # shown once
    again = http.post(reverse("focal_points:create"), _form(once=once))  # the same form submitted twice
    assert again.status_code == 302 and FocalPoint.objects.filter(user__username="mia.aysel").count() == 1


def test_refused_input_is_redrawn_with_the_reason(persona, staff_client):
    http = staff_client(persona("commissioner"))
    other_place = make_place(authority=Authority.objects.get(code="moj"))
    response = http.post(reverse("focal_points:create"), _form(place=other_place.pk))
    assert response.status_code == 400
    assert response.context["form"].errors["place"]
    assert response.context["form"]["first_name"].value() == "Aysel"  # nothing lost
    assert not FocalPoint.objects.exists()


def test_complaints_officer_is_refused(persona, staff_client):
    fp = make_focal_point(authority="mia")
    http = staff_client(persona("complaints_officer"))
    assert http.get(reverse("focal_points:list")).status_code == 403
    assert http.get(reverse("focal_points:create")).status_code == 403
    assert http.get(fp.get_absolute_url()).status_code == 403
    assert (
        http.post(reverse("focal_points:action", args=[fp.public_id, "revoke"]), {"revoke-reason": "x"}).status_code
        == 403
    )
    fp.refresh_from_db()
    assert fp.revoked_at is None


def test_the_list_filters_by_authority_and_links_each(persona, staff_client):
    mia = make_focal_point(authority="mia", first_name="Mia", last_name="Person")
    moj = make_focal_point(authority="moj", first_name="Moj", last_name="Person")
    http = staff_client(persona("department_head"))
    everything = http.get(reverse("focal_points:list")).content.decode()
    assert mia.get_absolute_url() in everything and moj.get_absolute_url() in everything
    only = http.get(reverse("focal_points:list"), {"authority": mia.user.authority_id}).content.decode()
    assert mia.get_absolute_url() in only and moj.get_absolute_url() not in only
    assert 'href="/focal-points/"' in http.get(reverse("core:home")).content.decode()  # the navigation link


def test_the_list_reads_a_constant_number_of_queries(persona, staff_client, django_assert_max_num_queries):
    http = staff_client(persona("commissioner"))
    for _n in range(3):
        make_focal_point(authority="mia")
    http.get(reverse("focal_points:list"))
    with django_assert_max_num_queries(12) as few:
        http.get(reverse("focal_points:list"))
    for _n in range(6):
        make_focal_point(authority="moj")
    with django_assert_max_num_queries(len(few.captured_queries)):
        http.get(reverse("focal_points:list"))


def test_reinvite_and_revoke_from_the_detail_page(persona, staff_client):
    fp = make_focal_point(authority="mia")
    http = staff_client(persona("department_head"))
    detail = http.get(fp.get_absolute_url())
    assert detail.context["fp"].state == "active" and 'data-testid="receipt-count">0<' in detail.content.decode()
    response = http.post(reverse("focal_points:action", args=[fp.public_id, "reinvite"]), {"reinvite-language": "az"})
    assert response.status_code == 302
    assert http.get(fp.get_absolute_url()).context["link"]
    refused = http.post(reverse("focal_points:action", args=[fp.public_id, "revoke"]), {"revoke-reason": ""})
    assert refused.status_code == 400 and refused.context["revoke_form"].errors
    response = http.post(reverse("focal_points:action", args=[fp.public_id, "revoke"]), {"revoke-reason": "Left"})
    assert response.status_code == 302
    fp.refresh_from_db()
    assert fp.state == "revoked"
    page = http.get(fp.get_absolute_url())
    assert page.context["fp"].state == "revoked" and "revoke-reason" not in page.content.decode()
    assert http.post(reverse("focal_points:action", args=[fp.public_id, "nonsense"]), {}).status_code == 404


def test_the_detail_page_says_when_the_link_expired(persona, staff_client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fp, _token = accounts.create_focal_point(None, authority=Authority.objects.get(code="mia"), username="late")
    http = staff_client(persona("commissioner"))
    assert not http.get(fp.get_absolute_url()).context["fp"].invitation_expired
    with time_machine.travel(start + timedelta(days=8), tick=False):
        page = staff_client(persona("commissioner")).get(fp.get_absolute_url())  # a new session: 8 days later
        assert page.context["fp"].invitation_expired and page.context["fp"].state == "invited"


def test_edit_from_the_detail_page(persona, staff_client):
    fp = make_focal_point(authority="mia")
    http = staff_client(persona("commissioner"))
    data = {"edit-first_name": "Rəşad", "edit-last_name": "Əliyev", "edit-email": "r@mia.example", "edit-place": ""}
    assert http.post(reverse("focal_points:action", args=[fp.public_id, "edit"]), data).status_code == 302
    fp.user.refresh_from_db()
    assert fp.user.email == "r@mia.example"


# --- The focal point's side -------------------------------------------------------------------


def test_accepting_the_invitation_signs_in_and_asks_for_the_second_factor(client):
    fp, token = accounts.create_focal_point(None, authority=Authority.objects.get(code="mia"), username="mia.new")
    url = reverse("focal:invitation", args=[token])
    page = client.get(url)
    assert page.status_code == 200 and b"mia.new" in page.content
    refused = client.post(url, {"password1": NEW_PASSWORD, "password2": "something-else-entirely"})
    assert refused.status_code == 400
    refused = client.post(url, {"password1": "short", "password2": "short"})
    assert refused.status_code == 400 and refused.context["form"].errors["password1"]
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    # Signed in, without being asked for the password again, on allauth's page inside the portal's layout.
    setup = client.get(reverse("mfa_activate_totp"))
    assert setup.status_code == 200
    html = setup.content.decode()
    assert 'data-testid="focal-banner"' in html and 'href="/"' not in html
    # Everything else of the portal waits for the second factor.
    assert client.get(reverse("focal:home"))["Location"] == reverse("mfa_activate_totp")
    secret = setup.context["form"].secret
    done = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(user=fp.user, type=Authenticator.Type.TOTP).exists()
    codes = client.get(done["Location"])
    assert codes.status_code == 200 and f'href="{reverse("focal:home")}"' in codes.content.decode()
    assert client.get(reverse("focal:home")).status_code == 200
    # The link worked once.
    assert client.get(url).status_code == 410


def test_a_dead_link_says_why(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _fp, token = accounts.create_focal_point(None, authority=Authority.objects.get(code="mia"), username="late")
    with time_machine.travel(start + timedelta(days=8), tick=False):
        response = client.get(reverse("focal:invitation", args=[token]))
        assert response.status_code == 410 and b'data-testid="invitation-invalid"' in response.content
        posted = client.post(
            reverse("focal:invitation", args=[token]), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
        )
        assert posted.status_code == 410
    unknown = client.get(reverse("focal:invitation", args=["x" * 43]))
    assert unknown.status_code == 410


def test_sign_in_with_the_second_factor(client):
    fp = make_focal_point(authority="mia", username="mia.totp")
    secret = enrol_totp(fp.user)
    response = client.post(reverse("focal:login"), {"login": "mia.totp", "password": TEST_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("focal:home")).status_code == 302  # not signed in yet
    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    done = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert done.status_code == 302 and done["Location"] == reverse("focal:home")
    assert client.get(reverse("focal:home")).status_code == 200


def test_a_revoked_focal_point_cannot_sign_in_and_its_session_ends(client, persona):
    fp = make_focal_point(authority="mia", username="mia.gone")
    enrol_totp(fp.user)
    client.force_login(fp.user)
    assert client.get(reverse("focal:home")).status_code == 200
    accounts.revoke_focal_point(persona("commissioner"), fp, "Left the ministry")
    after = client.get(reverse("focal:home"))
    assert after.status_code == 302 and after["Location"].startswith(reverse("focal:login"))
    client.logout()
    response = client.post(reverse("focal:login"), {"login": "mia.gone", "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("focal:home")).status_code == 302
    assert response.status_code in (200, 302)

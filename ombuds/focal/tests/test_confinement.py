"""A focal point is never staff: confined to the portal, no role's rights, its own landing page."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from ombuds.accounts.choices import UserKind
from ombuds.accounts.models import Role, User
from ombuds.accounts.scoping import answers_for
from ombuds.accounts.testing import TEST_PASSWORD
from ombuds.accounts.tokens import create_api_token
from ombuds.core.models import Authority
from ombuds.focal.testing import make_focal_point

pytestmark = pytest.mark.django_db


def test_staff_pages_and_lists_are_not_found_for_a_focal_point(staff_client):
    fp = make_focal_point(authority="mia")
    http = staff_client(fp.user)
    for url in ["/", reverse("complaints:list"), reverse("recommendations:list"), "/api/v1/applications/"]:
        assert http.get(url).status_code == 404, url
    assert http.get(reverse("focal:home")).status_code == 200


def test_a_focal_points_token_opens_no_staff_api(client):
    fp = make_focal_point(authority="mia")
    token = create_api_token(None, fp.user, "their system")
    for url in ["/api/v1/applications/", "/api/v1/recommendations/", "/api/v1/info-requests/"]:
        response = client.get(url, HTTP_AUTHORIZATION=f"Token {token}")
        assert response.status_code == 404, url


def test_a_role_granted_by_mistake_gives_a_focal_point_no_right():
    fp = make_focal_point(authority="mia")
    fp.user.roles.add(Role.objects.get(code="commissioner"))
    user = User.objects.get(pk=fp.user.pk)
    assert user.role_facts() == (set(), set(), set())
    assert not user.has_perm("complaints.handle_application")


def test_answers_for_only_its_own_body():
    fp = make_focal_point(authority="mia")
    mia, moj = Authority.objects.get(code="mia"), Authority.objects.get(code="moj")
    assert answers_for(fp.user, mia.pk)
    assert not answers_for(fp.user, moj.pk)
    fp.user.is_active = False
    assert not answers_for(fp.user, mia.pk)


def test_a_focal_point_always_answers_for_a_body_and_staff_never_do():
    with transaction.atomic(), pytest.raises(IntegrityError):
        User.objects.create(username="nobody", kind=UserKind.FOCAL_POINT)
    with transaction.atomic(), pytest.raises(IntegrityError):
        User.objects.create(username="clerk", authority=Authority.objects.get(code="mia"))


def test_staff_get_not_found_on_the_portal(persona, staff_client):
    http = staff_client(persona("commissioner"))
    assert http.get(reverse("focal:home")).status_code == 404


def test_the_portal_sign_in_lands_on_the_portal(client):
    make_focal_point(authority="mia", username="mia.focal")
    response = client.post(reverse("focal:login"), {"login": "mia.focal", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("focal:home")


def test_anonymous_visitors_sign_in_on_the_portals_page(client):
    response = client.get(reverse("focal:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("focal:login"))


def test_the_second_factor_step_of_a_portal_sign_in_wears_the_portals_header(client):
    from ombuds.accounts.testing import enrol_totp, totp_code

    fp = make_focal_point(authority="mia", username="mia.focal")
    secret = enrol_totp(fp.user)
    response = client.post(reverse("focal:login"), {"login": "mia.focal", "password": TEST_PASSWORD})
    assert response.status_code == 302 and response["Location"] != reverse("focal:home")  # the second factor
    step = client.get(response["Location"]).content.decode()
    assert "bg-ombuds-authority" in step and 'href="/complaints/' not in step
    done = client.post(response["Location"], {"code": totp_code(secret)})
    assert done.status_code == 302 and done["Location"] == reverse("focal:home")
    assert "ombuds_portal_sign_in" not in client.session


def test_the_second_factor_step_of_a_staff_sign_in_keeps_the_staff_header(client, persona):
    from ombuds.accounts.testing import enrol_totp

    staff = persona("complaints_officer")
    enrol_totp(staff)
    response = client.post(reverse("account_login"), {"login": staff.username, "password": TEST_PASSWORD})
    step = client.get(response["Location"]).content.decode()
    assert "bg-ombuds-authority" not in step

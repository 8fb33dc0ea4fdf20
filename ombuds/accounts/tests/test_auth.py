"""Sign-in: password + second factor, lockout, session lifetime, no self-registration."""

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.testing import TEST_PASSWORD, enrol_totp, make_user, totp_code

pytestmark = pytest.mark.django_db

LOGIN = "/auth/login/"
# A staff page: the root is not one for a visitor who is not signed in (it sends them to the public
# portal), so the checks that a page needs signing in use this one.
STAFF_PAGE = "/core/notifications/"


def _login(client, username, password=TEST_PASSWORD):
    return client.post(LOGIN, {"login": username, "password": password})


def test_anonymous_is_sent_to_login(client):
    response = client.get(STAFF_PAGE)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_anonymous_at_the_root_is_sent_to_the_public_portal(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/az/"


def test_login_page_renders_without_signup_link(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert b'name="login"' in response.content and b"signup" not in response.content


def test_signup_is_closed(client):
    response = client.post("/auth/signup/", {"username": "intruder", "password1": "a-long-password-123"})
    from ombuds.accounts.models import User

    assert not User.objects.filter(username="intruder").exists()
    assert response.status_code in (200, 403)


def test_without_enrolled_factor_only_enrolment_is_reachable(client, settings):
    settings.DEMO = False
    make_user(username="leyla")
    response = _login(client, "leyla")
    assert response.status_code == 302
    home = client.get("/")
    assert home.status_code == 302 and home["Location"] == reverse("mfa_activate_totp")
    # Enrolling a factor changes authentication settings: allauth asks for the password again.
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200 and b'name="code"' in page.content


def test_password_alone_reaches_no_staff_page_when_a_factor_is_enrolled(client, settings):
    settings.DEMO = False
    user = make_user(username="leyla")
    secret = enrol_totp(user)
    response = _login(client, "leyla")
    assert response["Location"] == reverse("mfa_authenticate")
    for url in (STAFF_PAGE, "/accounts/units/"):
        assert client.get(url)["Location"].startswith(LOGIN)
    assert client.get("/")["Location"] == "/az/"  # the public portal, not the staff home
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_a_used_code_cannot_be_replayed(client, settings):
    settings.DEMO = False
    user = make_user(username="leyla")
    secret = enrol_totp(user)
    code = totp_code(secret)
    _login(client, "leyla")
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.logout()
    _login(client, "leyla")
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200  # form redisplayed with an error
    assert client.get("/").status_code == 302


def test_demo_mode_lets_demo_accounts_in_with_password_only(client, settings):
    settings.DEMO = True
    make_user(username="commissioner.demo")
    _login(client, "commissioner.demo")
    response = client.get("/")
    assert response.status_code == 200
    assert b'data-testid="demo-banner"' in response.content


def test_sixth_failed_attempt_locks_the_account(client):
    make_user(username="leyla")
    for _ in range(5):
        response = _login(client, "leyla", "wrong-password-1234")
        assert response.status_code == 200
    response = _login(client, "leyla")  # even the right password is refused now
    assert response.status_code in (200, 429)
    assert client.get("/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_session_ends_after_the_absolute_lifetime(staff_client):
    user = make_user(username="leyla")
    client = staff_client(user)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert client.get("/").status_code == 200
        for _ in range(9):  # active every 10 minutes, never idle
            clock.shift(600)
            assert client.get("/").status_code == 200
        clock.shift(8 * 3600)
        response = client.get(STAFF_PAGE)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_authenticated_pages_are_not_stored(staff_client):
    client = staff_client(make_user())
    response = client.get("/")
    assert "no-store" in response["Cache-Control"]
    assert response["X-Request-ID"]


def test_admin_login_goes_through_the_staff_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def test_reading_a_page_writes_nothing_within_the_activity_interval(staff_client):
    from allauth.usersessions.models import UserSession
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = staff_client(make_user(username="leyla"))
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert client.get("/").status_code == 200  # first request: activity recorded
        seen = UserSession.objects.get(user__username="leyla").last_seen_at
        clock.shift(30)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        assert _writes(queries.captured_queries) == []
        clock.shift(31)  # a minute after the last record: recorded again, once
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        assert any("django_session" in sql for sql in _writes(queries.captured_queries))
        assert UserSession.objects.get(user__username="leyla").last_seen_at > seen


def test_session_ends_after_the_idle_limit_and_activity_keeps_it(staff_client):
    client = staff_client(make_user(username="leyla"))
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert client.get("/").status_code == 200
        for _ in range(3):  # active every 10 minutes: each visit restarts the 15-minute limit
            clock.shift(600)
            assert client.get("/").status_code == 200
        clock.shift(16 * 60)
        response = client.get(STAFF_PAGE)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)

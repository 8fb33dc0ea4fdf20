"""Project-wide fixtures: personas, one per role (see ombuds/accounts/testing.py)."""

from pathlib import Path

import pytest

from ombuds.accounts.testing import EXTERNAL_PERSONAS, PERSONAS, make_persona
from ombuds.core import refcache


@pytest.fixture
def persona(db):
    """`persona("regional_officer")` returns that role's user, created once per test;
    `persona("focal_point")` the focal point of the Ministry of Internal Affairs."""
    created = {}

    def get(name: str):
        if name not in created:
            if name in EXTERNAL_PERSONAS:
                from ombuds.focal.testing import make_focal_point

                created[name] = make_focal_point(authority=EXTERNAL_PERSONAS[name], username="focal.point").user
            else:
                created[name] = make_persona(name)
        return created[name]

    return get


@pytest.fixture(params=sorted(PERSONAS))
def any_persona(request, persona):
    return persona(request.param)


@pytest.fixture
def staff_client(client):
    """`staff_client(user)`: a test client signed in as `user` with both factors passed."""
    from ombuds.accounts.testing import enrol_totp

    def login(user):
        from allauth.mfa.models import Authenticator

        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            enrol_totp(user)
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests create many users. test_services checks Argon2 itself."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_leftover_language():
    """Each test starts with no language activated: messages in their source text (English) and
    addresses in the site's default language (/az/), the state the database setup's management
    commands leave. A request activates the language of its URL and leaves it active in the thread
    (as Django's own middleware does), so without this a test's `reverse()` built an /ru/ address
    after some earlier test of the same worker had fetched a Russian page."""
    from django.utils import translation

    translation.deactivate_all()
    yield
    translation.deactivate_all()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_reference_lists():
    """Lists built from reference data are kept per process (core/refcache.py); a test that
    flushes the database (transaction=True) leaves the shared version token behind, so each
    test starts with none built."""
    refcache.forget()


@pytest.fixture(autouse=True)
def _reference_rows_in_transactional_tests(request):
    """Data migrations load the reference rows (units, districts, authorities, calendar, rules)
    once; a transactional test's flush removes them for every later transactional test of the
    same process, so such a test starts by putting them back (idempotent: update_or_create)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from tests.reference import load_reference_data

    load_reference_data()


BROWSER_TESTS = Path(__file__).resolve().parent / "tests" / "browser"


def pytest_collection_modifyitems(items):
    """Everything under tests/browser is a browser test (run in its own, serial pass: the live
    server and Chromium do not share two cores well with parallel workers)."""
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)

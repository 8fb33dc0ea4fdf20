"""A bounded load test on loopback: 100 online applications sent at once by ten browsers' worth of
threads, through the real HTTP stack (CSRF, session, the one-time token), give 100 applications
with 100 distinct references; none is lost and none filed twice.

PostgreSQL only: SQLite takes one writer at a time, so "concurrent" would mean queued, and the
test would prove nothing about the register's counter or the reference's uniqueness under load."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

import pytest
from django.db import connection

from ombuds.complaints.models import Application, StatusKey

SUBMISSIONS = 100
THREADS = 10

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL (SQLite serialises them)"
)


def _apply(base: str, n: int) -> str:
    """One visitor (its own cookie jar): draw the form, send it, follow the redirect to the receipt;
    returns the reference shown."""
    browser = build_opener(HTTPCookieProcessor(CookieJar()))
    with browser.open(f"{base}/en/apply/", timeout=60) as response:
        html = response.read().decode()
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|once)" value="([^"]+)"', html))
    body = urlencode(
        {
            **fields,
            "given_name": f"Visitor {n}",
            "citizenship": "foreign",
            "respondent": "Migration service",
            "what_happened": f"My residence permit application no. {n} has had no answer for a year.",
            "district": "baku",
            "court_status": "none",
            "language": "en",
            "action": "submit",
        }
    ).encode()
    with browser.open(f"{base}/en/apply/", data=body, timeout=120) as response:  # 302 → the receipt
        receipt = response.read().decode()
    found = re.search(r'data-testid="reference">([A-Z0-9-]+)<', receipt)
    assert found is not None, f"submission {n}: no receipt"
    return found[1]


@pytest.mark.django_db(transaction=True)
def test_a_hundred_concurrent_online_submissions_are_all_filed_once(live_server, settings):
    settings.OMBUDS_APPLY_SUBMISSIONS_PER_HOUR = SUBMISSIONS * 2  # one loopback address sends them all
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        references = list(pool.map(lambda n: _apply(live_server.url, n), range(SUBMISSIONS)))
    assert len(set(references)) == SUBMISSIONS
    assert Application.objects.filter(channel="online").count() == SUBMISSIONS
    assert set(StatusKey.objects.values_list("reference", flat=True)) == set(references)
    numbers = list(Application.objects.values_list("sequence", flat=True))
    assert sorted(numbers) == list(range(1, SUBMISSIONS + 1))  # the register's counter skipped nothing

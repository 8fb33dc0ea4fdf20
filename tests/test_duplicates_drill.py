"""The duplicates drill in small (bench/drill_duplicates.py is the full one, 100 requests against
gunicorn): identical creates with one Idempotency-Key make exactly one record and identical answers.
On PostgreSQL the requests run at once on their own connections; SQLite serialises writers, so
there the same requests run one after another."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from ombuds.accounts.testing import make_persona
from ombuds.accounts.tokens import create_api_token
from ombuds.complaints.models import Application
from ombuds.complaints.tests.test_api import NEW
from ombuds.core.idempotency import HEADER

CONCURRENT = 20


def _send(token: str, key: str) -> tuple[int, bytes]:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.post("/api/v1/applications/", NEW, format="json", headers={HEADER: key})
    return response.status_code, response.content


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_concurrent_identical_creates_make_one_record():
    token = create_api_token(None, make_persona("intake_operator"), "drill")
    barrier = threading.Barrier(CONCURRENT)
    answers: list[tuple[int, bytes]] = []
    errors: list[BaseException] = []

    def one() -> None:
        try:
            barrier.wait()
            answers.append(_send(token, "drill-key"))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=one) for _ in range(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(answers) == CONCURRENT
    assert Application.objects.count() == 1
    assert len(set(answers)) == 1 and answers[0][0] == 201, {status for status, _ in answers}


@pytest.mark.django_db
def test_repeated_identical_creates_make_one_record():
    token = create_api_token(None, make_persona("intake_operator"), "drill")
    answers = {_send(token, "drill-key") for _ in range(CONCURRENT)}
    assert Application.objects.count() == 1
    assert len(answers) == 1 and next(iter(answers))[0] == 201

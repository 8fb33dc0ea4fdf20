"""Property-based run of the whole API against its own schema (schemathesis, in-process WSGI).

Every operation of /api/v1/ gets a bounded number of generated requests, valid and invalid, as a
token-authenticated persona on a small database. Each answer must not be a server error, must
carry a documented status code and must match the documented body. An outside run of ~19,000
cases once found 24 server errors and 37 schema violations; this keeps the count at zero.
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from rest_framework.test import APIClient

from ombuds.accounts.tokens import create_api_token
from ombuds.complaints.testing import make_application
from ombuds.monitoring.testing import make_visit

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.generation.modes import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
EXAMPLES = 10  # per operation and generation mode: the whole run stays well under a minute on SQLite


def _operations():
    raw = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = get_wsgi_application()
    return [result.ok() for result in schema.get_all_operations()]


@contextmanager
def connection_kept():
    """Schemathesis calls the WSGI application directly, not through Django's test client, so each
    request's end would close the database connection (a connection inside the test's transaction
    counts as unusable) and with it the test's data; on PostgreSQL every later request then fails.
    The test client detaches the same handlers around each of its requests, and attaches them again
    afterwards, so this wraps only the schemathesis calls."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_schema(persona, settings):
    settings.ALLOWED_HOSTS = ["*"]
    boss = persona("commissioner")
    make_application(boss)
    make_visit(boss)
    headers = {"Authorization": f"Token {create_api_token(None, boss, 'schemathesis')}"}
    assert APIClient(headers=headers).get("/api/v1/applications/").status_code == 200

    operations = _operations()
    assert len(operations) >= 30
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @hypothesis_settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def run(case):
                case.call_and_validate(headers=headers, checks=CHECKS)

            try:
                with connection_kept():
                    run()
            except Unsatisfiable:
                # No invalid input exists for this operation (a free-text path segment, say).
                assert mode == GenerationMode.NEGATIVE, operation.label
            except (Exception, BaseExceptionGroup) as exc:  # every operation's failures, not only the first
                failures.append(f"{operation.label} [{mode}]: {exc}")
    assert not failures, "\n\n".join(failures)

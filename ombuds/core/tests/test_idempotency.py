"""Idempotency-Key on the API's POSTs (ombuds/core/idempotency.py): a repeat replays the first
answer, a reused key with another request is refused, failures store nothing, keys expire."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from config.api import router
from ombuds.accounts.tokens import create_api_token
from ombuds.complaints.models import Application
from ombuds.complaints.testing import make_application
from ombuds.complaints.tests.test_api import NEW
from ombuds.core.idempotency import HEADER, REPLAYED, IdempotencyMixin
from ombuds.core.models import AuditEvent, IdempotencyKey

pytestmark = pytest.mark.django_db


def client_for(user, key=None):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, user, 'test')}")
    return client


def post(client, key, data=NEW, path="/api/v1/applications/"):
    return client.post(path, data, format="json", headers={HEADER: key} if key else {})


def test_a_repeat_replays_the_first_answer_and_creates_nothing(persona):
    client = client_for(persona("intake_operator"))
    first = post(client, "k-1")
    again = post(client, "k-1")
    assert first.status_code == again.status_code == 201, first.content
    assert again.content == first.content and again[REPLAYED] == "true" and REPLAYED not in first
    assert Application.objects.count() == 1
    assert AuditEvent.objects.filter(action="complaints.application.registered").count() == 1
    stored = IdempotencyKey.objects.get()
    assert stored.object_id == first.json()["id"] and stored.status_code == 201


def test_the_same_key_with_another_request_is_a_422(persona):
    client = client_for(persona("intake_operator"))
    assert post(client, "k-1").status_code == 201
    other = post(client, "k-1", {**NEW, "summary": "Another matter entirely, with other words."})
    assert other.status_code == 422 and other.json()["detail"]
    assert post(client, "k-1", path="/api/v1/calls/").status_code == 422  # another path is another request
    assert Application.objects.count() == 1


def test_keys_belong_to_their_user_and_a_request_without_a_key_acts_every_time(persona):
    operator, officer = persona("intake_operator"), persona("complaints_officer")
    assert post(client_for(operator), "shared").status_code == 201
    assert post(client_for(officer), "shared").status_code == 201
    assert post(client_for(officer), None).status_code == 201
    assert Application.objects.count() == 3


def test_a_failed_request_stores_nothing_and_its_retry_is_processed(persona):
    client = client_for(persona("intake_operator"))
    assert post(client, "k-1", {**NEW, "district": "atlantis"}).status_code == 400
    assert not IdempotencyKey.objects.exists()
    assert post(client, "k-1").status_code == 201
    assert Application.objects.count() == 1


def test_a_malformed_key_is_a_400(persona):
    client = client_for(persona("intake_operator"))
    for key in ("", "x" * 256, "tab\there", "ключ"):
        response = client.post("/api/v1/applications/", NEW, format="json", headers={HEADER: key})
        assert response.status_code == 400 and HEADER in response.json(), key
    assert post(client, '"quoted-sf-string"').status_code == 201


def test_an_action_is_replayed_too(persona):
    head = persona("department_head")
    app = make_application(head)
    client = client_for(head)
    path = f"/api/v1/applications/{app.public_id}/decision/"
    first = post(client, "decide-1", {"decision": "accept"}, path=path)
    again = post(client, "decide-1", {"decision": "accept"}, path=path)
    assert first.status_code == again.status_code == 200 and again.content == first.content
    assert AuditEvent.objects.filter(action="complaints.application.admissibility_decided").count() == 1


def test_keys_expire_and_the_purge_deletes_them(persona, settings):
    client = client_for(persona("intake_operator"))
    assert post(client, "k-1").status_code == 201
    later = timezone.now() + timedelta(hours=settings.OMBUDS_IDEMPOTENCY_HOURS, minutes=1)
    with time_machine.travel(later):
        call_command("purge_idempotency_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert not IdempotencyKey.objects.exists()
        assert post(client, "k-1").status_code == 201  # a new request after expiry
    assert Application.objects.count() == 2


def test_an_expired_key_is_reused_even_before_the_purge(persona, settings):
    client = client_for(persona("intake_operator"))
    assert post(client, "k-1").status_code == 201
    with time_machine.travel(timezone.now() + timedelta(hours=settings.OMBUDS_IDEMPOTENCY_HOURS, minutes=1)):
        assert post(client, "k-1").status_code == 201
    assert Application.objects.count() == 2 and IdempotencyKey.objects.count() == 1


def test_the_stored_answer_is_encrypted(persona):
    client = client_for(persona("intake_operator"))
    number = post(client, "k-1").json()["number"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT response FROM core_idempotencykey")
        (raw,) = cursor.fetchone()
    assert number not in raw and raw.startswith("v1:")


def test_every_view_set_with_a_post_takes_the_key():
    for prefix, viewset, _basename in router.registry:
        posts = "create" in dir(viewset) or any("post" in a.mapping for a in viewset.get_extra_actions())
        if posts:
            assert issubclass(viewset, IdempotencyMixin), prefix


def test_every_post_operation_documents_the_key():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    posts = [ops["post"] for ops in schema["paths"].values() if "post" in ops]
    assert len(posts) >= 10
    for operation in posts:
        assert HEADER in [p["name"] for p in operation["parameters"]], operation["operationId"]
        assert {"409", "422"} <= set(operation["responses"]), operation["operationId"]

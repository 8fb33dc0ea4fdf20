"""The one input-cleaning layer and the strict serializers, across every endpoint of the API."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
from urllib.parse import parse_qs, urlsplit

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework import serializers
from rest_framework.test import APIClient

from ombuds.accounts.testing import ALL_PERSONAS
from ombuds.accounts.tokens import create_api_token
from ombuds.complaints import services as complaints
from ombuds.complaints.choices import InfoRequestBasis
from ombuds.complaints.models import Application
from ombuds.complaints.testing import authority, make_application
from ombuds.core.api import StrictFieldsMixin
from ombuds.core.cleaning import request_has_nul
from ombuds.core.keyset import Keyset
from ombuds.monitoring.testing import make_visit

pytestmark = pytest.mark.django_db

UNKNOWN = "zz_not_a_field"
API_SERIALIZER_MODULES = ["ombuds.complaints.api.serializers", "ombuds.monitoring.api.serializers"]
API_SERIALIZER_MODULES += ["ombuds.outreach.api.serializers", "ombuds.recommendations.api.serializers"]
API_SERIALIZER_MODULES += ["ombuds.focal.api.serializers", "ombuds.reports.api.dataset_serializers"]
API_SERIALIZER_MODULES += ["ombuds.reports.api.report_serializers"]
# Personas most likely to hold write permissions first; the rest keep the test complete.
WRITERS = ["commissioner", "intake_operator", "npm_member", "awareness_staff"]
WRITERS += sorted(set(ALL_PERSONAS) - set(WRITERS))  # the focal point writes to the authority API


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_api_token(None, user, 'test')}")
    return client


def _schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _write_operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method in ("post", "put", "patch"):
                yield path, method, operation


def _props(schema, operation, key):
    """Property names of the JSON request or 2xx response body of an operation."""
    if key == "request":
        content = operation.get("requestBody", {}).get("content", {})
    else:
        ok = next((r for code, r in operation["responses"].items() if code.startswith("2")), {})
        content = ok.get("content", {})
    ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
    if not ref:
        return set()
    return set(schema["components"]["schemas"][ref.rsplit("/", 1)[1]].get("properties", {}))


def test_every_api_serializer_is_strict():
    for name in API_SERIALIZER_MODULES:
        module = importlib.import_module(name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == name and issubclass(cls, serializers.BaseSerializer):
                assert issubclass(cls, StrictFieldsMixin), f"{name}.{cls.__name__} is not a core.api serializer"


def _finding(actor):
    from ombuds.monitoring import services as monitoring
    from ombuds.monitoring.testing import make_visit

    visit = make_visit(actor)
    monitoring.prepare_visit(actor, visit, "")
    visit = monitoring.record_arrival(actor, visit)
    return monitoring.add_finding(
        actor, visit, area="treatment", text="Cold.", severity="info", sources=["observation"]
    ).public_id


def test_every_write_endpoint_refuses_unknown_and_read_only_fields(persona):
    boss = persona("commissioner")
    app = make_application(boss)
    info_request = complaints.send_info_request(
        boss, app, addressee=authority("mia"), basis=InfoRequestBasis.GENERAL, questions="1. Why?"
    )
    ids = {"applications": app.public_id, "info-requests": info_request.public_id, "findings": _finding(boss)}
    from ombuds.outreach.tests.factories import make_event

    event = make_event()
    ids |= {"events": event.public_id, "plan-items": event.plan_item.public_id}
    visit = make_visit(boss)
    ids |= {"visits": visit.public_id, "places": visit.place.public_id}
    from ombuds.recommendations.testing import make_recommendation

    ids["recommendations"] = make_recommendation(boss).public_id
    from ombuds.focal.testing import recommendation_to

    # The authority API: the request above is addressed to the MIA, whose focal point the persona is.
    ids["authority/info-requests"] = info_request.public_id
    ids["authority/recommendations"] = recommendation_to("mia").public_id
    schema = _schema()
    operations = list(_write_operations(schema))
    assert len(operations) >= 15
    for path, method, operation in operations:
        parts = path.split("/")
        resource = "/".join(parts[3:5]) if parts[3] == "authority" else parts[3]
        url = path.replace("{public_id}", str(ids.get(resource, "")))
        read_only = sorted(_props(schema, operation, "response") - _props(schema, operation, "request"))
        payload = {UNKNOWN: "x"} | ({read_only[0]: "x"} if read_only else {})
        for name in WRITERS:  # the first persona let through to the payload must see it refused
            client = APIClient()
            client.force_authenticate(persona(name))
            # A change of a record names the version it is based on; `*`: any (core/etags.py).
            match = {"HTTP_IF_MATCH": "*"} if method in ("patch", "put") else {}
            response = getattr(client, method)(url, payload, format="json", **match)
            if response.status_code not in (403, 404):  # refused before reading the payload
                assert response.status_code == 400, (path, name, response.status_code, response.content)
                assert set(payload) <= set(response.json()), (path, name, response.json())
                break
        else:
            pytest.fail(f"no persona may write to {method.upper()} {path}: the check is vacuous")


def test_the_refusal_names_the_field_and_writes_nothing(persona):
    client = token_client(persona("intake_operator"))
    before = client.get("/api/v1/calls/").json()["results"]
    response = client.post(
        "/api/v1/calls/",
        {"topic": "police", "caller_name": "Aqil", "application": "2025/KAT/00001", "repeat_of": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"application", "repeat_of"}
    assert client.get("/api/v1/calls/").json()["results"] == before


@pytest.mark.parametrize(
    ("method", "url", "kwargs"),
    [
        ("get", "/api/v1/authorities/?kind=%00", {}),
        ("get", "/api/v1/authorities/?a%00b=1", {}),
        ("get", "/api/v1/authorities/mi%00a/", {}),
        ("post", "/api/v1/calls/", {"data": {"topic": "police\x00", "caller_name": "A"}, "format": "json"}),
        ("post", "/api/v1/calls/", {"data": '{"note": "a\\u0000"}', "content_type": "application/json"}),
        ("post", "/api/v1/calls/", {"data": {"topic": "police", "note": "a\x00"}, "format": "multipart"}),
    ],
)
def test_a_nul_character_is_a_400_on_the_api(persona, method, url, kwargs):
    client = token_client(persona("intake_operator"))
    response = getattr(client, method)(url, **kwargs)
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_an_escaped_backslash_before_u0000_is_plain_text(persona):
    client = token_client(persona("intake_operator"))
    body = '{"topic": "police", "received_at": "2025-10-06T10:00:00+04:00", "note": "path C:\\\\u0000"}'
    response = client.post("/api/v1/calls/", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["note"] == "path C:\\u0000"


def test_a_nul_character_in_a_cookie_is_a_400_and_file_contents_are_not_text(persona, staff_client):
    client = staff_client(persona("intake_operator"))
    client.cookies["sessionid"] = "abcdefgh\x00ijk"
    assert client.get("/complaints/").status_code == 400
    # Django's multipart parser already drops NUL from file names; file contents are not text.
    plain = SimpleUploadedFile("ab.txt", b"\x00 binary content is the upload checks' business")
    assert not request_has_nul(RequestFactory().post("/complaints/new/", {"summary": "x", "file": plain}))


def test_a_nul_character_is_a_400_on_pages(persona, staff_client):
    client = staff_client(persona("intake_operator"))
    assert client.get("/complaints/?q=a%00b").status_code == 400
    assert client.post("/complaints/new/?channel=call_916", {"summary": "a\x00b"}).status_code == 400


def _cursor_of(client, path):
    body = client.get(path).json()
    return parse_qs(urlsplit(body["next"]).query)["cursor"][0]


@pytest.mark.parametrize("kind", ["garbage", "edited", "other list", "other order"])
def test_a_cursor_not_made_by_the_list_is_a_400(persona, settings, kind):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "PAGE_SIZE": 1}
    boss = persona("commissioner")
    for _ in range(2):
        make_visit(boss)
        make_application(boss)
    client = token_client(boss)
    cursor = _cursor_of(client, "/api/v1/applications/")
    if kind == "garbage":
        cursor = "99999999999999999999"
    elif kind == "edited":
        cursor = cursor[:5] + ("A" if cursor[5] != "A" else "B") + cursor[6:]
    elif kind == "other list":
        cursor = _cursor_of(client, "/api/v1/visits/")
    else:
        oldest_first = Keyset(Application, ("received_at", "pk"))
        cursor = oldest_first.cursor(Application.objects.first(), backward=False, number=2)
    response = client.get("/api/v1/applications/", {"cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.json()


@pytest.mark.parametrize("when", ["0007-03-01T10:00:00+04:00", "8114-03-01T10:00:00+04:00", "1899-12-31T10:00:00Z"])
def test_dates_outside_the_sane_range_are_a_400(persona, when):
    client = token_client(persona("intake_operator"))
    payload = {
        "channel": "email",
        "received_at": when,
        "applicant_kind": "person",
        "summary": "The municipality did not answer.",
        "district": "sumgayit",
    }
    response = client.post("/api/v1/applications/", payload, format="json")
    assert response.status_code == 400
    assert "received_at" in response.json()


def test_the_date_range_binds_forms_and_declared_serializer_fields_alike(settings):
    settings.OMBUDS_DATE_YEARS_AHEAD = 1

    class Form(forms.Form):
        on = forms.DateField()
        at = forms.DateTimeField()

    assert set(Form({"on": "0007-01-01", "at": "8114-01-01 10:00"}).errors) == {"on", "at"}
    far = timezone.localdate().replace(day=1) + dt.timedelta(days=800)
    assert Form({"on": far.isoformat(), "at": "2020-01-01 10:00"}).errors.keys() == {"on"}
    assert Form({"on": "1950-05-01", "at": "2020-01-01 10:00"}).is_valid()

    from ombuds.core import api

    class Payload(api.Serializer):
        on = serializers.DateField(validators=[])  # explicit validators still get the range

    assert not Payload(data={"on": "0007-01-01"}).is_valid()
    assert Payload(data={"on": "2020-01-01"}).is_valid()


def test_api_lists_do_not_count_the_table(persona, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "PAGE_SIZE": 2}
    boss = persona("commissioner")
    for _ in range(3):
        make_visit(boss)
    client = token_client(boss)
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/api/v1/visits/")
    assert first.status_code == 200
    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    body = first.json()
    assert len(body["results"]) == 2 and body["previous"] is None and "count" not in body
    second = client.get(body["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None and second["previous"]


def test_every_list_endpoint_uses_the_core_paginator():
    schema = _schema()
    lists = [
        (path, op)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
        if method == "get" and "{" not in path and path != "/api/v1/schema/"
    ]
    assert lists
    for path, operation in lists:
        params = {p["name"]: p for p in operation.get("parameters", [])}
        assert params["cursor"]["schema"] == {"type": "string"}, path
        assert "page" not in params, path

"""One rule for records a user may not know of, on every API endpoint that addresses a record:
the answer is 404, the same as for an id that does not exist; 403 only for a user who lacks the
permission for the whole section (then the section's list says 403 too, whatever the id)."""

from __future__ import annotations

import uuid

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from ombuds.accounts.testing import PERSONAS
from ombuds.complaints import services as complaints
from ombuds.complaints.choices import InfoRequestBasis
from ombuds.complaints.testing import authority, make_application
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.testing import make_place
from ombuds.monitoring.tests.matrix import _visit
from ombuds.outreach.tests.factories import make_event, make_item
from ombuds.recommendations.tests.matrix import _rec
from ombuds.reports.tests.matrix_datasets import make_dataset
from ombuds.reports.tests.reporting import make_report

pytestmark = pytest.mark.django_db


def _records():
    """One record per addressable resource, made by the system (so no persona is its author)."""
    app = make_application(None, unit="rc_north", district="guba")
    visit = _visit(None, in_scope=False, arrived=True)
    interview = monitoring.add_interview(None, visit, pseudonym="A-1", kind="detainee")
    return {
        "applications": app.public_id,
        "info-requests": complaints.send_info_request(
            None, app, addressee=authority("mia"), basis=InfoRequestBasis.GENERAL, questions="1. Why?"
        ).public_id,
        "places": make_place(None, district="guba").public_id,
        "visits": visit.public_id,
        "visit-plans": monitoring.create_plan(None, 2026, "Plan").public_id,
        "interviews": interview.public_id,
        "allegations": monitoring.record_allegation(None, interview, methods="Beaten.").public_id,
        "events": make_event(make_item(unit="rc_south"), host="rc_south").public_id,  # no persona's unit
        "findings": monitoring.add_finding(
            None, visit, area="regime", text="No walks.", severity="concern", sources=["detainee"]
        ).public_id,
        "access-incidents": monitoring.record_access_incident(
            None, visit, kind="delayed", description="Kept at the gate."
        ).public_id,
        "recommendations": _rec(None, in_scope=False).public_id,
        # The authority API does not exist for staff: 404 whatever the id (ombuds/focal/api).
        "authority/info-requests": complaints.send_info_request(
            None, app, addressee=authority("moj"), basis=InfoRequestBasis.GENERAL, questions="2. Who?"
        ).public_id,
        "authority/recommendations": _rec(None, in_scope=True).public_id,
        # A draft dataset: only those who see aggregates know of it (published ones are open data).
        "datasets": make_dataset(status="draft").public_id,
        # A report in preparation: only those who see aggregates know of it (published ones are public).
        "reports": make_report().public_id,
    }


def _resource(path: str) -> str:
    """The router's prefix of an addressed path: "/api/v1/authority/recommendations/{public_id}/"
    → "authority/recommendations"."""
    return path.removeprefix("/api/v1/").split("/{", 1)[0]


def _knows(client, url) -> bool:
    response = client.get(url)
    return response.status_code == 200 or "purpose" in str(response.json().get("detail", ""))


def _addressed_operations():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, operations in schema["paths"].items():
        if "{public_id}" in path:
            for method in operations:
                if method in ("get", "post"):
                    yield path, method


def test_out_of_scope_is_404_like_a_missing_record_and_403_only_for_a_whole_section(persona):
    records = _records()
    operations = list(_addressed_operations())
    resources = {_resource(path) for path, _method in operations}
    untested = resources - set(records)
    # The action plan and its items are the institution's published programme: every staff
    # member reads them, so there is nothing to hide.
    assert untested <= {"action-plans", "plan-items"}, untested
    problems = []
    for name in sorted(PERSONAS):
        client = APIClient()
        client.force_authenticate(persona(name))
        for path, method in operations:
            resource = _resource(path)
            if resource not in records:
                continue
            url = path.replace("{public_id}", str(records[resource]))
            if _knows(client, f"/api/v1/{resource}/{records[resource]}/"):
                continue  # the user may know of this record: any refusal may say why
            real = getattr(client, method)(url, {}, format="json")
            missing = getattr(client, method)(path.replace("{public_id}", str(uuid.uuid4())), {}, format="json")
            listed = client.get(f"/api/v1/{resource}/")
            if real.status_code != missing.status_code:
                problems.append(
                    f"{name} {method} {path}: {real.status_code} for a hidden record, "
                    f"{missing.status_code} for a missing one"
                )
            elif real.status_code not in (403, 404):
                problems.append(f"{name} {method} {path}: {real.status_code}")
            elif method == "get" and (real.status_code == 403) != (listed.status_code == 403):
                problems.append(
                    f"{name} {method} {path}: {real.status_code} while the section's list answers "
                    f"{listed.status_code} (403 for both without the section's permission, else 404)"
                )
    assert not problems, "\n".join(problems)

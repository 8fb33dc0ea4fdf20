"""The audit trail: chained, append-only, verified; tampering is named by sequence number."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from ombuds.accounts import services
from ombuds.accounts.choices import RoleCode
from ombuds.accounts.testing import make_persona, make_user
from ombuds.core import audit
from ombuds.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def anchor_file(settings, tmp_path):
    settings.OMBUDS_AUDIT_ANCHOR_PATH = str(tmp_path / "anchors.jsonl")
    return tmp_path / "anchors.jsonl"


@pytest.fixture
def trail():
    """Ten events from real services; returns their sequence numbers in order."""
    admin = make_user(username="admin.user", roles=[RoleCode.SYSADMIN])
    for i in range(3):
        user = make_user(username=f"staff{i}")
        services.grant_role(admin, user, RoleCode.ANALYST)
        services.revoke_role(admin, user, RoleCode.ANALYST)
    return list(AuditEvent.objects.order_by("pk").values_list("pk", flat=True))


def _raw(sql, params=()):
    """Tamper as a database superuser would: bypassing the append-only trigger on PostgreSQL."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)


def test_services_write_chained_events(trail):
    assert len(trail) == 10
    events = list(AuditEvent.objects.order_by("pk"))
    assert events[0].prev_hash == audit.GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(events, events[1:], strict=False))
    granted = events[2]
    assert granted.action == "accounts.role.granted" and granted.actor_label == "admin.user"
    assert granted.changes == {"role": "analyst"}
    assert audit.verify_chain().ok


def test_audit_verify_command_passes_on_a_clean_chain(trail, capsys):
    call_command("audit_verify")
    assert "10 events" in capsys.readouterr().out


@pytest.mark.parametrize("column", ["action", "actor_label", "changes", "occurred_at"])
def test_an_updated_row_is_named(trail, column):
    target = trail[4]
    values = {
        "action": "accounts.role.revoked",
        "actor_label": "someone.else",
        "changes": json.dumps({"role": "commissioner"}),
        "occurred_at": "2020-01-01 00:00:00",
    }
    _raw(f"UPDATE core_auditevent SET {column} = %s WHERE id = %s", [values[column], target])  # noqa: S608
    with pytest.raises(CommandError, match=f"sequence number {target}:"):
        call_command("audit_verify")


def test_a_deleted_row_is_named_by_its_successor(trail):
    _raw("DELETE FROM core_auditevent WHERE id = %s", [trail[3]])
    result = audit.verify_chain()
    assert not result.ok and result.first_bad_seq == trail[4]


def test_an_inserted_row_is_named(trail):
    middle = AuditEvent.objects.get(pk=trail[5])
    _raw(
        "INSERT INTO core_auditevent (id, occurred_at, actor_id, actor_label, action, object_type, object_id,"
        " changes, purpose, request_id, ip, prev_hash, hash) VALUES (%s, %s, NULL, 'ghost',"
        " 'accounts.user.logged_in', '', '',"
        " '{}', '', '', NULL, %s, %s)",
        [trail[5] + 1000, middle.occurred_at, middle.hash, "f" * 64],
    )
    result = audit.verify_chain()
    assert not result.ok and result.first_bad_seq == trail[5] + 1000


def test_reordered_rows_are_detected(trail):
    a, b = trail[2], trail[3]
    _raw("UPDATE core_auditevent SET id = %s WHERE id = %s", [-1, a])
    _raw("UPDATE core_auditevent SET id = %s WHERE id = %s", [a, b])
    _raw("UPDATE core_auditevent SET id = %s WHERE id = %s", [b, -1])
    result = audit.verify_chain()
    assert not result.ok and result.first_bad_seq == a


def test_a_truncated_tail_is_caught_by_the_signed_head(trail, anchor_file):
    call_command("audit_sign_head", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert anchor_file.read_text().count("\n") == 1
    _raw("DELETE FROM core_auditevent WHERE id >= %s", [trail[7]])
    _raw("DELETE FROM core_auditcheckpoint")  # the attacker cleans the database copy too
    result = audit.verify_chain()
    assert not result.ok and result.first_bad_seq == trail[-1]


def test_a_forged_signature_in_the_anchor_file_is_ignored(trail, anchor_file):
    anchor_file.write_text(json.dumps({"seq": 999999, "hash": "0" * 64, "signature": "1" * 64}) + "\n")
    assert audit.verify_chain().ok


def test_secret_values_are_masked():
    event = audit.record(
        "core.auditevent.tested", changes={"name": "x", "identity": "Real Name"}, secret_fields={"identity"}
    )
    event.refresh_from_db()
    assert event.changes == {"name": "x", "identity": audit.MASK}


def test_request_id_and_ip_are_recorded(client):
    from ombuds.accounts.testing import TEST_PASSWORD

    make_user(username="leyla")
    response = client.post("/auth/login/", {"login": "leyla", "password": TEST_PASSWORD}, REMOTE_ADDR="10.1.2.3")
    event = AuditEvent.objects.filter(action="accounts.user.logged_in").latest("pk")
    assert event.request_id == response["X-Request-ID"] and event.ip == "10.1.2.3"


def test_failed_logins_are_recorded_without_the_password(client):
    client.post("/auth/login/", {"login": "nobody", "password": "guessed-password-123"})
    event = AuditEvent.objects.filter(action="accounts.user.login_failed").latest("pk")
    assert event.changes == {"username": "nobody"}
    assert "guessed" not in json.dumps(event.changes)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only trigger is PostgreSQL's")
def test_postgresql_refuses_update_and_delete_of_audit_rows(trail):
    for sql in ("UPDATE core_auditevent SET action = 'x' WHERE id = %s", "DELETE FROM core_auditevent WHERE id = %s"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [trail[0]])
    assert AuditEvent.objects.filter(pk=trail[0]).exists()


def test_auditor_sees_and_filters_the_trail_others_do_not(staff_client, trail):
    client = staff_client(make_persona("auditor"))
    page = client.get("/core/audit/?action=accounts.role.granted")
    assert page.status_code == 200
    assert page.content.decode().count("<code>accounts.role.granted</code>") == 3
    rows = client.get("/core/audit/?actor=nobody", HTTP_HX_REQUEST="true")
    assert b"<html" not in rows.content and b"accounts.role" not in rows.content
    client.logout()
    other = staff_client(make_persona("commissioner"))
    assert other.get("/core/audit/").status_code == 403


@pytest.mark.parametrize(
    "action",
    [
        "application.registered",
        "complaints.registered",
        "nope.application.x",
        "complaints.nomodel.x",
        "Complaints.Application.Registered",
    ],
)
def test_action_names_follow_app_model_verb(action):
    with pytest.raises(ValueError):
        audit.record(action)

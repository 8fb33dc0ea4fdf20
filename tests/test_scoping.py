"""Need-to-know scoping through visible_to() and the funnel (test models in tests/fixtures_app)."""

import uuid

import pytest
from django.db import transaction
from django.http import Http404

from ombuds.accounts import services
from ombuds.accounts.choices import RoleCode
from ombuds.accounts.models import OrgUnit, User
from ombuds.accounts.scoping import PurposeRequired, get_object_for_user
from ombuds.accounts.testing import make_user
from ombuds.core.models import AuditEvent, District
from tests.fixtures_app.models import Dossier

pytestmark = pytest.mark.django_db


def dossier(title, *, unit="dept_complaints", district="baku", **extra):
    return Dossier.objects.create(
        title=title, unit=OrgUnit.objects.get(code=unit), district=District.objects.get(code=district), **extra
    )


def titles(user):
    return set(Dossier.objects.visible_to(user).values_list("title", flat=True))


@pytest.fixture
def world(persona):
    operator = persona("intake_operator")
    officer = persona("complaints_officer")
    return {
        "hq_queue": dossier("hq_queue"),
        "ganja": dossier("ganja", unit="rc_west", district="ganja"),
        "guba": dossier("guba", unit="rc_north", district="guba"),
        "mine": dossier("mine", unit="rc_north", district="guba", assignee=officer),
        "intake": dossier("intake", unit="call916", created_by=operator),
        "triaged": dossier("triaged", unit="dept_complaints", created_by=operator, intake_open=False),
        "secret_west": dossier("secret_west", unit="rc_west", district="ganja", is_secret=True),
        "secret_npg": dossier("secret_npg", unit="npg", is_secret=True),
    }


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("commissioner", {"hq_queue", "ganja", "guba", "mine", "intake", "triaged", "secret_west", "secret_npg"}),
        ("regional_officer", {"ganja"}),  # West region, but not the secret one
        ("complaints_officer", {"hq_queue", "triaged", "mine"}),  # unit queue + assigned
        ("department_head", {"hq_queue", "triaged"}),
        ("intake_operator", {"intake"}),  # own intake until triage
        ("npm_member", set()),  # the NPG's secret record needs assignment
        ("awareness_staff", set()),
        ("analyst", set()),
        ("auditor", set()),
        ("sysadmin", set()),
    ],
)
def test_who_sees_what(world, persona, who, expected):
    assert titles(persona(who)) == expected


def test_npm_lead_sees_the_secret_tier(world):
    lead = make_user(username="npm.lead", roles=[RoleCode.DEPARTMENT_HEAD, RoleCode.NPM_MEMBER], unit="npg")
    assert titles(lead) == {"secret_npg", "secret_west"}


def test_an_assignee_sees_a_secret_record(world, persona):
    member = persona("npm_member")
    world["secret_npg"].assignee = member
    world["secret_npg"].save()
    assert titles(member) == {"secret_npg"}


def test_funnel_gives_404_for_out_of_scope_missing_and_malformed(world, persona):
    officer = persona("regional_officer")
    assert get_object_for_user(Dossier.objects, officer, world["ganja"].public_id) == world["ganja"]
    for public_id in (world["guba"].public_id, uuid.uuid4(), "not-a-uuid", world["secret_west"].public_id):
        with pytest.raises(Http404):
            get_object_for_user(Dossier.objects, officer, public_id)


def test_secret_read_needs_a_purpose_and_is_audited(world, persona):
    boss = persona("commissioner")
    with pytest.raises(PurposeRequired):
        get_object_for_user(Dossier.objects, boss, world["secret_npg"].public_id)
    get_object_for_user(Dossier.objects, boss, world["secret_npg"].public_id, purpose="review before the report")
    event = AuditEvent.objects.get(action="fixtures_app.dossier.secret_read")
    assert event.purpose == "review before the report" and event.object_id == str(world["secret_npg"].public_id)
    get_object_for_user(Dossier.objects, boss, world["ganja"].public_id)
    assert AuditEvent.objects.filter(action__endswith="secret_read").count() == 1  # ordinary reads are not


def test_write_lookup_locks_inside_a_transaction(world, persona):
    with transaction.atomic():
        obj = get_object_for_user(Dossier.objects, persona("regional_officer"), world["ganja"].public_id, write=True)
    assert obj.title == "ganja"


def test_revoking_a_role_or_an_assignment_works_on_the_next_request(world, persona):
    officer = persona("regional_officer")
    assert titles(officer) == {"ganja"}
    services.revoke_role(None, officer, RoleCode.REGIONAL_OFFICER)
    assert titles(User.objects.get(pk=officer.pk)) == set()

    complaints = persona("complaints_officer")
    world["mine"].assignee = None
    world["mine"].save()
    assert "mine" not in titles(User.objects.get(pk=complaints.pk))


def test_deactivated_users_see_nothing(world, persona):
    boss = persona("commissioner")
    services.deactivate_user(None, boss)
    assert titles(User.objects.get(pk=boss.pk)) == set()


def test_list_query_count_does_not_grow_with_rows(persona):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    officer = persona("regional_officer")
    dossier("first", unit="rc_west", district="ganja")
    with CaptureQueriesContext(connection) as one:
        assert len(list(Dossier.objects.visible_to(User.objects.get(pk=officer.pk)))) == 1
    for i in range(20):
        dossier(f"more{i}", unit="rc_west", district="ganja")
    with CaptureQueriesContext(connection) as many:
        assert len(list(Dossier.objects.visible_to(User.objects.get(pk=officer.pk)))) == 21
    assert len(one.captured_queries) == len(many.captured_queries) <= 8


def test_object_predicate_agrees_with_the_list_filter(world, persona):
    from ombuds.accounts.scoping import can_view_record
    from ombuds.accounts.testing import PERSONAS

    for name in PERSONAS:
        user = persona(name)
        listed = set(Dossier.objects.visible_to(user).values_list("pk", flat=True))
        for obj in world.values():
            assert can_view_record(user, obj) == (obj.pk in listed), (name, obj.title)

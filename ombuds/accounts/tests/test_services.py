import pytest
from django.core.exceptions import ValidationError

from ombuds.accounts import services
from ombuds.accounts.choices import RoleCode
from ombuds.accounts.models import OrgUnit, User
from ombuds.accounts.testing import make_user

pytestmark = pytest.mark.django_db


def test_user_gets_permissions_from_roles_and_loses_them_on_the_next_request():
    user = make_user(roles=[RoleCode.AUDITOR])
    assert user.has_perm("accounts.view_audit_log")
    assert not user.has_perm("accounts.view_all_records")

    services.revoke_role(None, user, RoleCode.AUDITOR)
    fresh = User.objects.get(pk=user.pk)  # what the next request loads
    assert not fresh.has_perm("accounts.view_audit_log")
    assert fresh.role_codes() == set()


def test_a_user_may_hold_several_roles():
    user = make_user(roles=[RoleCode.DEPARTMENT_HEAD, RoleCode.NPM_MEMBER], unit="npg")
    assert user.has_role(RoleCode.NPM_MEMBER) and user.has_role(RoleCode.DEPARTMENT_HEAD)
    assert user.region.code == "hq"


def test_sysadmin_role_opens_the_admin_site_and_revoking_closes_it():
    user = make_user(roles=[RoleCode.SYSADMIN])
    assert user.is_staff and user.has_perm("core.change_district")
    services.revoke_role(None, user, RoleCode.SYSADMIN)
    user.refresh_from_db()
    assert not user.is_staff


def test_passwords_are_hashed_with_argon2(settings):
    import config.settings as project_settings

    # The suite swaps in a fast hasher (conftest.py); restore the project's own list here.
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    user = make_user()
    assert user.password.startswith("argon2$argon2id$")


def test_short_password_is_refused_and_nothing_is_written():
    with pytest.raises(ValidationError):
        make_user(username="shorty", password="short-pass")
    assert not User.objects.filter(username="shorty").exists()


def test_unknown_role_is_refused():
    with pytest.raises(ValidationError):
        make_user(username="x", roles=["pope"])
    assert not User.objects.filter(username="x").exists()


def test_duplicate_username_is_refused_case_insensitively():
    make_user(username="Leyla")
    with pytest.raises(ValidationError):
        make_user(username="leyla")


def test_move_and_deactivate():
    user = make_user()
    services.move_to_unit(None, user, OrgUnit.objects.get(code="rc_north"))
    services.deactivate_user(None, user)
    user.refresh_from_db()
    assert user.org_unit.code == "rc_north" and not user.is_active
    assert not user.has_perm("accounts.register_intake")


def test_only_a_staff_manager_changes_accounts_and_nothing_is_written_otherwise():
    from django.core.exceptions import PermissionDenied

    from ombuds.core.models import AuditEvent

    head = make_user(roles=[RoleCode.DEPARTMENT_HEAD])
    user = make_user(roles=[RoleCode.ANALYST])
    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        services.grant_role(head, user, RoleCode.COMMISSIONER)
    with pytest.raises(PermissionDenied):
        services.create_staff_user(head, username="new.one", password=None, unit=user.org_unit, roles=[])
    with pytest.raises(PermissionDenied):
        services.deactivate_user(head, user)
    assert not User.objects.get(pk=user.pk).has_role(RoleCode.COMMISSIONER)
    assert not User.objects.filter(username="new.one").exists()
    assert User.objects.get(pk=user.pk).is_active and AuditEvent.objects.count() == before


def test_an_administrator_cannot_raise_their_own_rights():
    from django.core.exceptions import PermissionDenied

    admin = make_user(roles=[RoleCode.SYSADMIN])
    other = make_user(roles=[RoleCode.SYSADMIN])
    with pytest.raises(PermissionDenied):
        services.grant_role(admin, admin, RoleCode.COMMISSIONER)
    with pytest.raises(PermissionDenied):
        services.move_to_unit(admin, admin, OrgUnit.objects.get(code="office"))
    services.grant_role(other, admin, RoleCode.AUDITOR)  # a second administrator may
    assert User.objects.get(pk=admin.pk).has_role(RoleCode.AUDITOR)

"""Focal-point accounts through their services: created, invited, re-invited, accepted, corrected
and revoked (issue 12)."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from ombuds.accounts.models import ApiToken, User
from ombuds.accounts.testing import TEST_PASSWORD
from ombuds.accounts.tokens import create_api_token, user_for_token
from ombuds.core.models import AuditEvent, Authority
from ombuds.focal.invitations import send_invitation_email
from ombuds.focal.models import Draft
from ombuds.focal.services import accounts
from ombuds.focal.services.drafts import save_draft
from ombuds.focal.testing import info_request_to, make_focal_point
from ombuds.monitoring.testing import make_place

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-and-fresh-passphrase-2026"


@pytest.fixture(autouse=True)
def _in_english():
    """The refusals are matched by their English wording (the e-mail test chooses its own language)."""
    with translation.override("en"):
        yield


def _authority(code="mia"):
    return Authority.objects.get(code=code)


def _create(actor=None, **extra):
    data = {"authority": _authority(), "username": "mia.fp", "first_name": "Aysel", "last_name": "Məmmədova"}
    data.update(extra)
    return accounts.create_focal_point(actor, **data)


def _queued_invitations():
    return [r for r in DBTaskResult.objects.all() if r.task_path.endswith("email_invitation")]


def _run_queued():
    return [send_invitation_email(*r.args_kwargs["args"]) for r in _queued_invitations()]


def test_create_needs_the_permission(persona):
    with pytest.raises(PermissionDenied):
        _create(persona("complaints_officer"))
    fp, token = _create(persona("department_head"))
    assert fp.state == "invited" and not fp.user.has_usable_password()
    assert len(token) >= 43 and fp.invitation_digest == accounts.invitation_digest(token)
    assert token not in fp.invitation_digest


def test_the_place_must_be_one_its_body_supervises(persona):
    mia_place = make_place(authority=_authority("mia"))
    other = make_place(name_az="Başqa yer", authority=_authority("moj"))
    with pytest.raises(ValidationError) as refused:
        _create(persona("commissioner"), place=other)
    assert "place" in refused.value.message_dict
    assert not User.objects.filter(username="mia.fp").exists()  # nothing half-made
    fp, _token = _create(persona("commissioner"), place=mia_place)
    assert fp.place == mia_place
    with pytest.raises(ValidationError):
        accounts.update_focal_point(persona("commissioner"), fp, place=other, email="a@example.org")


def test_accepting_sets_the_password_once(client):
    fp, token = _create()
    accepted = accounts.accept_invitation(token, NEW_PASSWORD)
    assert accepted.state == "active" and accepted.invitation_digest == ""
    assert accepted.user.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(action="focal.focalpoint.accepted")
    assert event.actor_id == fp.user.pk
    with pytest.raises(ValidationError, match="already used"):
        accounts.accept_invitation(token, "another-long-passphrase-2026")


def test_a_weak_password_is_refused_and_the_link_still_works():
    _fp, token = _create()
    with pytest.raises(ValidationError) as refused:
        accounts.accept_invitation(token, "123")
    assert "password" in refused.value.message_dict
    assert accounts.accept_invitation(token, NEW_PASSWORD).state == "active"


def test_an_expired_link_is_refused_with_its_date():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _fp, token = _create()
    with time_machine.travel(start + timedelta(days=6, hours=23), tick=False):
        accounts.find_invitation(token)  # still valid
    with time_machine.travel(start + timedelta(days=7, seconds=1), tick=False):
        with pytest.raises(ValidationError, match="expired") as refused:
            accounts.accept_invitation(token, NEW_PASSWORD)
        assert refused.value.code == "expired"


def test_reinviting_kills_the_old_link(persona):
    head = persona("department_head")
    fp, old = _create(head)
    new = accounts.reinvite_focal_point(head, fp)
    assert new != old
    with pytest.raises(ValidationError, match="not valid"):
        accounts.find_invitation(old)
    assert accounts.accept_invitation(new, NEW_PASSWORD).state == "active"
    with pytest.raises(PermissionDenied):
        accounts.reinvite_focal_point(persona("complaints_officer"), fp)


def test_reinviting_an_active_account_lets_it_choose_a_new_password(persona):
    fp = make_focal_point(authority="mia")
    token = accounts.reinvite_focal_point(persona("commissioner"), fp)
    fp.refresh_from_db()
    assert fp.state == "active" and fp.invitation_pending
    assert fp.user.check_password(TEST_PASSWORD)  # the old password works until the link is used
    accounts.accept_invitation(token, NEW_PASSWORD)
    fp.user.refresh_from_db()
    assert fp.user.check_password(NEW_PASSWORD)


def test_revoking_closes_everything(persona):
    commissioner = persona("commissioner")
    fp = make_focal_point(authority="mia")
    api_token = create_api_token(None, fp.user, "their system")
    save_draft(fp.user, info_request_to("mia"), {"text": "half written"})
    with pytest.raises(ValidationError):
        accounts.revoke_focal_point(commissioner, fp, "  ")
    with pytest.raises(PermissionDenied):
        accounts.revoke_focal_point(persona("complaints_officer"), fp, "left")
    accounts.revoke_focal_point(commissioner, fp, "Left the ministry")
    assert fp.state == "revoked" and fp.revoked_reason == "Left the ministry"
    assert not fp.user.is_active
    assert user_for_token(api_token, scope="api") is None
    assert ApiToken.objects.filter(user=fp.user, revoked_at__isnull=True).count() == 0
    assert not Draft.objects.filter(focal_point=fp).exists()
    assert AuditEvent.objects.filter(action="focal.focalpoint.revoked").count() == 1
    with pytest.raises(ValidationError, match="already revoked"):
        accounts.revoke_focal_point(commissioner, fp, "again")
    with pytest.raises(ValidationError, match="revoked"):
        accounts.reinvite_focal_point(commissioner, fp)


def test_a_revoked_accounts_pending_link_is_dead(persona):
    fp, token = _create()
    accounts.revoke_focal_point(persona("commissioner"), fp, "Created by mistake")
    with pytest.raises(ValidationError):
        accounts.accept_invitation(token, NEW_PASSWORD)


def test_update_corrects_the_details_and_audits_the_change(persona):
    head = persona("department_head")
    place = make_place(authority=_authority("mia"))
    fp = make_focal_point(authority="mia")
    accounts.update_focal_point(
        head, fp, place=place, position="Head of unit", phone="+994 12 000 00 00", email="fp@mia.example",
        first_name="Rəşad", last_name="Əliyev",
    )  # fmt: skip
    fp.refresh_from_db()
    assert (fp.place, fp.position, fp.user.email, fp.user.first_name) == (
        place,
        "Head of unit",
        "fp@mia.example",
        "Rəşad",
    )
    event = AuditEvent.objects.get(action="focal.focalpoint.updated")
    assert set(event.changes) >= {"place", "position", "email", "first_name", "last_name", "phone"}
    accounts.update_focal_point(head, fp, place=None, phone="")  # only what is given changes
    fp.refresh_from_db()
    assert (fp.place, fp.phone, fp.position, fp.user.first_name) == (None, "", "Head of unit", "Rəşad")
    with pytest.raises(PermissionDenied):
        accounts.update_focal_point(persona("complaints_officer"), fp, email="x@example.org")


def test_the_invitation_is_emailed_in_the_chosen_language_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _fp, token = _create(email="fp@mia.example", language="ru")
    queued = _queued_invitations()
    assert len(queued) == 1
    assert token not in str(queued[0].args_kwargs)  # the queue keeps the link sealed
    assert _run_queued() == ["sent"]
    message = mail.outbox[0]
    assert message.to == ["fp@mia.example"]
    assert f"http://localhost:8000/authority/invitation/{token}/" in message.body
    assert "mia.fp" in message.body
    assert message.subject == "Ombuds: ваш доступ к порталу органов"
    assert "Ваше имя пользователя: mia.fp" in message.body


def test_a_late_job_does_not_mail_a_replaced_link(persona, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        fp, _token = _create(email="fp@mia.example", language="en")
        accounts.reinvite_focal_point(persona("commissioner"), fp, language="en")
    assert sorted(_run_queued()) == ["sent", "skipped"]
    assert len(mail.outbox) == 1


def test_no_email_without_a_language_or_an_address(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _create(email="fp@mia.example")
        _create(username="other.fp", language="en")
    assert _queued_invitations() == []

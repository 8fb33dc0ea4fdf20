"""Every write through the admin is audited: the sysadmin edits reference data in the admin."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.forms.models import model_to_dict
from django.test import RequestFactory

from ombuds.accounts.models import Role
from ombuds.core.admin import AuditedAdminMixin
from ombuds.core.models import AuditEvent, DeadlineRule, Region

pytestmark = pytest.mark.django_db


def _form_data(obj) -> dict:
    data = {}
    for key, value in model_to_dict(obj).items():
        if value is None or key == "id":
            continue
        data[key] = [v.pk for v in value] if isinstance(value, list) else value
    return data


def test_every_registered_model_admin_is_audited():
    unaudited = [m._meta.label for m, a in admin.site._registry.items() if not isinstance(a, AuditedAdminMixin)]
    assert unaudited == []


def test_editing_a_deadline_rule_in_the_admin_is_audited(persona, staff_client):
    sysadmin = persona("sysadmin")
    client = staff_client(sysadmin)
    rule = DeadlineRule.objects.filter(is_active=True).first()
    data = _form_data(rule) | {"term": rule.term + 5, "_save": "Save"}
    response = client.post(f"/admin/core/deadlinerule/{rule.pk}/change/", data)
    assert response.status_code == 302, response.content[:2000]
    event = AuditEvent.objects.get(action="core.deadlinerule.changed")
    assert event.actor_id == sysadmin.pk and event.changes == {"term": rule.term + 5}


def test_changing_a_roles_permissions_in_the_admin_is_audited(persona, staff_client):
    sysadmin = persona("sysadmin")
    client = staff_client(sysadmin)
    role = Role.objects.get(code="analyst")
    extra = Permission.objects.get(codename="view_audit_log")
    data = _form_data(role)
    data["permissions"] = [*data.get("permissions", []), extra.pk]
    response = client.post(f"/admin/accounts/role/{role.pk}/change/", data | {"_save": "Save"})
    assert response.status_code == 302, response.content[:2000]
    event = AuditEvent.objects.get(action="accounts.role.changed")
    assert event.actor_id == sysadmin.pk and str(extra) in event.changes["permissions"]


def test_adding_and_deleting_through_the_admin_is_audited(persona, staff_client):
    client = staff_client(persona("sysadmin"))
    region = Region.objects.first()
    data = _form_data(region) | {"code": "zz_test", "name_az": "Sınaq", "name_en": "Test", "name_ru": "Тест"}
    assert client.post("/admin/core/region/add/", data).status_code == 302
    new = Region.objects.get(code="zz_test")
    assert AuditEvent.objects.filter(action="core.region.created", object_id=str(new.pk)).exists()
    # The sysadmin role may not delete reference data; whoever may, is audited all the same.
    model_admin = admin.site._registry[Region]
    request = RequestFactory().post("/admin/core/region/")
    request.user = persona("sysadmin")
    model_admin.delete_queryset(request, Region.objects.filter(pk=new.pk))
    assert AuditEvent.objects.filter(action="core.region.deleted", object_id=str(new.pk)).exists()
    assert not Region.objects.filter(pk=new.pk).exists()

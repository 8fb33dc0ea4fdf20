from collections import Counter

import pytest

from ombuds.accounts.choices import OrgUnitKind, RoleCode
from ombuds.accounts.models import OrgUnit, Role
from ombuds.core.models import District, Region

pytestmark = pytest.mark.django_db


def test_geography_is_loaded_from_the_sourced_list():
    assert District.objects.count() == 78
    per_region = Counter(District.objects.values_list("region__code", flat=True))
    assert per_region == {"hq": 34, "west": 13, "northwest": 9, "south": 8, "north": 6, "nakhchivan": 8}
    ganja = District.objects.get(code="ganja")
    assert (ganja.name_az, ganja.name_ru, ganja.region.code) == ("Gəncə", "Гянджа", "west")
    assert Region.objects.get(code="nakhchivan").is_partner


def test_units_cover_the_institution():
    kinds = Counter(OrgUnit.objects.values_list("kind", flat=True))
    assert kinds[OrgUnitKind.REGIONAL_CENTRE] == 4
    assert kinds[OrgUnitKind.CALL_CENTRE_916] == 1
    assert kinds[OrgUnitKind.RECEPTION_CENTRE] == 1
    assert kinds[OrgUnitKind.NPG] == 1
    assert kinds[OrgUnitKind.PARTNER_INSTITUTION] == 1
    assert OrgUnit.objects.get(code="rc_west").region.code == "west"
    assert OrgUnit.objects.get(code="rc_north").name_en == "Northern Regional Centre (Guba)"
    nakhchivan = OrgUnit.objects.get(code="nakhchivan_ombudsman")
    assert nakhchivan.kind == OrgUnitKind.PARTNER_INSTITUTION and nakhchivan.region.is_partner


def test_regional_unit_serves_its_region_and_hq_serves_all():
    west = OrgUnit.objects.get(code="rc_west")
    assert set(west.districts().values_list("region__code", flat=True)) == {"west"}
    assert OrgUnit.objects.get(code="dept_complaints").districts().count() == 78


def test_every_role_of_the_domain_exists_with_permissions():
    assert set(Role.objects.values_list("code", flat=True)) == {str(code) for code in RoleCode}
    auditor = Role.objects.get(code=RoleCode.AUDITOR)
    assert set(auditor.permissions.values_list("codename", flat=True)) == {"view_audit_log", "view_auditevent"}
    assert Role.objects.get(code=RoleCode.COMMISSIONER).permissions.filter(codename="view_all_records").exists()


def test_names_follow_the_active_language():
    from django.utils import translation

    unit = OrgUnit.objects.get(code="call916")
    with translation.override("ru"):
        assert unit.name == "Колл-центр 916"
    with translation.override("en"):
        assert str(unit) == "916 Call Centre"
    unit.name_en = ""
    with translation.override("en"):
        assert unit.name == "916 Çağrı Mərkəzi"  # falls back to Azerbaijani

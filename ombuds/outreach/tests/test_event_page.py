"""The event page: what it shows, to whom, in which language."""

import pytest
from django.conf import settings
from django.utils.html import escape

from ombuds.accounts.models import OrgUnit
from ombuds.outreach import services
from ombuds.outreach.tests.factories import make_event

pytestmark = pytest.mark.django_db


def _page(client, event, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode().split('id="h-act"')[0]  # the record, not the action forms


def test_a_remote_office_is_named_once_per_table(persona, staff_client):
    north = OrgUnit.objects.get(code="rc_north")
    event = make_event(remote=["rc_north"])
    # The demo and the founding event record a remote office's staff under the office's name.
    services.record_attendance(None, event, organisation=north.name_az, women=3, men=2, remote=True, office=north)
    client = staff_client(persona("awareness_staff"))
    az = _page(client, event, "az")
    assert az.count(north.name_az) == 2  # the list of offices joining, and its participant row
    en = _page(client, event, "en")
    assert en.count(north.name_en) == 2 and north.name_az not in en


def test_plan_and_event_titles_follow_the_page_language(persona, staff_client):
    from ombuds.outreach import demo
    from ombuds.outreach.tests.factories import make_item

    plan = services.create_plan(None, year=2024, **demo.PLAN_TITLES)
    event = make_event(make_item(plan), **demo.FOUNDING_TITLES)
    untranslated = make_event(make_item(plan), title_az="Yalnız azərbaycanca ad")
    client = staff_client(persona("awareness_staff"))
    for language in ("az", "en", "ru"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        title = demo.FOUNDING_TITLES[f"title_{language}"]
        assert f'<h1 class="h3 mb-0">{escape(title)}</h1>' in client.get(event.get_absolute_url()).content.decode()
        plan_page = client.get(plan.get_absolute_url()).content.decode()
        assert escape(demo.PLAN_TITLES[f"title_{language}"]) in plan_page
        # No translation: the Azerbaijani title, the institution's working language.
        assert "Yalnız azərbaycanca ad" in client.get(untranslated.get_absolute_url()).content.decode()
    assert len({*demo.PLAN_TITLES.values()}) == len({*demo.FOUNDING_TITLES.values()}) == 3


def test_the_demo_titles_exist_in_every_language():
    import ast
    import inspect

    from ombuds.outreach import demo

    source = inspect.getsource(demo)
    calls = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]
    for call in calls:
        names = {k.arg for k in call.keywords}
        if names & {"title_az", "title_en", "title_ru", "title"}:
            assert {"title_az", "title_en", "title_ru"} <= names, ast.unparse(call)[:80]

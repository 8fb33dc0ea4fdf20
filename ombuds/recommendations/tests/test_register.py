"""The register of recommendations: each filter narrows, search by number and words, scoping by
role, keyset pages at a constant number of queries, the audited export, the list per authority."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ombuds.complaints.models import RightTopic
from ombuds.core.exports import TRIGGERS
from ombuds.core.models import AuditEvent, Authority, District
from ombuds.recommendations import services
from ombuds.recommendations.listing import PAGE_SIZE
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.testing import make_recommendation, visit_with_finding

pytestmark = pytest.mark.django_db
LINK = re.compile(r'href="/recommendations/([0-9a-f-]{36})/"')
LONG_AGO = date(2024, 1, 10)  # issued then, the implementation term has run out


def _report(actor, **overrides) -> Recommendation:
    data = {
        "source": "thematic_report",
        "report_title": "Thematic report on pre-trial detention",
        "addressee": Authority.objects.get(code="moj"),
        "kind": "thematic",
        "text_az": "Həbsxanalarda isti su təmin edilsin.",
        "text_en": "Provide hot water in the prisons.",
        "text_ru": "Обеспечить горячую воду в тюрьмах.",
    }
    data.update(overrides)
    return services.draft_recommendation(actor, **data)


def _ids(html: str) -> set[str]:
    return set(LINK.findall(html))


def _page(client, **params) -> str:
    response = client.get(reverse("recommendations:list"), params, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def _shown(client, **params) -> set[str]:
    return _ids(_page(client, **params))


def _id(rec) -> str:
    return str(rec.public_id)


@pytest.fixture
def staff_client(staff_client):
    """Signed in, with the interface in English (the labels the assertions read)."""

    def login(user):
        client = staff_client(user)
        client.cookies["django_language"] = "en"
        return client

    return login


@pytest.fixture
def boss(persona):
    return persona("commissioner")


def test_each_filter_narrows_the_register(boss, staff_client):
    client = staff_client(boss)
    plain = _report(boss)
    other = _report(
        boss,
        addressee=Authority.objects.get(code="mia"),
        area="health_care",
        place_type="police_division",
        right=RightTopic.objects.order_by("pk").first(),
        kind="urgent",
        source="annual_report",
        report_title="Annual report 2024",
    )
    late = services.issue_recommendation(boss, _report(boss), issued_on=LONG_AGO)
    services.record_outcome(boss, late, "not_implemented", evidence="staff_decision")
    repeat = services.repeat_recommendation(boss, late)
    published = services.publish_recommendation(boss, services.issue_recommendation(boss, _report(boss)))
    everything = {_id(r) for r in (plain, other, late, repeat, published)}
    assert _shown(client) == everything
    assert _shown(client, addressee="mia") == {_id(other)}
    assert _shown(client, area="health_care") == {_id(other)}
    assert _shown(client, place_type="police_division") == {_id(other)}
    assert _shown(client, right=other.right.code) == {_id(other)}
    assert _shown(client, kind="urgent") == {_id(other)}
    assert _shown(client, source="annual_report") == {_id(other)}
    assert _shown(client, status="draft") == {_id(plain), _id(other), _id(repeat)}
    assert _shown(client, status="open") == {_id(late), _id(published)}
    assert _shown(client, overdue="on") == {_id(late)}
    assert _shown(client, repeated="on") == {_id(late), _id(repeat)}
    assert _shown(client, published="yes") == {_id(published)}
    assert _shown(client, published="no") == everything - {_id(published)}
    # The year of issue (as the rates count it); a draft has none and goes by its number's year.
    assert _shown(client, year=timezone.localdate().year) == everything - {_id(late)}
    assert _shown(client, year=LONG_AGO.year) == {_id(late)}
    assert _shown(client, year=2001) == set()
    # Filters combine.
    assert _shown(client, addressee="moj", status="draft") == {_id(plain), _id(repeat)}


def test_rows_show_badges_source_and_authority_link(boss, staff_client):
    client = staff_client(boss)
    late = services.issue_recommendation(boss, _report(boss), issued_on=LONG_AGO)
    html = _page(client, overdue="on")
    assert late.number in html and "Thematic report on pre-trial detention" in html
    assert f'href="{reverse("recommendations:authority", args=["moj"])}"' in html
    assert f'datetime="{late.due_date.isoformat()}"' in html
    assert "text-bg-danger" in html  # the overdue badge


def test_an_invalid_filter_is_shown_and_ignored(boss, staff_client):
    client = staff_client(boss)
    rec = _report(boss)
    response = client.get(reverse("recommendations:list"), {"status": "nonsense", "addressee": "nowhere"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "invalid-feedback" in html and _id(rec) in html


def test_search_by_number_and_by_words_in_each_language(boss, staff_client):
    client = staff_client(boss)
    water = _report(boss)
    food = _report(
        boss,
        text_az="Məhbuslar gündə üç dəfə qidalandırılsın.",
        text_en="Feed detainees three times a day.",
        text_ru="Кормить заключённых три раза в день.",
    )
    assert _shown(client, q=water.number) == {_id(water)}
    assert _shown(client, q=food.number) == {_id(food)}
    assert _shown(client, q="hot water") == {_id(water)}
    assert _shown(client, q="qidalandırılsın") == {_id(food)}
    assert _shown(client, q="раза в день") == {_id(food)}
    assert _shown(client, q="nothing like this") == set()


def test_npm_member_sees_a_regional_visit_only_on_its_team(persona, staff_client):
    from ombuds.accounts.models import OrgUnit
    from ombuds.monitoring.testing import make_place

    member = persona("npm_member")
    north = OrgUnit.objects.get(code="rc_north")
    place = make_place(None, district="guba", name_az="Yer Quba")
    visit, finding = visit_with_finding(None, place=place, unit=north)
    regional = make_recommendation(None, visit=visit, findings=[finding])
    team_visit, team_finding = visit_with_finding(None, place=place, unit=north, team=[(member, "leader")])
    on_team = make_recommendation(None, visit=team_visit, findings=[team_finding])
    client = staff_client(member)
    assert _shown(client) == {_id(on_team)}
    html = _page(client)
    # The source column: the place (in English) and the day the team arrived.
    assert f"Shuvalan pre-trial isolator · {timezone.localdate(team_visit.arrival_at):%Y-%m-%d}" in html
    # The export and the authority's list keep to the same scope.
    assert regional.number not in str(_export(client, "csv"))
    page = client.get(reverse("recommendations:authority", args=["moj"])).content.decode()
    assert _ids(page) == {_id(on_team)}


def _accepted(actor, **overrides):
    from ombuds.complaints import services as complaints
    from ombuds.complaints.testing import make_application

    return complaints.decide_admissibility(actor, make_application(actor, **overrides), "accept")


def test_complaints_officer_sees_those_of_cases_assigned_to_them(persona, staff_client):
    from ombuds.accounts.models import OrgUnit
    from ombuds.complaints import services as complaints

    boss, officer = persona("commissioner"), persona("complaints_officer")
    west = {"unit": OrgUnit.objects.get(code="rc_west"), "district": District.objects.get(code="ganja")}
    app, other_app = _accepted(boss, **west), _accepted(boss, **west)
    mine = _report(boss, source="application", application=app, report_title="")
    other = _report(boss, source="application", application=other_app, report_title="")
    client = staff_client(officer)
    assert _shown(client) == set()  # another unit's cases, neither of them theirs
    app.refresh_from_db()
    complaints.assign_application(boss, app, officer)
    assert _shown(client) == {_id(mine)}
    assert app.number in _page(client)  # the source column: the application's number
    assert _shown(staff_client(persona("regional_officer"))) == {_id(mine), _id(other)}  # the West centre's


@pytest.mark.parametrize("role", ["awareness_staff", "intake_operator", "analyst", "auditor", "sysadmin"])
def test_roles_without_the_register_get_403(persona, staff_client, role):
    client = staff_client(persona(role))
    assert client.get(reverse("recommendations:list")).status_code == 403
    assert client.get(reverse("recommendations:export", args=["csv"])).status_code == 403
    assert client.get(reverse("recommendations:authority", args=["moj"])).status_code == 403


def test_navigation_shows_the_register_to_its_users_only(persona, staff_client):
    url = f'href="{reverse("recommendations:list")}"'
    assert url in staff_client(persona("npm_member")).get(reverse("core:home")).content.decode()
    assert url not in staff_client(persona("analyst")).get(reverse("core:home")).content.decode()


def test_keyset_pages_at_a_constant_query_count_and_no_write(boss, staff_client):
    client = staff_client(boss)
    for _ in range(3):
        _report(boss)
    url = reverse("recommendations:list") + "?sort=newest"
    client.get(url)  # warm: reference lists built, session settled
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    visit, finding = visit_with_finding(boss)
    for i in range(PAGE_SIZE + 5):
        if i % 3 == 0:
            make_recommendation(boss, visit=visit, findings=[finding])
        elif i % 3 == 1:
            old = services.issue_recommendation(boss, _report(boss), issued_on=LONG_AGO)
            services.record_outcome(boss, old, "not_implemented", evidence="staff_decision")
            services.repeat_recommendation(boss, old)
        else:
            _report(boss)
    with CaptureQueriesContext(connection) as large:
        first = client.get(url).content.decode()
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(_ids(first)) == PAGE_SIZE
    writes = [q for q in large.captured_queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    # Following "next" until the end walks every row once, in order.
    seen, html = [], first
    while True:
        seen += LINK.findall(html)
        found = re.search(r'href="(\?[^"]*)" rel="next"', html)
        if not found:
            break
        html = client.get(reverse("recommendations:list") + found.group(1).replace("&amp;", "&")).content.decode()
    newest = Recommendation.objects.order_by("-year", "-sequence")
    expected = [str(u) for u in newest.values_list("public_id", flat=True)]
    assert seen == expected
    assert client.get(url + "&cursor=forged").status_code == 200


def _export(client, fmt, **params):
    response = client.get(reverse("recommendations:export", args=[fmt]), params)
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if fmt == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_filtered_formula_safe_and_audited(boss, staff_client, fmt):
    client = staff_client(boss)
    hostile = _report(boss, text_az='=HYPERLINK("http://evil.example")', text_en="", text_ru="")
    _report(boss, addressee=Authority.objects.get(code="mia"))
    rows = _export(client, fmt, addressee="moj", q="HYPERLINK")
    assert len(rows) == 2 and rows[1][0] == hostile.number
    for row in rows:
        for value in row:
            assert not (isinstance(value, str) and value.startswith(TRIGGERS)), value
    assert len(_export(client, fmt)) == 3
    event = AuditEvent.objects.filter(action="recommendations.recommendation.exported").order_by("pk").first()
    assert event.actor_id == boss.pk and event.changes["format"] == fmt
    assert event.changes["filters"] == {"addressee": "moj"} and event.changes["searched"] is True
    assert AuditEvent.objects.filter(action="recommendations.recommendation.exported").count() == 2
    assert client.get(reverse("recommendations:export", args=["pdf"])).status_code == 404


def test_export_columns_say_overdue_repeat_source_and_full_text(boss, staff_client):
    client = staff_client(boss)
    long_text = "Provide hot water in every cell block of the prison, day and night. " * 5
    late = services.issue_recommendation(boss, _report(boss, text_en=long_text), issued_on=LONG_AGO)
    services.record_outcome(boss, late, "not_implemented", evidence="staff_decision")
    services.repeat_recommendation(boss, late)
    header, *rows = _export(client, "csv", overdue="on")
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Number"] == late.number and row["Addressee"] == str(Authority.objects.get(code="moj").name_en)
    assert row["Source"] == "Thematic report on pre-trial detention"
    assert row["Status"] == "Not implemented" and row["Overdue"] == "yes" and row["Repeat"] == "yes"
    assert row["Due date"] == late.due_date.isoformat() and row["Text"] == long_text.strip()


def test_export_query_count_does_not_grow_with_rows(boss, staff_client):
    client = staff_client(boss)
    _report(boss)
    _export(client, "csv")
    with CaptureQueriesContext(connection) as one:
        _export(client, "csv")
    visit, finding = visit_with_finding(boss)
    for _ in range(4):
        make_recommendation(boss, visit=visit, findings=[finding])
        _report(boss)
    with CaptureQueriesContext(connection) as many:
        assert len(_export(client, "csv")) == 10
    assert len(many.captured_queries) == len(one.captured_queries)


def test_authority_list_counts_by_status_and_puts_overdue_first(boss, staff_client):
    client = staff_client(boss)
    draft = _report(boss)
    issued = services.issue_recommendation(boss, _report(boss))
    late = services.issue_recommendation(boss, _report(boss), issued_on=LONG_AGO)
    _report(boss, addressee=Authority.objects.get(code="mia"))
    url = reverse("recommendations:authority", args=["moj"])
    client.get(url)  # warm: reference lists built, session settled
    with CaptureQueriesContext(connection) as few:
        html = client.get(url).content.decode()
    assert LINK.findall(html) == [_id(late), _id(issued), _id(draft)]
    counts = html[html.index('data-testid="status-counts"') :]
    counts = counts[: counts.index("</ul>")]
    assert "?addressee=moj&amp;overdue=on" in counts and "?addressee=moj&amp;status=draft" in counts
    assert ">All: 3<" in counts and "Overdue: 1<" in counts
    for _ in range(3):
        services.issue_recommendation(boss, _report(boss), issued_on=LONG_AGO + timedelta(days=1))
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more.captured_queries) == len(few.captured_queries)
    assert client.get(reverse("recommendations:authority", args=["no-such-body"])).status_code == 404


def _testid_link(html: str, testid: str) -> str:
    found = re.search(rf'href="([^"]+)" data-testid="{testid}"', html)
    assert found, testid
    return found.group(1).replace("&amp;", "&")


def test_home_panel_lists_my_overdue_and_awaiting_and_agrees_with_the_register(persona, staff_client):
    head = persona("department_head")
    late = services.issue_recommendation(head, _report(head), issued_on=LONG_AGO)
    waiting = services.issue_recommendation(head, _report(head))
    services.issue_recommendation(head, _report(head, responsible=persona("complaints_officer")), issued_on=LONG_AGO)
    _report(head)  # a draft awaits nothing
    client = staff_client(head)
    home = client.get(reverse("core:home")).content.decode()
    assert 'data-testid="home-recommendations-overdue"' in home
    rows = home[home.index('data-testid="home-recommendation-rows"') :]
    assert LINK.findall(rows[: rows.index("</table>")]) == [_id(late)]
    assert re.search(r'data-testid="home-recommendations-overdue">[^<]*<strong>1</strong>', home)
    assert re.search(r'data-testid="home-recommendations-awaiting">[^<]*<strong>2</strong>', home)
    overdue = client.get(_testid_link(home, "home-recommendations-overdue")).content.decode()
    assert _ids(overdue) == {_id(late)}
    awaiting = client.get(_testid_link(home, "home-recommendations-awaiting")).content.decode()
    assert _ids(awaiting) == {_id(late), _id(waiting)}  # issued, not answered: overdue or not
    # Roles without recommendations work see no panel.
    assert "home-recommendations" not in staff_client(persona("analyst")).get(reverse("core:home")).content.decode()


def test_home_panel_costs_the_same_queries_for_more_recommendations(persona, staff_client):
    head = persona("department_head")
    services.issue_recommendation(head, _report(head), issued_on=LONG_AGO)
    client = staff_client(head)
    client.get(reverse("core:home"))  # warm

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("core:home")).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for _ in range(4):
        services.issue_recommendation(head, _report(head), issued_on=LONG_AGO)
    assert queries() == few


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the full-text index is PostgreSQL's")
def test_search_by_words_is_served_by_the_full_text_index(boss):
    from ombuds.recommendations.listing import filtered

    _report(boss)
    qs = filtered(boss, {"q": "hot water"})[0].only("pk")
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: make the planner show its choice
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "recommendations_text_fts" in plan, plan

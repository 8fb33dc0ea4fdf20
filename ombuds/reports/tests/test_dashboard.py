"""The dashboard reads the live records: a unit head starts with their unit, may switch to the
institution; each number links to the list that shows what it counts; queries do not grow with rows.
The quarterly 916 statistics moved here from the call log, with a CSV export."""

import csv
import io
import re
from datetime import timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.testing import make_user
from ombuds.complaints import services as complaints
from ombuds.complaints.testing import authority, make_application
from ombuds.core.models import AuditEvent
from ombuds.monitoring.models import Place
from ombuds.monitoring.testing import make_place
from ombuds.recommendations.services.lifecycle import issue_recommendation
from ombuds.recommendations.testing import make_recommendation

pytestmark = pytest.mark.django_db


def _panel(body: str, key: str) -> str:
    return re.search(rf'data-testid="panel-{key}">(.*?)</section>', body, re.S)[1]


def _cell(body: str, testid: str) -> tuple[str, str]:
    """(the number shown, the link it carries) of the cell with this test id."""
    match = re.search(rf'<a href="([^"]+)" data-testid="{re.escape(testid)}">([^<]*)</a>', body)
    return match[2], unescape(match[1])


def _total(body: str, key: str) -> int:
    return int(re.search(rf'data-testid="{key}-total">([^<]*)<', body)[1].replace("\xa0", "").replace(",", ""))


def _old_case(unit: str):
    """An application received 40 days ago: its term for a reasoned refusal has run out; the
    acknowledgement's was kept at registration."""
    return make_application(None, unit=unit, received_at=timezone.now() - timedelta(days=40))


def _overdue_request(app, code="mia"):
    return complaints.send_info_request(
        None,
        app,
        addressee=authority(code),
        basis="general",
        questions="Was the complaint registered?",
        sent_at=timezone.now() - timedelta(days=39),
    )


def test_a_unit_head_starts_with_their_unit_and_may_switch_to_the_whole_institution(persona, staff_client):
    head = persona("department_head")  # head of the Applications Department
    _overdue_request(_old_case("dept_complaints"))
    _overdue_request(_old_case("rc_north"))
    make_application(None, unit="dept_complaints")  # nothing overdue yet
    http = staff_client(head)

    mine = http.get(reverse("reports:dashboard")).content.decode()
    assert 'value="unit" selected' in mine
    assert 'data-testid="live-note"' in mine
    unit_terms, unit_requests = _total(mine, "overdue"), _total(mine, "requests")
    assert unit_terms >= 1 and unit_requests == 1

    whole = http.get(reverse("reports:dashboard") + "?scope=all").content.decode()
    assert 'value="all" selected' in whole
    assert _total(whole, "overdue") == 2 * unit_terms
    assert _total(whole, "requests") == 2
    # Per addressee, linking to the authority's page of requests and replies.
    shown, href = _cell(whole, "requests-mia")
    assert shown == "2"
    assert href == reverse("focal_points:timeliness_authority", args=["mia"])


def test_the_commissioner_sees_every_unit_and_the_overdue_terms_open_the_register(persona, staff_client):
    from ombuds.core.deadlines import mark_overdue

    commissioner = persona("commissioner")
    first, second = _old_case("dept_complaints"), _old_case("rc_north")
    make_application(None, unit="dept_complaints")  # acknowledged at once, in time
    mark_overdue()  # the hourly job: the register's "Overdue" view reads its mark
    http = staff_client(commissioner)
    body = http.get(reverse("reports:dashboard")).content.decode()
    assert 'value="all" selected' in body
    shown, href = _cell(body, "overdue-reasoned_refusal")
    assert shown == "2"
    listed = http.get(href).content.decode()
    opened = set(re.findall(r'href="/complaints/([0-9a-f-]{36})/"', listed))
    assert opened == {str(first.public_id), str(second.public_id)}

    # Over the last twelve months: the old cases were acknowledged when registered, 40 days late;
    # the new one at once; the refusal terms ran out and are still open.
    timeliness = _panel(body, "timeliness")
    rows = dict(re.findall(r'<th scope="row" class="fw-normal">([^<]*)</th>((?:\s*<td[^>]*>[^<]*</td>)+)', timeliness))
    cells = {label: re.findall(r">([^<]*)</td>", row) for label, row in rows.items()}
    assert ["3", "1", "33 %", "40"] in cells.values()  # median of 0, 40, 40 days
    assert ["2", "0", "0 %", "—"] in cells.values()


def test_places_overdue_for_a_visit_by_type_link_to_the_filtered_register_of_places(persona, staff_client):
    analyst = persona("analyst")
    late = [make_place(None), make_place(None, name_az="Qobustan həbsxanası", place_type="penitentiary")]
    make_place(None, name_az="Bakı psixiatriya xəstəxanası", place_type="psychiatric_hospital")  # due later
    Place.objects.filter(pk__in=[p.pk for p in late]).update(next_due_on=timezone.localdate() - timedelta(days=3))
    Place.objects.exclude(pk__in=[p.pk for p in late]).update(next_due_on=timezone.localdate() + timedelta(days=30))
    http = staff_client(analyst)
    body = http.get(reverse("reports:dashboard")).content.decode()
    assert _total(body, "places") == 2
    shown, href = _cell(body, "places-penitentiary")
    assert shown == "1"
    listed = http.get(href).content.decode()
    assert "Qobustan" in listed and "Şüvəlan" not in listed
    # An analyst may not open the register of applications: its counts are not links.
    _old_case("dept_complaints")
    body = http.get(reverse("reports:dashboard")).content.decode()
    assert 'data-testid="overdue-reasoned_refusal"' not in body
    assert _total(body, "overdue") >= 1


def test_implementation_rates_by_authority_link_to_the_recommendations_register(persona, staff_client):
    commissioner = persona("commissioner")
    for _ in range(2):
        issue_recommendation(None, make_recommendation(None))
    http = staff_client(commissioner)
    body = http.get(reverse("reports:dashboard")).content.decode()
    shown, href = _cell(body, "rates-moj-1")
    assert shown == "2"
    assert "addressee=moj" in href
    listed = http.get(href).content.decode()
    assert len(set(re.findall(r'href="/recommendations/([0-9a-f-]{36})/"', listed))) == 2


def test_calls_and_applications_by_month_are_counted_and_link_to_their_lists(persona, staff_client):
    operator, commissioner = persona("intake_operator"), persona("commissioner")
    _quarter_of_calls(operator)  # two child-rights calls and one to the police in 2025 Q4
    make_application(None)
    make_application(None, received_at=timezone.now() - timedelta(days=400))  # older than the twelve months
    body = staff_client(commissioner).get(reverse("reports:dashboard") + "?call_year=2025&call_quarter=4")
    body = body.content.decode()
    shown, href = _cell(body, "calls-child_rights")
    assert shown == "2"
    assert href == reverse("reports:calls") + "?year=2025&quarter=4"
    # A unit's view counts the calls its members took; the quarter's table counts all: no link.
    head = staff_client(persona("department_head")).get(reverse("reports:dashboard") + "?call_year=2025&call_quarter=4")
    assert 'data-testid="calls-empty"' in head.content.decode()  # the Applications Department took none
    desk = make_user(roles=["department_head"], unit="call916")
    mine = staff_client(desk).get(reverse("reports:dashboard") + "?call_year=2025&call_quarter=4").content.decode()
    assert re.search(r'<td class="text-end">2</td>', _panel(mine, "calls"))
    assert 'data-testid="calls-child_rights"' not in mine
    assert _total(body, "applications") == 1
    assert _panel(body, "applications").count('<th scope="row" class="fw-normal">') == 12
    shown, href = _cell(body, f"applications-{timezone.localdate().replace(day=1).isoformat()}")
    assert shown == "1"
    listed = staff_client(commissioner).get(href).content.decode()
    assert len(set(re.findall(r'href="/complaints/([0-9a-f-]{36})/"', listed))) == 1


def _records(n: int) -> None:
    for i in range(n):
        app = _old_case("dept_complaints" if i % 2 else "rc_north")
        _overdue_request(app, ("mia", "moj")[i % 2])
        issue_recommendation(None, make_recommendation(None))
        make_place(None, name_az=f"Yer {i}", place_type=("penitentiary", "psychiatric_hospital")[i % 2])
    Place.objects.update(next_due_on=timezone.localdate() - timedelta(days=1))


def _count(http, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert http.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_records(persona, staff_client):
    http = staff_client(persona("commissioner"))
    url = reverse("reports:dashboard")
    _records(1)
    http.get(url)  # warm the caches (content types, reference lists)
    few = _count(http, url)
    _records(5)
    assert _count(http, url) == few
    head = staff_client(persona("department_head"))
    head.get(url)
    assert _count(head, url) == _count(head, url + "?scope=unit")


def test_only_readers_of_aggregates_open_the_dashboard(persona, staff_client):
    assert staff_client(persona("complaints_officer")).get(reverse("reports:dashboard")).status_code == 403


# --- the quarterly 916 statistics -------------------------------------------------------------


def _quarter_of_calls(operator):
    from datetime import datetime

    from ombuds.complaints.models import RightTopic

    baku = ZoneInfo("Asia/Baku")
    for when, code, urgent in [
        ((2025, 10, 1, 0, 30), "child_rights", True),
        ((2025, 12, 31, 23, 0), "police", False),
        ((2025, 11, 5, 9, 0), "child_rights", False),
        ((2026, 1, 1, 0, 10), "police", False),
    ]:
        complaints.log_call(
            operator, topic=RightTopic.objects.get(code=code), urgent=urgent, received_at=datetime(*when, tzinfo=baku)
        )


def test_the_916_desk_sees_its_quarterly_figures_by_topic_as_a_table(persona, staff_client):
    operator = persona("intake_operator")
    _quarter_of_calls(operator)
    http = staff_client(operator)
    page = http.get(reverse("reports:calls") + "?year=2025&quarter=4")
    assert [(t.code, t.n, t.urgent) for t in page.context["rows"]] == [("child_rights", 2, 1), ("police", 1, 0)]
    assert page.context["total"] == 3
    assert "<svg" not in page.content.decode() and "<img" not in page.content.decode()
    assert http.get(reverse("reports:calls") + "?quarter=9").status_code == 404
    assert http.get(reverse("reports:calls") + "?year=x").status_code == 404
    # The call log's button opens the new page.
    assert reverse("reports:calls") in http.get(reverse("complaints:call_log")).content.decode()


def test_the_old_address_of_the_916_statistics_redirects_permanently_with_its_query(persona, staff_client):
    http = staff_client(persona("intake_operator"))
    response = http.get(reverse("complaints:call_statistics") + "?year=2025&quarter=4")
    assert response.status_code == 301
    assert response["Location"] == reverse("reports:calls") + "?year=2025&quarter=4"
    assert staff_client(persona("auditor")).get(reverse("complaints:call_statistics")).status_code == 403


def test_the_916_statistics_export_as_csv_and_the_export_is_audited(persona, staff_client):
    analyst = persona("analyst")
    _quarter_of_calls(persona("intake_operator"))
    response = staff_client(analyst).get(reverse("reports:calls_export") + "?year=2025&quarter=4")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[1][0] == "child_rights" and lines[1][2:] == ["2", "1"]
    assert lines[-1][2:] == ["3", "1"]
    event = AuditEvent.objects.get(action="complaints.call.statistics_exported")
    assert event.actor_id == analyst.pk and event.changes == {"format": "csv", "year": 2025, "quarter": 4}

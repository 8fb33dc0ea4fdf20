"""The register pages: intake forms, the case file, actions, scoping, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ombuds.complaints.choices import Status
from ombuds.complaints.models import Application, Call, RightTopic
from ombuds.complaints.testing import make_application
from ombuds.core.models import AuditEvent, District

pytestmark = pytest.mark.django_db


def test_walk_in_registration_through_the_form(staff_client, persona):
    operator = persona("intake_operator")
    client = staff_client(operator)
    page = client.get(reverse("complaints:register") + "?channel=walk_in")
    assert page.status_code == 200 and b'name="surname"' in page.content
    response = client.post(
        reverse("complaints:register"),
        {
            "channel": "walk_in",
            "received_at": "2025-10-06T10:00",
            "app_type": "complaint",
            "applicant_kind": "person",
            "surname": "Quliyeva",
            "given_name": "Nərmin",
            "sex": "female",
            "summary": "My pension has not been paid for three months.",
            "district": District.objects.get(code="baku").pk,
            "court_status": "none",
            "sensitivity": "normal",
            "rights": [RightTopic.objects.get(code="social_protection").pk],
        },
    )
    app = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == app.get_absolute_url()
    assert app.unit == operator.org_unit and app.channel == "walk_in" and app.applicant.surname == "Quliyeva"
    assert client.get(app.get_absolute_url()).status_code == 200  # still in intake: the operator sees it


def test_invalid_registration_keeps_the_input_and_says_why(staff_client, persona):
    client = staff_client(persona("intake_operator"))
    response = client.post(
        reverse("complaints:register"),
        {
            "channel": "post",
            "applicant_kind": "person",
            "summary": "Something happened.",
            "received_at": "2025-10-06T10:00",
            "district": "",
            "court_status": "none",
            "sensitivity": "normal",
            "app_type": "complaint",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Something happened." in body and 'aria-invalid="true"' in body
    assert not Application.objects.exists()


def test_operator_loses_access_after_triage(staff_client, persona):
    operator, officer = persona("intake_operator"), persona("department_head")
    client = staff_client(operator)
    app = make_application(operator)
    assert client.get(app.get_absolute_url()).status_code == 200
    from ombuds.complaints import services

    services.decide_admissibility(officer, app, "accept")
    assert client.get(app.get_absolute_url()).status_code == 404


def test_regional_officer_cannot_open_another_region(staff_client, persona):
    officer = persona("regional_officer")  # West (Ganja)
    client = staff_client(officer)
    own = make_application(officer, unit="rc_west", district="ganja")
    other = make_application(None, unit="rc_north", district="guba")  # received in the North
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    listing = client.get(reverse("complaints:list")).content.decode()
    assert own.number in listing and other.number not in listing


def test_decide_through_the_action_form(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    app = make_application(head)
    response = client.post(
        reverse("complaints:action", args=[app.public_id, "decide"]),
        {"decide-decision": "refuse", "decide-ground": "repeat", "decide-reason": ""},
    )
    assert response.status_code == 200  # redrawn with the reason asked for (tests/test_forms.py)
    app.refresh_from_db()
    assert app.status == Status.REGISTERED  # refused without reasons: nothing changed
    client.post(reverse("complaints:action", args=[app.public_id, "decide"]), {"decide-decision": "accept"})
    app.refresh_from_db()
    assert app.status == Status.UNDER_CONSIDERATION


def test_secret_tier_application_asks_for_a_purpose(staff_client, persona):
    boss = persona("commissioner")
    client = staff_client(boss)
    app = make_application(boss, sensitivity="highly_sensitive", summary="Sexual violence against a child.")
    page = client.get(app.get_absolute_url())
    assert b"Sexual violence" not in page.content and b'name="purpose"' in page.content
    page = client.get(app.get_absolute_url() + "?purpose=preparing+the+referral")
    assert b"Sexual violence" in page.content
    assert AuditEvent.objects.get(action="complaints.application.secret_read").purpose == "preparing the referral"
    officer = persona("complaints_officer")  # same unit, not assigned
    assert staff_client(officer).get(app.get_absolute_url() + "?purpose=x").status_code == 404


def test_list_filters_and_constant_query_count(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    make_application(head, urgent_child=True)
    url = reverse("complaints:list") + "?status=registered&sort=newest"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(12):
        make_application(head)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert response.content.decode().count("/complaints/") >= 13
    urgent = client.get(reverse("complaints:list") + "?urgent=on", HTTP_HX_REQUEST="true").content.decode()
    assert urgent.count('href="/complaints/') == 1 and "<html" not in urgent


def test_search_by_number_and_words(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    target = make_application(head, summary="Water supply cut off in the village for weeks.")
    make_application(head)
    by_number = client.get(reverse("complaints:list") + f"?q={target.number}", HTTP_HX_REQUEST="true").content.decode()
    by_words = client.get(reverse("complaints:list") + "?q=water", HTTP_HX_REQUEST="true").content.decode()
    assert by_number.count('href="/complaints/') == 1 and by_words.count('href="/complaints/') == 1


def test_916_call_in_a_minute_and_conversion(staff_client, persona):
    operator = persona("intake_operator")
    client = staff_client(operator)
    client.post(
        reverse("complaints:call_log"),
        {
            "received_at": "2025-10-06T02:10",
            "topic": RightTopic.objects.get(code="child_rights").pk,
            "urgent": "on",
            "note": "Violence in a boarding school.",
        },
    )
    call = Call.objects.get()
    assert call.urgent and call.created_by == operator
    client.post(reverse("complaints:call_convert", args=[call.public_id]))
    call.refresh_from_db()
    assert call.application.channel == "call_916" and call.application.urgent_life


def test_quarterly_916_statistics(staff_client, persona):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from ombuds.complaints import services

    operator = persona("intake_operator")
    baku = ZoneInfo("Asia/Baku")
    for when, code, urgent in [
        ((2025, 10, 1, 0, 30), "child_rights", True),
        ((2025, 12, 31, 23, 0), "police", False),
        ((2025, 11, 5, 9, 0), "child_rights", False),
        ((2026, 1, 1, 0, 10), "police", False),
    ]:
        services.log_call(
            operator, topic=RightTopic.objects.get(code=code), urgent=urgent, received_at=datetime(*when, tzinfo=baku)
        )
    # The page moved to the reports app; the old address follows it with its query.
    page = staff_client(operator).get(reverse("complaints:call_statistics") + "?year=2025&quarter=4", follow=True)
    assert page.redirect_chain == [(reverse("reports:calls") + "?year=2025&quarter=4", 301)]
    rows = page.context["rows"]
    assert [(t.code, t.n, t.urgent) for t in rows] == [("child_rights", 2, 1), ("police", 1, 0)]
    assert page.context["total"] == 3
    moved = staff_client(operator).get(reverse("complaints:call_statistics") + "?quarter=9", follow=True)
    assert moved.status_code == 404


def test_information_request_reply_reminder_and_escalation_pages(staff_client, persona):
    from ombuds.complaints import services
    from ombuds.complaints.testing import authority

    head = persona("department_head")
    client = staff_client(head)
    app = services.decide_admissibility(head, make_application(head), "accept")
    request = services.send_info_request(head, app, addressee=authority("mia"), basis="general", questions="Why?")
    url = lambda action: reverse("complaints:info_request_action", args=[request.public_id, action])  # noqa: E731
    client.post(url("remind"))
    request.refresh_from_db()
    assert (request.status, request.reminders) == ("reminded", 1)
    client.post(url("escalate"), {"text": ""})  # no reason: refused
    request.refresh_from_db()
    assert request.status == "reminded"
    client.post(url("escalate"), {"text": "No answer after a reminder."})
    request.refresh_from_db()
    assert request.status == "escalated"
    assert client.post(url("dance")).status_code == 404


def test_the_urgent_measure_clock_is_stopped_from_the_case_page(staff_client, persona):
    from ombuds.complaints import services
    from ombuds.core import deadlines
    from ombuds.core.models import Authority

    head = persona("department_head")
    client = staff_client(head)
    app = make_application(head)
    app = services.decide_admissibility(head, app, "accept")
    page = client.get(app.get_absolute_url())
    assert b'name="measure_response-response"' not in page.content  # no urgent measure, no step
    services.add_measure(head, app, kind="urgent", addressee=Authority.objects.first(), text="Transfer to hospital.")
    page = client.get(app.get_absolute_url())
    assert b'name="measure_response-response"' in page.content
    url = reverse("complaints:action", args=[app.public_id, "measure_response"])
    refused = client.post(url, {"measure_response-response": " "})
    assert refused.status_code == 200 and deadlines.open_for(app, "urgent_measure_response").exists()
    client.post(url, {"measure_response-response": "The detainee was moved to the prison hospital."})
    assert not deadlines.open_for(app, "urgent_measure_response").exists()
    assert b'name="measure_response-response"' not in client.get(app.get_absolute_url()).content


def test_a_reply_received_by_letter_is_recorded_with_its_files(staff_client, persona):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ombuds.complaints import services
    from ombuds.complaints.testing import authority
    from ombuds.core.models import Attachment

    head = persona("department_head")
    client = staff_client(head)
    app = services.decide_admissibility(head, make_application(head), "accept")
    request = services.send_info_request(head, app, addressee=authority("mia"), basis="general", questions="Why?")
    url = reverse("complaints:info_request_action", args=[request.public_id, "reply"])
    page = client.get(app.get_absolute_url()).content.decode()
    assert f'action="{url}" class="mb-2" enctype="multipart/form-data"' in page  # the form can carry files
    scans = [
        SimpleUploadedFile("reply-page-1.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "application/pdf"),
        SimpleUploadedFile("register-extract.txt", b"Entry 412: registered on 3 May.", "text/plain"),
    ]
    response = client.post(url, {"text": "The police answered by letter.", "channel": "letter", "files": scans})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.reply_channel) == ("answered", "letter")
    kept = Attachment.objects.filter(object_id=request.pk, content_type__model="inforequest")
    assert sorted(kept.values_list("original_name", flat=True)) == ["register-extract.txt", "reply-page-1.pdf"]

"""Intake and action forms: every desk's form registers what it shows, and every refusal says why
next to the field and in a summary at the top."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from ombuds.accounts.models import OrgUnit
from ombuds.complaints.choices import Channel, Status
from ombuds.complaints.models import Application
from ombuds.complaints.testing import make_application
from ombuds.core.models import District

pytestmark = pytest.mark.django_db


class _FormFields(HTMLParser):
    """What a browser would submit for the page's form as drawn: every named input, select and
    textarea with its initial value (selected option, else the first; checked boxes only)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select: str | None = None
        self._first: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.data[name] = a.get("value", "on")
            elif kind != "submit":
                self.data[name] = a.get("value") or ""
        elif tag == "select" and name:
            self._select, self._first = name, None
            if "multiple" not in a:
                self.data[name] = ""
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._first is None and self._select in self.data:
                self._first = value
                self.data[self._select] = value
            if "selected" in a:
                self.data[self._select] = value
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data.strip()


def as_drawn(html: str) -> dict:
    form = html[html.index('<form method="post" novalidate>') :]
    parser = _FormFields()
    parser.feed(form[: form.index("</form>")])
    return parser.data


@pytest.mark.parametrize("channel", Channel.values)
def test_every_desk_registers_what_its_form_shows(staff_client, persona, channel):
    """The 916 form hid the court field yet required it, and redrew itself without a word."""
    operator = persona("intake_operator")
    client = staff_client(operator)
    url = reverse("complaints:register") + f"?channel={channel}"
    data = as_drawn(client.get(url).content.decode())
    data.update(
        applicant_kind="anonymous",
        summary="Somebody was beaten at the police station.",
        district=str(District.objects.get(code="baku").pk),
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    app = Application.objects.get()
    assert app.channel == channel and app.court_status == "none"


def test_errors_are_listed_at_the_top_with_links_and_next_to_the_fields(staff_client, persona):
    client = staff_client(persona("intake_operator"))
    url = reverse("complaints:register") + "?channel=call_916"
    data = as_drawn(client.get(url).content.decode())
    data.update(applicant_kind="person", summary="")
    body = client.post(url, data).content.decode()
    start = body.index('data-testid="form-errors"')
    summary = body[start : body.index("</ul>", start)]
    assert 'href="#id_summary"' in summary and 'href="#id_surname"' in summary and 'href="#id_district"' in summary
    assert 'id="id_summary_error"' in body and 'id="id_surname_error"' in body
    assert not Application.objects.exists()


def test_an_error_of_a_field_not_drawn_is_still_said(staff_client, persona):
    client = staff_client(persona("intake_operator"))
    url = reverse("complaints:register") + "?channel=post"
    data = {**as_drawn(client.get(url).content.decode()), "channel": "pigeon"}
    body = client.post(url, data).content.decode()
    summary = body[body.index('data-testid="form-errors"') :]
    assert "pigeon" in summary[: summary.index("</ul>")]


def test_a_refused_action_is_shown_on_its_form(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    app = make_application(head)
    url = reverse("complaints:action", args=[app.public_id, "decide"])
    response = client.post(url, {"decide-decision": "refuse", "decide-ground": "repeat", "decide-reason": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_decide-reason_error"' in body and 'href="#id_decide-reason"' in body
    app.refresh_from_db()
    assert app.status == Status.REGISTERED
    response = client.post(reverse("complaints:action", args=[app.public_id, "note"]), {"note-text": " "})
    assert 'id="id_note-text_error"' in response.content.decode()


def test_a_regional_officer_keeps_the_case_they_registered_for_another_region(staff_client, persona):
    """Registered at the Ganja centre about a district of the North: a 404 after the redirect,
    and no way to transfer it."""
    officer = persona("regional_officer")  # West (Ganja)
    client = staff_client(officer)
    url = reverse("complaints:register") + "?channel=regional_office"
    data = as_drawn(client.get(url).content.decode())
    data.update(applicant_kind="anonymous", summary="Land taken.", district=str(District.objects.get(code="guba").pk))
    response = client.post(url, data, follow=True)
    app = Application.objects.get()
    assert response.status_code == 200 and response.redirect_chain[-1][0] == app.get_absolute_url()
    assert 'name="transfer-unit"' in response.content.decode()
    assert app.number in client.get(reverse("complaints:list")).content.decode()
    north = OrgUnit.objects.get(code="rc_north")
    response = client.post(
        reverse("complaints:action", args=[app.public_id, "transfer"]),
        {"transfer-unit": north.pk, "transfer-reason": "The district is served by the Guba centre."},
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.unit == north
    assert client.get(app.get_absolute_url()).status_code == 404  # handed on: the North has it now


def test_the_916_operator_may_hand_on_only_their_own_open_intake(staff_client, persona):
    operator = persona("intake_operator")
    client = staff_client(operator)
    mine = make_application(operator, unit="call916", channel=Channel.CALL_916)
    others = make_application(persona("complaints_officer"), unit="call916", channel=Channel.CALL_916)
    page = client.get(mine.get_absolute_url()).content.decode()
    assert 'name="transfer-unit"' in page and 'name="note-text"' not in page  # hand on, nothing else
    dept = OrgUnit.objects.get(code="dept_complaints")
    transfer = {"transfer-unit": dept.pk, "transfer-reason": "For triage."}
    assert client.post(reverse("complaints:action", args=[others.public_id, "transfer"]), transfer).status_code == 404
    act = lambda app, name: reverse("complaints:action", args=[app.public_id, name])  # noqa: E731
    assert client.post(act(mine, "note"), {"note-text": "x"}).status_code == 403
    assert client.post(act(mine, "transfer"), transfer).status_code == 302
    mine.refresh_from_db()
    assert mine.unit == dept and not mine.in_intake
    assert client.get(mine.get_absolute_url()).status_code == 404


def test_a_refused_information_request_step_is_shown_on_its_form(staff_client, persona):
    from ombuds.complaints import services
    from ombuds.complaints.testing import authority

    head = persona("department_head")
    client = staff_client(head)
    app = services.decide_admissibility(head, make_application(head), "accept")
    request = services.send_info_request(head, app, addressee=authority("mia"), basis="general", questions="Why?")
    services.remind_info_request(head, request)
    url = reverse("complaints:info_request_action", args=[request.public_id, "escalate"])
    response = client.post(url, {"text": "  "})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="ir{request.pk}-escalate-text_error"' in body and f'href="#ir{request.pk}-escalate-text"' in body
    request.refresh_from_db()
    assert request.status == "reminded"
    reply = reverse("complaints:info_request_action", args=[request.public_id, "reply"])
    assert client.post(reply, {"text": "The police answered."}).status_code == 302
    request.refresh_from_db()
    assert request.status == "answered"

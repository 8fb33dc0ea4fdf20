"""Field-level confidentiality: interview identities and allegations never appear in a page,
export or list for anyone — only on the purpose-stated unsealing page for the team."""

import pytest
from django.urls import reverse

from ombuds.accounts.testing import PERSONAS, make_user
from ombuds.monitoring import services
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db
IDENTITY = "CANARY-identity-7317"
ALLEGATION = "CANARY-allegation-9921"


@pytest.fixture
def secret_visit():
    lead = make_user(username="npm.lead", roles=["department_head", "npm_member"], unit="npg", gender="male")
    visit = make_visit(lead, place=make_place(lead, district="guba", name_az="Quba MSY"), announced=True)
    services.add_team_member(lead, visit, lead, "leader")
    services.prepare_visit(lead, visit, "")
    services.record_arrival(lead, visit)
    interview = services.add_interview(
        lead, visit, pseudonym="Q-1", kind="detainee", identity=IDENTITY, notes=f"notes {IDENTITY}"
    )
    allegation = services.record_allegation(lead, interview, methods=ALLEGATION, injuries=ALLEGATION)
    services.add_finding(
        lead, visit, area="treatment", text="Reports of beatings at night.", severity="serious", sources=["detainee"]
    )
    return lead, visit, interview, allegation


def _pages(visit, interview, allegation):
    return [
        reverse("monitoring:visit_list"),
        reverse("monitoring:place_list"),
        reverse("monitoring:place_detail", args=[visit.place.public_id]),
        reverse("monitoring:visit_detail", args=[visit.public_id]),
        reverse("monitoring:visit_report", args=[visit.public_id, "docx"]) + "?lang=en",
        reverse("monitoring:interview_identity", args=[interview.public_id]),
        reverse("monitoring:allegation_detail", args=[allegation.public_id]),
        reverse("core:audit_list"),
        reverse("core:notification_list"),
        reverse("complaints:list"),
    ]


@pytest.mark.parametrize("who", sorted(PERSONAS))
def test_no_canary_reaches_any_role(secret_visit, persona, staff_client, who):
    lead, visit, interview, allegation = secret_visit
    user = persona(who)
    client = staff_client(user)
    from ombuds.accounts.tokens import create_api_token

    feed = reverse("monitoring:calendar_feed", args=[create_api_token(None, user, "feed", scope="calendar")])
    for url in [*_pages(visit, interview, allegation), feed, "/api/v1/interviews/", "/api/v1/allegations/"]:
        body = client.get(url).content
        assert IDENTITY.encode() not in body and ALLEGATION.encode() not in body, (who, url)


def test_the_team_sees_them_only_where_it_must(secret_visit, staff_client):
    import io

    from docx import Document

    lead, visit, interview, allegation = secret_visit
    client = staff_client(lead)
    for url in _pages(visit, interview, allegation):
        response = client.get(url)
        body = (
            response.content
            if not url.endswith("lang=en")
            else "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs).encode()
        )
        assert IDENTITY.encode() not in body and ALLEGATION.encode() not in body, url
    unsealed = client.get(reverse("monitoring:interview_identity", args=[interview.public_id]) + "?purpose=care")
    assert IDENTITY.encode() in unsealed.content  # the control: the canary is real
    opened = client.get(reverse("monitoring:allegation_detail", args=[allegation.public_id]) + "?purpose=care")
    assert ALLEGATION.encode() in opened.content

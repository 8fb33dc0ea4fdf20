"""Recommendations from a case: an application in which a violation is found answers with a
recommendation, recorded on the case as its measure (the number replaces the free-text reference),
listed on the case page and open to the case's handler only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from ombuds.accounts.testing import make_user
from ombuds.complaints import services as complaints
from ombuds.complaints.choices import MeasureKind, Outcome
from ombuds.complaints.choices import Status as AppStatus
from ombuds.complaints.models import Measure, RightTopic
from ombuds.complaints.testing import authority
from ombuds.core.models import AuditEvent
from ombuds.recommendations.models import Recommendation
from ombuds.recommendations.testing import case_under_consideration, recommendation_from_case

pytestmark = pytest.mark.django_db

TEXT = "Polis şöbələri vətəndaşların şikayətlərini müraciət edildiyi gün qeydiyyata alsın."


@pytest.fixture
def officer(persona):
    return persona("complaints_officer")


@pytest.fixture
def case(officer):
    return case_under_consideration(officer)


def _url(app):
    return reverse("recommendations:draft_from_application", args=[app.public_id])


# The service ------------------------------------------------------------------------------------


def test_the_draft_is_recorded_on_the_case_as_its_measure_and_the_violation_can_be_concluded(officer, case):
    with pytest.raises(ValidationError):  # no measure yet
        complaints.conclude_application(officer, case, Outcome.VIOLATION_FOUND)
    rec = recommendation_from_case(
        officer, case, addressee=authority("pgo"), right=RightTopic.objects.get(code="police")
    )
    assert (rec.source, rec.application, rec.status) == ("application", case, "draft")
    assert (rec.unit, rec.responsible, rec.addressee.code, rec.right.code) == (case.unit, officer, "pgo", "police")
    measure = Measure.objects.get(application=case)
    assert (measure.kind, measure.recommendation_ref, measure.addressee.code) == ("recommendation", rec.number, "pgo")
    assert measure.text == TEXT
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"recommendations.recommendation.drafted", "complaints.application.measure_taken"} <= actions
    app = complaints.conclude_application(officer, case, Outcome.VIOLATION_FOUND)
    assert app.outcome == Outcome.VIOLATION_FOUND
    # Once concluded with a violation found, another recommendation may still answer the case.
    second = recommendation_from_case(officer, app)
    assert list(app.measures.values_list("recommendation_ref", flat=True)) == [rec.number, second.number]


def _registered(officer):
    from ombuds.complaints.testing import make_application

    return complaints.assign_application(None, make_application(None), officer)


def _not_confirmed(officer):
    return complaints.conclude_application(officer, case_under_consideration(officer), Outcome.NOT_CONFIRMED)


def _applicant_notified(officer):
    app = case_under_consideration(officer)
    recommendation_from_case(officer, app)
    return complaints.notify_applicant(officer, complaints.conclude_application(officer, app, Outcome.VIOLATION_FOUND))


@pytest.mark.parametrize("reach", [_registered, _not_confirmed, _applicant_notified])
def test_only_a_case_that_finds_a_violation_and_still_takes_measures_answers(officer, reach):
    app = reach(officer)
    before = (Recommendation.objects.count(), Measure.objects.count())
    with pytest.raises(ValidationError) as refused:
        recommendation_from_case(officer, app)
    assert "application" in refused.value.message_dict
    assert (Recommendation.objects.count(), Measure.objects.count()) == before


def test_a_refused_draft_leaves_nothing_half_written(officer, case):
    with pytest.raises(ValidationError):
        recommendation_from_case(officer, case, text_az="  ")
    with pytest.raises(ValidationError):
        recommendation_from_case(officer, case, due_date=case.received_at.date(), due_reason="")
    assert not Recommendation.objects.exists() and not case.measures.exists()
    # The number was not spent either.
    assert recommendation_from_case(officer, case).sequence == 1


@pytest.mark.parametrize("role", ["npm_member", "intake_operator", "awareness_staff"])
def test_drafting_from_a_case_needs_both_handling_and_managing(persona, case, role):
    with pytest.raises(PermissionDenied):
        recommendation_from_case(persona(role), case)
    assert not Recommendation.objects.exists()


def test_a_recommendation_measure_is_made_only_by_the_register(officer, case):
    other = case_under_consideration(officer)
    elsewhere = recommendation_from_case(officer, other)
    mia = authority("mia")
    for ref in ("", "2020/0001", elsewhere.number):  # none, a made-up number, another case's
        with pytest.raises(ValidationError) as refused:
            complaints.add_measure(
                officer, case, kind=MeasureKind.RECOMMENDATION, addressee=mia, text="R", recommendation_ref=ref
            )
        assert "kind" in refused.value.message_dict
    with pytest.raises(ValidationError):  # a letter names no recommendation
        complaints.add_measure(
            officer, case, kind="letter", addressee=mia, text="L", recommendation_ref=elsewhere.number
        )
    with pytest.raises(ValidationError):  # the register recorded it already
        complaints.add_measure(
            officer,
            other,
            kind=MeasureKind.RECOMMENDATION,
            addressee=mia,
            text="R",
            recommendation_ref=elsewhere.number,
        )
    assert not case.measures.exists() and other.measures.count() == 1


def test_the_api_no_longer_takes_a_recommendation_measure(officer, case):
    client = APIClient()
    client.force_authenticate(officer)
    url = f"/api/v1/applications/{case.public_id}/measures/"
    refused = client.post(url, {"kind": "recommendation", "addressee": "mia", "text": "Do it."}, format="json")
    assert refused.status_code == 400 and "kind" in refused.json()
    assert client.post(url, {"kind": "letter", "addressee": "mia", "text": "Do it."}, format="json").status_code == 200
    assert list(case.measures.values_list("kind", flat=True)) == ["letter"]


# The pages --------------------------------------------------------------------------------------


def test_the_measure_form_offers_no_recommendation_nor_a_free_text_reference(staff_client, officer, case):
    client = staff_client(officer)
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'name="measure-kind"' in page
    assert 'value="recommendation"' not in page and "recommendation_ref" not in page
    posted = client.post(
        reverse("complaints:action", args=[case.public_id, "measure"]),
        {"measure-kind": "recommendation", "measure-addressee": authority("mia").pk, "measure-text": "Do it."},
    )
    assert posted.status_code == 200 and posted.context["forms"]["measure"].errors["kind"]
    assert not case.measures.exists()


def test_the_handler_drafts_from_the_case_page(staff_client, officer):
    app = case_under_consideration(officer, respondents=[authority("pgo"), authority("mia")])
    client = staff_client(officer)
    case_page = client.get(app.get_absolute_url()).content.decode()
    assert f'href="{_url(app)}"' in case_page  # offered while the case is considered
    form = client.get(_url(app)).context["form"]
    assert form["addressee"].value() == authority("pgo").pk  # the first respondent
    assert list(form.fields["right"].queryset) == list(app.rights.all())
    assert "after_visit" not in dict(form.fields["kind"].choices)

    data = {
        "addressee": authority("mia").pk,
        "right": RightTopic.objects.get(code="police").pk,
        "kind": "legislative",
        "priority": "high",
        "text_az": TEXT,
        "text_en": "Police stations should register complaints on the day they are made.",
        "smart": ["specific", "time_bound"],
        "due_date": "2030-01-31",
        "due_reason": "",
        "uhri_reference": "CAT/C/AZE/CO/4 para 12",
    }
    refused = client.post(_url(app), data)  # a due date set by hand needs its reason
    assert refused.status_code == 400 and refused.context["form"].errors["due_reason"]
    assert not Recommendation.objects.exists() and not app.measures.exists()

    saved = client.post(_url(app), {**data, "due_reason": "The law must pass the Milli Majlis first."})
    rec = Recommendation.objects.get()
    assert saved.status_code == 302 and saved["Location"] == rec.get_absolute_url()
    assert (rec.kind, rec.priority, rec.addressee.code, str(rec.due_date)) == (
        "legislative",
        "high",
        "mia",
        "2030-01-31",
    )
    assert rec.smart == {"specific": True, "time_bound": True} and rec.due_set_by_hand
    assert rec.uhri_reference == "CAT/C/AZE/CO/4 para 12"
    assert app.measures.get().recommendation_ref == rec.number

    case_page = client.get(app.get_absolute_url()).content.decode()
    section = case_page[case_page.index('data-testid="case-recommendations"') :]
    assert f'<a href="{rec.get_absolute_url()}">{rec.number}</a>' in section
    assert authority("mia").name in section
    assert rec.get_status_display() in section
    assert "2030-01-31" in section
    measures = case_page[case_page.index('id="h-measures"') : case_page.index('data-testid="case-recommendations"')]
    assert f'<a href="{rec.get_absolute_url()}">{rec.number}</a>' in measures  # the measure links to it


def test_the_draft_is_not_offered_once_the_case_moved_on(staff_client, officer, case):
    client = staff_client(officer)
    app = complaints.conclude_application(officer, case, Outcome.NOT_CONFIRMED)
    assert app.status == AppStatus.CONCLUDED
    assert _url(app) not in client.get(app.get_absolute_url()).content.decode()
    refused = client.get(_url(app))
    assert refused.status_code == 302 and refused["Location"] == app.get_absolute_url()


def test_the_case_page_queries_do_not_grow_with_its_recommendations(staff_client, officer):
    client = staff_client(officer)
    counts = []
    for size in (1, 3):
        app = case_under_consideration(officer)
        for _i in range(size):
            recommendation_from_case(officer, app)
        client.get(app.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            page = client.get(app.get_absolute_url())
        assert page.content.decode().count("/recommendations/") >= size
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1], counts


# Scoping ----------------------------------------------------------------------------------------


def _stranger():
    """A complaints officer with a case of their own, at the North regional centre (an officer
    reads their unit's queue: one of another unit is the one who must not see the case)."""
    stranger = make_user(roles=["complaints_officer"], unit="rc_north")
    case_under_consideration(stranger, unit="rc_north")
    return stranger


def test_the_recommendation_of_a_case_is_open_to_its_handler(staff_client, persona, officer, case):
    rec = recommendation_from_case(persona("department_head"), case)  # drafted by the head: not the officer's own
    detail = reverse("recommendations:detail", args=[rec.public_id])
    stranger = _stranger()
    assert staff_client(officer).get(detail).status_code == 200
    assert staff_client(stranger).get(detail).status_code == 404
    for role in ("intake_operator", "awareness_staff"):
        assert staff_client(persona(role)).get(detail).status_code == 403
    # The case is handed to the other officer: the recommendation follows its handler.
    complaints.assign_application(None, case, stranger)
    assert staff_client(stranger).get(detail).status_code == 200


def test_an_officer_of_another_case_neither_sees_nor_drafts(staff_client, officer, case):
    rec = recommendation_from_case(officer, case)
    client = staff_client(_stranger())
    assert client.get(reverse("recommendations:detail", args=[rec.public_id])).status_code == 404
    assert client.get(_url(case)).status_code == 404
    assert (
        client.post(_url(case), {"addressee": authority("mia").pk, "kind": "urgent", "text_az": TEXT}).status_code
        == 404
    )
    assert Recommendation.objects.count() == 1


@pytest.mark.parametrize("role", ["intake_operator", "awareness_staff", "npm_member"])
def test_roles_without_both_hats_get_403_on_the_draft_page(staff_client, persona, case, role):
    assert staff_client(persona(role)).get(_url(case)).status_code == 403

"""No applicant's or victim's identity goes to an authority without their recorded consent
(domain.md §4): the questions of an information request and the letter of a recommendation drawn
from the case are read for their names."""

import pytest
from django.core.exceptions import ValidationError

from ombuds.complaints import services
from ombuds.complaints.testing import authority
from ombuds.recommendations import services as recommendations
from ombuds.recommendations.testing import case_under_consideration, recommendation_from_case

pytestmark = pytest.mark.django_db


def _ask(app, questions):
    return services.send_info_request(None, app, addressee=authority("mia"), basis="general", questions=questions)


def test_questions_naming_the_applicant_without_consent_are_refused():
    app = case_under_consideration()  # the applicant is Həsənov Rauf Əli oğlu; no consent recorded
    for questions in [
        "Was Rauf Həsənov registered at the station on 3 May?",
        "Həsənovun şikayəti nə vaxt qeydə alınıb?",  # with a case ending
        "Когда зарегистрировали жалобу Рауфа?",  # in the Cyrillic alphabet, with a case ending
    ]:
        with pytest.raises(ValidationError) as refused:
            _ask(app, questions)
        assert "questions" in refused.value.message_dict, questions
    assert app.info_requests.count() == 0
    # Referring to the case by its number is what the letter does anyway.
    assert _ask(app, f"Was the applicant of application {app.number} registered on 3 May?").pk


def test_questions_may_name_the_applicant_with_consent_to_disclosure():
    app = case_under_consideration(disclosure_consent="to_authority")
    assert _ask(app, "Was Rauf Həsənov registered at the station on 3 May?").pk


def test_a_recommendation_from_the_case_naming_the_applicant_is_not_issued():
    app = case_under_consideration()
    rec = recommendation_from_case(None, app, text_az="Rauf Həsənovun şikayəti yenidən baxılsın.")
    with pytest.raises(ValidationError) as refused:
        recommendations.issue_recommendation(None, rec)
    assert "text_az" in refused.value.message_dict
    rec.refresh_from_db()
    assert rec.status == "draft"

    fine = recommendation_from_case(None, app, text_az="Polis şöbələri şikayətləri gün ərzində qeydə alsın.")
    assert recommendations.issue_recommendation(None, fine).status == "issued"

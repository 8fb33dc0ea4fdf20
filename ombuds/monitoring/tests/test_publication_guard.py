"""The publication guard finds an interviewee's name however the report spells it (OPCAT Art. 21(2))."""

import pytest

from ombuds.monitoring import report, services
from ombuds.monitoring.testing import make_place, make_visit

pytestmark = pytest.mark.django_db

IDENTITY = "Məmmədov Elçin Rauf oğlu"


@pytest.fixture
def visit(persona):
    lead = persona("npm_member")
    visit = make_visit(None, place=make_place(None))
    services.add_team_member(None, visit, lead, "leader")
    services.prepare_visit(None, visit, "")
    visit = services.record_arrival(None, visit)
    services.add_interview(None, visit, pseudonym="D-01", kind="detainee", identity=IDENTITY)
    return visit


def _finding(visit, text, subtopic=""):
    return services.add_finding(
        None, visit, area="treatment", text=text, subtopic=subtopic, severity="serious", sources=["detainee"]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Elçin Məmmədov reported being beaten.",
        "ELÇİN MƏMMƏDOV reported being beaten.",
        "Elchin Mammadov reported being beaten.",
        "Memmedov was beaten.",
        "Эльчин Мамедов сообщил об избиении.",
        "Мамедова избили в камере.",  # a Russian case ending
        "Məmmədovun kamerasında 12 nəfər var.",  # an Azerbaijani one
        "The detainee Rauf said so.",  # the patronymic is a name part too
    ],
)
def test_each_name_part_is_found_in_any_spelling(visit, text):
    _finding(visit, text)
    with pytest.raises(report.GuardFailure) as failure:
        report.check_publication(visit)
    assert failure.value.field == "text"


def test_the_subtopic_and_observations_are_read_too(visit):
    _finding(visit, "Cells are overcrowded.", subtopic="Elchin's cell")
    with pytest.raises(report.GuardFailure) as failure:
        report.check_publication(visit)
    assert failure.value.field == "subtopic"


@pytest.mark.parametrize(
    "text",
    [
        "The detainee D-01 reported being beaten; his oğlu was not told.",  # the particle alone names nobody
        "E. M. said the cells are cold.",  # nor do initials
        "Raufiddinov's office is on the second floor.",  # a longer word that only begins like a name part
        "Cells hold twice their capacity.",
    ],
)
def test_particles_initials_and_other_words_pass(visit, text):
    _finding(visit, text)
    report.check_publication(visit)


def test_consent_to_publication_lifts_the_guard(visit):
    services.add_interview(
        None, visit, pseudonym="D-02", kind="detainee", identity="Quliyev Rəşid", consent_publish=True
    )
    _finding(visit, "Rashid Guliyev agreed to be named.")
    report.check_publication(visit)

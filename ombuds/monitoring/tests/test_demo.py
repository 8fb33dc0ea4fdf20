"""Demo findings fit the place visited (no "detainees in cells" in a children's home), in az/en/ru."""

import io

import pytest

from ombuds.monitoring.choices import PlaceType
from ombuds.monitoring.demo_findings import FINDINGS, GROUP_OF, findings_for

CUSTODY_WORDS = ("kamera", "saxlanılan", "cell", "detainee", "камер", "задержан")


def test_every_place_type_has_findings_in_every_language():
    assert set(GROUP_OF) == set(PlaceType.values)
    for group, findings in FINDINGS.items():
        assert findings, group
        for _area, _severity, texts in findings:
            assert set(texts) == {"az", "en", "ru"} and all(t.strip() for t in texts.values())
            assert len(set(texts.values())) == 3  # translated, not copied


@pytest.mark.parametrize("place_type", ["children_home", "boarding_school", "social_care_home", "psychiatric_hospital"])
def test_care_places_get_no_custody_findings(place_type):
    for language in ("az", "en", "ru"):
        text = " ".join(t for _a, _s, t in findings_for(place_type, language)).lower()
        assert not any(word in text for word in CUSTODY_WORDS), (place_type, language)


@pytest.mark.django_db
def test_seeded_visits_carry_the_findings_of_their_place_type():
    from ombuds.accounts import demo as accounts_demo
    from ombuds.monitoring import demo
    from ombuds.monitoring.models import Visit

    accounts_demo.seed(io.StringIO())
    demo.seed(io.StringIO())
    visits = Visit.objects.filter(findings__isnull=False).distinct().select_related("place")
    texts_by_type = {}
    for visit in visits:
        texts = sorted(visit.findings.values_list("text", flat=True))
        assert texts == sorted(t for _a, _s, t in findings_for(visit.place.place_type, "az")), visit.place
        texts_by_type.setdefault(GROUP_OF[visit.place.place_type], texts)
    assert len(texts_by_type) >= 2  # the demo visits more than one kind of place

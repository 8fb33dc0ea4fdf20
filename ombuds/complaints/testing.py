"""Factory helpers for applications, through the services (so tests see real audit and deadlines)."""

from __future__ import annotations

from ombuds.accounts.models import OrgUnit
from ombuds.complaints import services
from ombuds.complaints.choices import ApplicantKind, Channel
from ombuds.complaints.models import Application, RightTopic
from ombuds.core.models import Authority, District


def authority(code: str) -> Authority:
    return Authority.objects.get(code=code)


def make_application(actor, **overrides) -> Application:
    data = {
        "unit": OrgUnit.objects.get(code="dept_complaints"),
        "channel": Channel.POST,
        "summary": "The district police refused to register my complaint about a stolen car.",
        "district": District.objects.get(code="baku"),
        "applicant_kind": ApplicantKind.PERSON,
        "applicant": {
            "surname": "Həsənov",
            "given_name": "Rauf",
            "patronymic": "Əli oğlu",
            "sex": "male",
            "phone": "+994 50 555 12 34",
        },
        "respondents": [authority("mia")],
        "rights": [RightTopic.objects.get(code="police")],
    }
    for key in ("unit", "district"):
        if isinstance(overrides.get(key), str):
            model = OrgUnit if key == "unit" else District
            overrides[key] = model.objects.get(code=overrides[key])
    data.update(overrides)
    return services.register_application(actor, **data)

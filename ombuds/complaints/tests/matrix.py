"""Permission-matrix rows of the complaints app (see ombuds/core/testing.py)."""

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

INTAKE = [
    "commissioner",
    "department_head",
    "complaints_officer",
    "regional_officer",
    "intake_operator",
    "npm_member",
    "npm_medical",
]
HANDLERS = ["commissioner", "department_head", "complaints_officer", "regional_officer"]
NO_CASES = ["awareness_staff", "analyst", "auditor", "sysadmin"]


def _statuses(default, **groups):
    expected = {ANONYMOUS: 302}
    for status, names in groups.items():
        expected.update(dict.fromkeys(names, int(status.lstrip("s"))))
    return expected, default


def _app(user, in_scope: bool):
    """An application the requesting user may see (their unit and region, assigned to and registered
    by them), or one of another region that only the Commissioner sees."""
    from ombuds.accounts.models import OrgUnit
    from ombuds.complaints.models import Application
    from ombuds.complaints.testing import make_application
    from ombuds.core.models import District

    if in_scope and user is not None and user.org_unit_id:
        unit = user.org_unit
        district = District.objects.filter(region=unit.region).first()
    else:
        unit, district = OrgUnit.objects.get(code="rc_north"), District.objects.get(code="guba")
    app = make_application(None, unit=unit, district=district)
    if in_scope and user is not None:
        Application.objects.filter(pk=app.pk).update(assignee=user, created_by=user)
    return app


def detail(in_scope):
    return lambda user: reverse("complaints:detail", args=[_app(user, in_scope).public_id])


def action(in_scope):
    return lambda user: reverse("complaints:action", args=[_app(user, in_scope).public_id, "note"])


def status_key(in_scope):
    return lambda user: reverse("complaints:status_key", args=[_app(user, in_scope).public_id])


def reply(in_scope):
    def build(user):
        from ombuds.complaints import services
        from ombuds.complaints.testing import authority

        app = _app(user, in_scope)
        request = services.send_info_request(None, app, addressee=authority("mia"), basis="general", questions="Why?")
        return reverse("complaints:info_request_action", args=[request.public_id, "reply"])

    return build


def convert(in_scope):
    def build(user):
        from ombuds.accounts.testing import make_user
        from ombuds.complaints import services
        from ombuds.complaints.models import Call, RightTopic

        owner = user if (in_scope and user is not None) else make_user(roles=["intake_operator"], unit="rc_north")
        call = services.log_call(None, topic=RightTopic.objects.get(code="police"))
        Call.objects.filter(pk=call.pk).update(created_by=owner)
        return reverse("complaints:call_convert", args=[call.public_id])

    return build


def api_app(in_scope, suffix=""):
    return lambda user: f"/api/v1/applications/{_app(user, in_scope).public_id}/{suffix}"


def api_request(in_scope, suffix=""):
    def build(user):
        from ombuds.complaints import services
        from ombuds.complaints.testing import authority

        request = services.send_info_request(
            None, _app(user, in_scope), addressee=authority("mia"), basis="general", questions="Why?"
        )
        return f"/api/v1/info-requests/{request.public_id}/{suffix}"

    return build


def letter(in_scope):
    return lambda user: reverse("complaints:letter", args=[_app(user, in_scope).public_id, "acknowledgement", "docx"])


def attachment(in_scope):
    def build(user):
        from django.core.files.uploadedfile import SimpleUploadedFile

        from ombuds.complaints import services

        app = _app(user, in_scope)
        doc = services.attach_file(
            None, app, SimpleUploadedFile("a.pdf", b"%PDF-1.7\n", content_type="application/pdf")
        )
        return reverse("complaints:attachment", args=[app.public_id, doc.public_id])

    return build


API_ANON = {ANONYMOUS: 403}
# Without the register's permission the whole section answers 403, whatever the id; with it, a
# record out of scope answers 404 like a missing one (tests/test_api_not_found.py).
NO_SECTION = dict.fromkeys(NO_CASES, 403)
NOTE = {"note-text": "Called the applicant."}
SLIP = {"status_key-language": "ru"}
REPLY = {"text": "The police answered."}
STEPS = [
    ("measures", "measures", {"kind": "letter", "addressee": "mia", "text": "Register complaints."}),
    ("conclusion", "conclusion", {"outcome": "not_confirmed"}),
    ("applicant-notified", "applicant-notified", {}),
    ("closure", "closure", {}),
]

ROWS = [
    Row("complaints:attachment", *_statuses(200, s403=NO_CASES), url=attachment(True)),
    Row(
        "complaints:attachment",
        *_statuses(404, s200=["commissioner"], s403=NO_CASES),
        scope="out",
        url=attachment(False),
    ),
    Row("complaints:letter", *_statuses(200, s403=NO_CASES), url=letter(True)),
    Row("complaints:letter", *_statuses(404, s200=["commissioner"], s403=NO_CASES), scope="out", url=letter(False)),
    Row(
        "application-list",
        {**API_ANON, **dict.fromkeys(INTAKE, 200)},
        default=403,
        url=lambda _u: "/api/v1/applications/",
    ),
    Row(
        "application-list",
        {**API_ANON, **dict.fromkeys(INTAKE, 400)},
        default=403,
        method="post",
        data={},
        url=lambda _u: "/api/v1/applications/",
        note="empty body: a 400 for those who may register",
    ),
    Row("application-detail", {**API_ANON, **NO_SECTION}, default=200, url=api_app(True)),
    Row(
        "application-detail",
        {**API_ANON, **NO_SECTION, "commissioner": 200},
        default=404,
        scope="out",
        url=api_app(False),
    ),
    Row(
        "application-decision",
        {**API_ANON, **dict.fromkeys(HANDLERS, 200), **NO_SECTION},
        default=403,
        method="post",
        data={"decision": "request_info"},
        url=api_app(True, "decision/"),
    ),
    Row(
        "application-decision",
        {**API_ANON, **NO_SECTION, "commissioner": 200},
        default=404,
        method="post",
        scope="out",
        data={"decision": "request_info"},
        url=api_app(False, "decision/"),
    ),
    *[
        Row(
            f"application-{name}",
            {**API_ANON, **dict.fromkeys(HANDLERS, 400), **NO_SECTION},
            default=403,
            method="post",
            data=data,
            url=api_app(True, f"{path}/"),
            note="on a registered application the step itself is refused: 400 once the permission passes",
        )
        for name, path, data in STEPS
    ],
    *[
        Row(
            f"application-{name}",
            {**API_ANON, **NO_SECTION, "commissioner": 400},
            default=404,
            method="post",
            scope="out",
            data=data,
            url=api_app(False, f"{path}/"),
        )
        for name, path, data in STEPS
    ],
    Row("call-list", {**API_ANON, **dict.fromkeys(INTAKE, 200)}, default=403, url=lambda _u: "/api/v1/calls/"),
    Row(
        "info-request-list",
        {**API_ANON, **dict.fromkeys(INTAKE, 200)},
        default=403,
        url=lambda _u: "/api/v1/info-requests/",
    ),
    Row("info-request-detail", {**API_ANON, **NO_SECTION}, default=200, url=api_request(True)),
    Row(
        "info-request-detail",
        {**API_ANON, **NO_SECTION, "commissioner": 200},
        default=404,
        scope="out",
        url=api_request(False),
    ),
    Row(
        "info-request-reply",
        {**API_ANON, **dict.fromkeys(HANDLERS, 200)},
        default=403,
        method="post",
        data={"reply": "Answer."},
        url=api_request(True, "reply/"),
    ),
    Row(
        "info-request-reply",
        {**API_ANON, "commissioner": 200, **dict.fromkeys(HANDLERS[1:], 404)},
        default=403,
        method="post",
        scope="out",
        data={"reply": "Answer."},
        url=api_request(False, "reply/"),
    ),
    Row("authority-list", API_ANON, default=200, url=lambda _u: "/api/v1/authorities/"),
    Row("authority-detail", API_ANON, default=200, url=lambda _u: "/api/v1/authorities/mia/"),
    Row("api-root", API_ANON, default=200, url=lambda _u: "/api/v1/"),
    Row("complaints:list", *_statuses(403, s200=INTAKE), url=lambda _u: reverse("complaints:list")),
    Row("complaints:register", *_statuses(403, s200=INTAKE), url=lambda _u: reverse("complaints:register")),
    Row("complaints:export", *_statuses(403, s200=INTAKE), url=lambda _u: reverse("complaints:export", args=["csv"])),
    Row("complaints:call_log", *_statuses(403, s200=INTAKE), url=lambda _u: reverse("complaints:call_log")),
    Row(
        "complaints:call_statistics",  # moved to reports:calls: a permanent redirect
        *_statuses(403, s301=[*INTAKE, "analyst"]),
        url=lambda _u: reverse("complaints:call_statistics") + "?year=2025&quarter=4",
    ),
    Row("complaints:call_convert", *_statuses(403, s302=INTAKE), method="post", url=convert(True)),
    Row(
        "complaints:call_convert",
        *_statuses(403, s302=["commissioner"], s404=INTAKE[1:]),
        method="post",
        scope="out",
        url=convert(False),
    ),
    Row("complaints:detail", *_statuses(200, s403=NO_CASES), url=detail(True)),
    Row("complaints:detail", *_statuses(404, s200=["commissioner"], s403=NO_CASES), scope="out", url=detail(False)),
    Row(
        "complaints:action",
        *_statuses(403, s302=HANDLERS),
        method="post",
        data=NOTE,
        url=action(True),
    ),
    Row(
        "complaints:action",
        *_statuses(404, s302=["commissioner"], s403=NO_CASES),
        method="post",
        scope="out",
        data=NOTE,
        url=action(False),
    ),
    Row(
        "complaints:info_request_action",
        *_statuses(403, s302=HANDLERS),
        method="post",
        data=REPLY,
        url=reply(True),
    ),
    Row(
        "complaints:info_request_action",
        *_statuses(404, s302=["commissioner"], s403=NO_CASES),
        method="post",
        scope="out",
        data=REPLY,
        url=reply(False),
    ),
    # The applicant's reference and PIN: whoever may register hands them over for a case they see
    # (the slip is a 200 page, not a redirect: the PIN is shown once and stored nowhere).
    Row("complaints:status_key", *_statuses(403, s200=INTAKE), method="post", data=SLIP, url=status_key(True)),
    Row(
        "complaints:status_key",
        *_statuses(404, s200=["commissioner"], s403=NO_CASES),
        method="post",
        scope="out",
        data=SLIP,
        url=status_key(False),
    ),
]

"""Permission-matrix rows of the recommendations app (see ombuds/core/testing.py)."""

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

# Who may import past recommendations (recommendations.import_recommendations).
IMPORTERS = ["commissioner", "department_head"]
MANAGERS = ["commissioner", "department_head", "complaints_officer", "regional_officer", "npm_member", "npm_medical"]
# Those who handle cases and manage recommendations: they draft one from a case.
CASE_HANDLERS = ["commissioner", "department_head", "complaints_officer", "regional_officer"]


def _statuses(default, **groups):
    expected = {ANONYMOUS: 302}
    for status, names in groups.items():
        expected.update(dict.fromkeys(names, int(status.lstrip("s"))))
    return expected, default


def _rec(user, in_scope: bool):
    """In scope: the user is responsible for it. Out of scope: a recommendation after a visit of the
    North regional centre to a place in Guba, followed by someone else."""
    from ombuds.accounts.models import OrgUnit
    from ombuds.monitoring.testing import make_place
    from ombuds.recommendations.testing import make_recommendation, visit_with_finding

    place = make_place(None, district="guba", name_az="Yer Quba")
    visit, finding = visit_with_finding(None, place=place, unit=OrgUnit.objects.get(code="rc_north"))
    responsible = user if in_scope and user is not None else None
    return make_recommendation(None, visit=visit, findings=[finding], responsible=responsible)


def _import_url(name: str):
    """A page of an import of past recommendations (created as the system)."""

    def build(_user):
        import uuid

        from ombuds.core.models import Import

        imp = Import.objects.create(
            kind="recommendations",
            file_name="x.csv",
            stored_name="imports/x.csv",
            sha256=uuid.uuid4().hex * 2,
            language="en",
        )
        return reverse(name, args=[imp.public_id])

    return build


def detail_url(in_scope):
    return lambda user: reverse("recommendations:detail", args=[_rec(user, in_scope).public_id])


def authority_url(in_scope):
    """The Ministry of Justice's list, with one recommendation in or out of the user's scope: the
    page itself is open to the register's users either way (it lists only what they may see)."""

    def url(user):
        _rec(user, in_scope)
        return reverse("recommendations:authority", args=["moj"])

    return url


def _register_url(name, *args):
    def url(user):
        _rec(user, True)
        return reverse(name, args=args)

    return url


def _visit(user, in_scope: bool):
    """A visit whose team has been on site, with a finding. In scope: the user is on its team. Out of
    scope: a visit of the North regional centre to a place in Guba, by someone else's team."""
    from ombuds.accounts.models import OrgUnit
    from ombuds.monitoring import services
    from ombuds.monitoring.testing import make_place
    from ombuds.recommendations.testing import visit_with_finding

    if in_scope:
        visit, _finding = visit_with_finding(None, announced=True)
        if user is not None:
            services.add_team_member(None, visit, user, "member")
        return visit
    place = make_place(None, district="guba", name_az="Yer Quba")
    visit, _finding = visit_with_finding(None, place=place, unit=OrgUnit.objects.get(code="rc_north"), announced=True)
    return visit


def visit_url(name, in_scope):
    return lambda user: reverse(f"recommendations:{name}", args=[_visit(user, in_scope).public_id])


ISSUERS = ["commissioner", "department_head"]
NO_CASES = ["awareness_staff", "analyst", "auditor", "sysadmin"]
NO_VISITS = [*NO_CASES, "complaints_officer", "intake_operator"]  # no visit of theirs in scope: 403


def aggregate_url(name, in_scope):
    """An issued recommendation in (the user is responsible) or out of the user's scope; the page
    filtered to its year. Out of scope it is simply not counted (an aggregate page, not a 404)."""

    def build(user):
        from ombuds.recommendations.services import issue_recommendation

        rec = issue_recommendation(None, _rec(user, in_scope))
        return f"{reverse(name)}?year={rec.issued_on.year}"

    return build


def draft_from_case_url(in_scope):
    """In scope: a case under consideration assigned to the user. Out of scope: one of the North
    regional centre, assigned to nobody."""

    def build(user):
        from ombuds.recommendations.testing import case_under_consideration

        if in_scope:
            app = case_under_consideration(user)
        else:
            app = case_under_consideration(unit="rc_north", district="guba")
        return reverse("recommendations:draft_from_application", args=[app.public_id])

    return build


def letter_url(in_scope):
    return lambda user: reverse("recommendations:letter", args=[_rec(user, in_scope).public_id, "docx"])


def action_url(in_scope):
    return lambda user: reverse("recommendations:action", args=[_rec(user, in_scope).public_id, "irrelevant"])


def file_url(in_scope):
    """The letter kept when the recommendation was issued."""

    def build(user):
        from ombuds.recommendations import services

        rec = services.issue_recommendation(None, _rec(user, in_scope))
        letter = rec.history.get(new_status="issued").document
        return reverse("recommendations:file", args=[rec.public_id, letter.public_id])

    return build


RATE_READERS = [*MANAGERS, "analyst"]


def api_url(in_scope, suffix=""):
    return lambda user: f"/api/v1/recommendations/{_rec(user, in_scope).public_id}/{suffix}"


# The API: 403 to anonymous callers and to roles without the register, whatever the id; with it, a
# recommendation out of scope is 404 like a missing one (tests/test_api_not_found.py). A write that
# needs a further permission (issue, publish) is refused with 403 before the record is looked up.
API = {ANONYMOUS: 403}


def _api(in_scope: bool, status: int, writers=MANAGERS) -> dict[str, int]:
    """Expected statuses of an API row: `status` for the `writers` who reach the record; out of
    scope only the Commissioner does, the other managers get 404 (or 403 if not writers)."""
    expected = {**API, **dict.fromkeys(writers, status if in_scope else 404)}
    if not in_scope and "commissioner" in writers:
        expected["commissioner"] = status
    return expected


# (URL suffix, method, body, status for those who may act, who may act); bodies that the service
# or the payload refuses (400) keep the rows cheap and say only what the permission decides.
API_ACTIONS = [
    ("issue/", "post", {}, 200, ISSUERS),
    ("responses/", "get", None, 200, MANAGERS),
    ("responses/", "post", {}, 400, MANAGERS),
    ("history/", "get", None, 200, MANAGERS),
    ("outcome/", "post", {}, 400, MANAGERS),
    ("escalations/", "get", None, 200, MANAGERS),
    ("escalations/", "post", {}, 400, MANAGERS),
    ("no-longer-relevant/", "post", {}, 400, MANAGERS),
    ("repeat/", "post", {}, 400, MANAGERS),
    ("publish/", "post", {}, 400, ["commissioner"]),
    ("unpublish/", "post", {}, 400, ["commissioner"]),
]


ROWS = [
    Row("recommendations:list", *_statuses(403, s200=MANAGERS), url=_register_url("recommendations:list")),
    Row(
        "recommendations:export",
        *_statuses(403, s200=MANAGERS),
        url=_register_url("recommendations:export", "csv"),
    ),
    Row("recommendations:authority", *_statuses(403, s200=MANAGERS), url=authority_url(True)),
    Row(
        "recommendations:authority",
        *_statuses(403, s200=MANAGERS),
        url=authority_url(False),
        scope="out",
        note="a list, not a record: out of scope the page answers 200 without the recommendation",
    ),
    Row(
        "recommendation-list",
        {**API, **dict.fromkeys(MANAGERS, 200)},
        default=403,
        url=lambda _u: "/api/v1/recommendations/",
    ),
    Row(
        "recommendation-list",
        {**API, **dict.fromkeys(MANAGERS, 400)},
        default=403,
        method="post",
        data={},
        url=lambda _u: "/api/v1/recommendations/",
        note="empty body: 400 once the permission passes",
    ),
    Row("recommendation-detail", _api(True, 200), default=403, url=api_url(True)),
    Row("recommendation-detail", _api(False, 200), default=403, url=api_url(False), scope="out"),
    *[
        Row(
            "recommendation-" + suffix.rstrip("/"),
            _api(in_scope, status, writers),
            default=403,
            method=method,
            data=data,
            url=api_url(in_scope, suffix),
            scope="in" if in_scope else "out",
        )
        for suffix, method, data, status, writers in API_ACTIONS
        for in_scope in (True, False)
    ],
    Row("recommendations:detail", *_statuses(403, s200=MANAGERS), url=detail_url(True)),
    Row(
        "recommendations:detail",
        *_statuses(403, s200=["commissioner"], s404=MANAGERS[1:]),
        url=detail_url(False),
        scope="out",
    ),
    Row(
        "core:import_new",
        *_statuses(403, s200=IMPORTERS),
        url=lambda _user: reverse("core:import_new", args=["recommendations"]),
    ),
    Row(
        "core:import_detail",
        *_statuses(404, s200=IMPORTERS),
        url=_import_url("core:import_detail"),
        note="an import of recommendations is seen by those who may import them",
    ),
    Row(
        "core:import_problems",
        *_statuses(404, s200=IMPORTERS),
        url=_import_url("core:import_problems"),
        scope="out",
        note="the rejected rows of an import of recommendations: not for those who may import other kinds",
    ),
    # An empty form: those who may draft get it back with its errors (400); the visit's funnel
    # comes first (403 for the section, 404 out of scope), then the permission (403).
    Row(
        "recommendations:visit_draft",
        *_statuses(403, s400=MANAGERS),
        method="post",
        url=visit_url("visit_draft", True),
    ),
    Row(
        "recommendations:visit_draft",
        *_statuses(404, s403=NO_VISITS, s400=["commissioner"]),
        method="post",
        scope="out",
        url=visit_url("visit_draft", False),
    ),
    Row(
        "recommendations:visit_checks",
        *_statuses(403, s400=MANAGERS),
        method="post",
        url=visit_url("visit_checks", True),
    ),
    Row(
        "recommendations:visit_checks",
        *_statuses(404, s403=NO_VISITS, s400=["commissioner"]),
        method="post",
        scope="out",
        url=visit_url("visit_checks", False),
    ),
    # The report is not final: the issuers are sent back to the visit with the reason (302).
    Row(
        "recommendations:visit_issue",
        *_statuses(403, s302=ISSUERS),
        method="post",
        url=visit_url("visit_issue", True),
    ),
    Row(
        "recommendations:visit_issue",
        *_statuses(404, s403=NO_VISITS, s302=["commissioner"]),
        method="post",
        scope="out",
        url=visit_url("visit_issue", False),
    ),
    *(
        Row(name, *_statuses(403, s200=RATE_READERS), url=aggregate_url(name, in_scope), scope=scope)
        for name in ("recommendations:rates", "recommendations:systemic")
        for in_scope, scope in ((True, "in"), (False, "out"))
    ),
    Row(
        "recommendations:draft_from_application",
        *_statuses(403, s200=CASE_HANDLERS),
        url=draft_from_case_url(True),
    ),
    Row(
        "recommendations:draft_from_application",
        *_statuses(403, s200=["commissioner"], s404=CASE_HANDLERS[1:]),
        url=draft_from_case_url(False),
        scope="out",
    ),
    Row(
        "recommendations:draft_from_application",
        *_statuses(403, s400=CASE_HANDLERS),
        method="post",
        data={},
        url=draft_from_case_url(True),
        note="an empty form: redrawn with its errors (400), nothing saved",
    ),
    Row(
        "recommendations:draft_from_application",
        *_statuses(403, s400=["commissioner"], s404=CASE_HANDLERS[1:]),
        method="post",
        data={},
        url=draft_from_case_url(False),
        scope="out",
    ),
    Row("recommendations:new", *_statuses(403, s200=MANAGERS), url=lambda user: reverse("recommendations:new")),
    Row("recommendations:letter", *_statuses(403, s200=MANAGERS), url=letter_url(True)),
    Row(
        "recommendations:letter",
        *_statuses(403, s200=["commissioner"], s404=MANAGERS[1:]),
        url=letter_url(False),
        scope="out",
    ),
    Row("recommendations:file", *_statuses(403, s200=MANAGERS), url=file_url(True)),
    Row(
        "recommendations:file",
        *_statuses(403, s200=["commissioner"], s404=MANAGERS[1:]),
        url=file_url(False),
        scope="out",
    ),
    Row(
        "recommendations:action",
        *_statuses(403, s302=MANAGERS),
        method="post",
        data={"irrelevant-reason": "The place closed."},
        url=action_url(True),
    ),
    Row(
        "recommendations:action",
        *_statuses(403, s302=["commissioner"], s404=MANAGERS[1:]),
        method="post",
        data={"irrelevant-reason": "The place closed."},
        url=action_url(False),
        scope="out",
    ),
]

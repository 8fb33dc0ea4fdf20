"""Permission-matrix rows of the monitoring app (see ombuds/core/testing.py)."""

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

MANAGERS = ["commissioner", "department_head", "regional_officer", "npm_member", "npm_medical"]
VIEW_PLACES = [*MANAGERS, "analyst"]
NO_CASES = ["awareness_staff", "analyst", "auditor", "sysadmin"]
# The visits section is closed (403 whatever the id) to these when no visit of theirs is in scope.
NO_VISITS = [*NO_CASES, "complaints_officer", "intake_operator"]


def _statuses(default, **groups):
    expected = {ANONYMOUS: 302}
    for status, names in groups.items():
        expected.update(dict.fromkeys(names, int(status.lstrip("s"))))
    return expected, default


def _visit(user, in_scope: bool, arrived: bool = False):
    """In scope: an announced visit in the user's region with the user on the team. Out of scope:
    an unannounced visit, before arrival, to a place in another region, with someone else's team."""
    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import District
    from ombuds.monitoring import services
    from ombuds.monitoring.testing import make_place, make_visit

    if in_scope and user is not None and user.org_unit_id:
        district = District.objects.filter(region=user.org_unit.region).first()
    else:
        district = District.objects.get(code="guba")
    place = make_place(None, district=district, name_az=f"Yer {district.code}")
    visit = make_visit(None, place=place, unit=OrgUnit.objects.get(code="rc_north"), announced=in_scope)
    if in_scope and user is not None:
        services.add_team_member(None, visit, user, "member")
    if arrived:
        from ombuds.accounts.testing import make_user

        services.add_team_member(None, visit, make_user(roles=["npm_member"], unit="npg"), "leader")
        services.prepare_visit(None, visit, "")
        services.record_arrival(None, visit)
        if not in_scope:
            from ombuds.monitoring.models import Visit

            Visit.objects.filter(pk=visit.pk).update(is_secret=True)  # e.g. a secret-tier visit file
    return visit


def visit_url(in_scope, suffix=None):
    def build(user):
        visit = _visit(user, in_scope)
        if suffix:
            return reverse("monitoring:visit_action", args=[visit.public_id, suffix])
        return reverse("monitoring:visit_detail", args=[visit.public_id])

    return build


def report_url(in_scope):
    def build(user):
        visit = _visit(user, in_scope)
        return reverse("monitoring:visit_report", args=[visit.public_id, "docx"]) + "?lang=en"

    return build


def identity_url(in_scope):
    def build(user):
        from ombuds.monitoring import services

        visit = _visit(user, in_scope, arrived=True)
        interview = services.add_interview(None, visit, pseudonym="A-1", kind="detainee", identity="Sealed name")
        return reverse("monitoring:interview_identity", args=[interview.public_id])

    return build


def allegation_url(in_scope, action=None):
    def build(user):
        from ombuds.monitoring import services

        visit = _visit(user, in_scope, arrived=True)
        interview = services.add_interview(None, visit, pseudonym="A-2", kind="detainee")
        allegation = services.record_allegation(None, interview, methods="Beaten.")
        if action:
            return reverse("monitoring:allegation_action", args=[allegation.public_id, action])
        return reverse("monitoring:allegation_detail", args=[allegation.public_id])

    return build


def reprisal_url(in_scope):
    def build(user):
        from ombuds.monitoring import services

        visit = _visit(user, in_scope, arrived=True)
        case = services.report_reprisal(None, visit=visit, pseudonym="R", measure="threat", risk="low")
        return reverse("monitoring:reprisal_advance", args=[case.public_id])

    return build


def finding_url(in_scope, name="finding_edit"):
    def build(user):
        from ombuds.monitoring import services

        visit = _visit(user, in_scope, arrived=True)
        finding = services.add_finding(
            None, visit, area="regime", text="No walks.", severity="concern", sources=["detainee"]
        )
        if name.startswith("api"):
            return f"/api/v1/findings/{finding.public_id}/" + ("withdraw/" if name == "api-withdraw" else "")
        return reverse(f"monitoring:{name}", args=[finding.public_id])

    return build


def api_incident(in_scope):
    def build(user):
        from ombuds.monitoring import services

        visit = _visit(user, in_scope, arrived=True)
        incident = services.record_access_incident(None, visit, kind="delayed", description="Kept at the gate.")
        return f"/api/v1/access-incidents/{incident.public_id}/"

    return build


def place_url(_user):
    from ombuds.monitoring.testing import make_place

    return reverse("monitoring:place_detail", args=[make_place(None).public_id])


def calendar_feed_url(user):
    from ombuds.accounts.testing import make_user
    from ombuds.accounts.tokens import create_api_token

    owner = user or make_user()
    return reverse("monitoring:calendar_feed", args=[create_api_token(None, owner, "feed", scope="calendar")])


API = {ANONYMOUS: 403}


def api_visit(in_scope):
    return lambda user: f"/api/v1/visits/{_visit(user, in_scope).public_id}/"


def api_interview(in_scope):
    def build(user):
        from ombuds.monitoring import services

        visit = _visit(user, in_scope, arrived=True)
        return f"/api/v1/interviews/{services.add_interview(None, visit, pseudonym='I', kind='staff').public_id}/"

    return build


def api_allegation(in_scope):
    def build(user):
        return (
            allegation_url(in_scope)(user).replace("/monitoring/allegations/", "/api/v1/allegations/")
            + "?purpose=permission+matrix"
        )

    return build


def api_plan(_user):
    from ombuds.monitoring import services

    return f"/api/v1/visit-plans/{services.create_plan(None, 2031, 'Plan').public_id}/"


def plan_page(_user):
    from ombuds.monitoring import services

    return reverse("monitoring:plan_detail", args=[services.create_plan(None, 2032, "Plan").public_id])


def plan_item_page(_user):
    from ombuds.monitoring import services
    from ombuds.monitoring.testing import make_place

    plan = services.create_plan(None, 2033, "Plan")
    item = services.add_plan_item(None, plan, place=make_place(None), quarter=1, visit_type="in_depth")
    return reverse("monitoring:plan_item_visit", args=[item.public_id])


ROWS = [
    Row("monitoring:plan_list", *_statuses(403, s200=MANAGERS), url=lambda _u: reverse("monitoring:plan_list")),
    Row(
        "monitoring:plan_create",
        *_statuses(403, s302=["commissioner"]),
        method="post",
        url=lambda _u: reverse("monitoring:plan_create"),
        note="the NPM lead and the Commissioner create plans",
    ),
    Row(
        "monitoring:plan_detail",
        *_statuses(404, s200=["commissioner"]),
        url=plan_page,
        note="plans are secret tier: the NPM lead and the Commissioner",
    ),
    Row("monitoring:plan_item_visit", *_statuses(404, s302=["commissioner"]), method="post", url=plan_item_page),
    Row("place-list", {**API, **dict.fromkeys(VIEW_PLACES, 200)}, default=403, url=lambda _u: "/api/v1/places/"),
    Row(
        "place-list",
        {**API, **dict.fromkeys(MANAGERS, 400)},
        default=403,
        method="post",
        data={},
        url=lambda _u: "/api/v1/places/",
        note="empty body: 400 once the permission passes",
    ),
    Row(
        "place-detail",
        {**API, **dict.fromkeys(VIEW_PLACES, 200)},
        default=403,
        url=lambda u: place_url(u).replace("/monitoring/places/", "/api/v1/places/"),
    ),
    Row(
        "population-count-list",
        {**API, **dict.fromkeys(VIEW_PLACES, 200)},
        default=403,
        url=lambda _u: "/api/v1/population-counts/",
    ),
    Row("visit-plan-list", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=lambda _u: "/api/v1/visit-plans/"),
    Row(
        "visit-plan-detail",
        {**API, "commissioner": 200, **dict.fromkeys(MANAGERS[1:], 404)},
        default=403,
        url=api_plan,
        note="plans reveal unannounced visits: the NPM lead and the Commissioner only",
    ),
    Row("visit-list", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=lambda _u: "/api/v1/visits/"),
    # A team member of another role opens their own visit here as on its page (the section is theirs).
    Row(
        "visit-detail",
        {**API, **dict.fromkeys([*MANAGERS, "complaints_officer", "intake_operator"], 200)},
        default=403,
        url=api_visit(True),
    ),
    Row(
        "visit-detail",
        {**API, "commissioner": 200, **dict.fromkeys(MANAGERS[1:], 404)},
        default=403,
        scope="out",
        url=api_visit(False),
    ),
    Row("finding-list", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=lambda _u: "/api/v1/findings/"),
    Row("finding-detail", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=finding_url(True, "api")),
    Row(
        "finding-detail",
        {**API, "commissioner": 200, **dict.fromkeys(MANAGERS[1:], 404)},
        default=403,
        scope="out",
        url=finding_url(False, "api"),
    ),
    Row(
        "finding-withdraw",
        {**API, **dict.fromkeys(MANAGERS, 400)},
        default=403,
        method="post",
        data={},
        url=finding_url(True, "api-withdraw"),
        note="no reason: 400 once the permission passes",
    ),
    Row(
        "finding-withdraw",
        {**API, "commissioner": 400, **dict.fromkeys(MANAGERS[1:], 404)},
        default=403,
        method="post",
        data={},
        scope="out",
        url=finding_url(False, "api-withdraw"),
    ),
    Row(
        "access-incident-list",
        {**API, **dict.fromkeys(MANAGERS, 200)},
        default=403,
        url=lambda _u: "/api/v1/access-incidents/",
    ),
    Row("access-incident-detail", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=api_incident(True)),
    Row(
        "access-incident-detail",
        {**API, "commissioner": 200, **dict.fromkeys(MANAGERS[1:], 404)},
        default=403,
        scope="out",
        url=api_incident(False),
    ),
    Row("monitoring:finding_edit", *_statuses(403, s200=MANAGERS, s403=NO_CASES), url=finding_url(True)),
    Row(
        "monitoring:finding_edit",
        *_statuses(404, s403=NO_VISITS, s200=["commissioner"]),
        scope="out",
        url=finding_url(False),
    ),
    Row(
        "monitoring:finding_withdraw",
        *_statuses(403, s302=MANAGERS, s403=NO_CASES),
        method="post",
        url=finding_url(True, "finding_withdraw"),
    ),
    Row(
        "monitoring:finding_withdraw",
        *_statuses(404, s403=NO_VISITS, s302=["commissioner"]),
        method="post",
        scope="out",
        url=finding_url(False, "finding_withdraw"),
    ),
    Row(
        "monitoring:incident_list",
        *_statuses(403, s200=MANAGERS),
        url=lambda _u: reverse("monitoring:incident_list"),
        note="NPM staff and the Commissioner; rows scoped to the visits each may see",
    ),
    Row("interview-list", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=lambda _u: "/api/v1/interviews/"),
    Row("interview-detail", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=api_interview(True)),
    Row(
        "interview-detail",
        {**API, "commissioner": 200, **dict.fromkeys(MANAGERS[1:], 404)},
        default=403,
        scope="out",
        url=api_interview(False),
    ),
    Row("allegation-list", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=lambda _u: "/api/v1/allegations/"),
    Row("allegation-detail", {**API, **dict.fromkeys(MANAGERS, 200)}, default=403, url=api_allegation(True)),
    Row(
        "allegation-detail",
        {**API, "commissioner": 200, **dict.fromkeys(MANAGERS[1:], 404)},
        default=403,
        scope="out",
        url=api_allegation(False),
    ),
    Row(
        "monitoring:calendar_link",
        {ANONYMOUS: 302},
        default=200,
        method="post",
        url=lambda _u: reverse("monitoring:calendar_link"),
    ),
    Row(
        "monitoring:calendar_feed",
        {},
        default=200,
        url=calendar_feed_url,
        note="the token in the address is the key; contents follow the token owner's scope",
    ),
    Row("monitoring:place_list", *_statuses(403, s200=VIEW_PLACES), url=lambda _u: reverse("monitoring:place_list")),
    Row(
        "core:lookup",
        *_statuses(403, s200=VIEW_PLACES),
        url=lambda _u: reverse("core:lookup", args=["places"]) + "?q=Yer",
        note="place suggestions (autocomplete): whoever may read the register of places",
    ),
    Row(
        "core:lookup",
        *_statuses(404),
        url=lambda _u: reverse("core:lookup", args=["no-such-list"]) + "?q=Yer",
        note="an unknown list",
    ),
    Row("monitoring:place_detail", *_statuses(403, s200=VIEW_PLACES), url=place_url),
    Row("monitoring:visit_list", *_statuses(403, s200=MANAGERS), url=lambda _u: reverse("monitoring:visit_list")),
    Row(
        "monitoring:visit_schedule",
        *_statuses(403, s302=MANAGERS),
        method="post",
        url=lambda _u: reverse("monitoring:visit_schedule"),
    ),
    Row("monitoring:visit_detail", *_statuses(200, s403=NO_CASES), url=visit_url(True)),
    Row(
        "monitoring:visit_detail",
        *_statuses(404, s403=NO_VISITS, s200=["commissioner"]),
        scope="out",
        url=visit_url(False),
    ),
    Row(
        "monitoring:visit_action",
        *_statuses(403, s302=MANAGERS, s403=NO_CASES),
        method="post",
        url=visit_url(True, "prepare"),
    ),
    Row(
        "monitoring:visit_action",
        *_statuses(404, s403=NO_VISITS, s302=["commissioner"]),
        method="post",
        scope="out",
        url=visit_url(False, "prepare"),
    ),
    Row("monitoring:visit_report", *_statuses(403, s200=MANAGERS, s403=NO_CASES), url=report_url(True)),
    Row(
        "monitoring:visit_report",
        *_statuses(404, s403=NO_VISITS, s200=["commissioner"]),
        scope="out",
        url=report_url(False),
    ),
    Row(
        "monitoring:allegation_detail",
        *_statuses(200, s404=NO_CASES),
        url=allegation_url(True),
        note="without a purpose: the purpose page",
    ),
    Row("monitoring:allegation_detail", *_statuses(404, s200=["commissioner"]), scope="out", url=allegation_url(False)),
    Row(
        "monitoring:allegation_action",
        *_statuses(403, s302=MANAGERS, s404=NO_CASES),
        method="post",
        data={"purpose": "permission matrix"},
        url=allegation_url(True, "consent"),
    ),
    Row(
        "monitoring:allegation_action",
        *_statuses(404, s302=["commissioner"]),
        method="post",
        scope="out",
        data={"purpose": "permission matrix"},
        url=allegation_url(False, "consent"),
    ),
    Row(
        "monitoring:reprisal_advance",
        *_statuses(403, s302=MANAGERS, s404=NO_CASES),
        method="post",
        url=reprisal_url(True),
    ),
    Row(
        "monitoring:reprisal_advance",
        *_statuses(404, s302=["commissioner"]),
        method="post",
        scope="out",
        url=reprisal_url(False),
    ),
    Row("monitoring:interview_identity", *_statuses(200, s403=NO_CASES), url=identity_url(True)),
    Row(
        "monitoring:interview_identity",
        *_statuses(404, s403=NO_VISITS, s200=["commissioner"]),
        scope="out",
        url=identity_url(False),
    ),
]

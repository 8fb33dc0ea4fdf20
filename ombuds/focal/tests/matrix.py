"""Permission-matrix rows of the authority portal (see ombuds/core/testing.py). Staff get 404 on
every portal page (a focal point's pages do not exist for them); a focal point gets 404 on every
staff page (tests/test_permission_matrix.py adds that to every other row)."""

from django.urls import reverse

from ombuds.accounts.testing import FOCAL_POINT
from ombuds.core.testing import ANONYMOUS, Row


def _invited(_user) -> str:
    """The invitation page of a focal point just created (its link is the credential)."""
    from ombuds.core.models import Authority
    from ombuds.focal.services.accounts import create_focal_point

    _fp, token = create_focal_point(None, authority=Authority.objects.get(code="moj"), username="fp.invited")
    return reverse("focal:invitation", args=[token])


def _detail(name: str, *args):
    def url(_user) -> str:
        from ombuds.focal.testing import make_focal_point

        fp = make_focal_point(authority="moj", username="fp.matrix")
        return reverse(f"focal_points:{name}", args=[fp.public_id, *args])

    return url


MANAGERS = ["commissioner", "department_head"]
# The timeliness figures: holders of accounts.view_aggregates or focal.manage_focal_points.
TIMELINESS = {ANONYMOUS: 302, **dict.fromkeys([*MANAGERS, "analyst"], 200)}

PORTAL = {ANONYMOUS: 302, FOCAL_POINT: 200}  # the persona answers for the MIA
PORTAL_OUT = {ANONYMOUS: 302}  # another body's item: 404 to the persona too


def _request(authority):
    from ombuds.focal.testing import info_request_to

    return info_request_to(authority)


def _answered(authority):
    """A request of `authority` answered with one file by another focal point of that body."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ombuds.focal.services.requests import answer_info_request
    from ombuds.focal.testing import make_focal_point

    item = _request(authority)
    upload = SimpleUploadedFile("answer.txt", b"The register shows it.", content_type="text/plain")
    receipt = answer_info_request(make_focal_point(authority=authority).user, item, text="Yes.", files=[upload])
    return item, receipt


def request_url(name, authority, suffix=""):
    return lambda _u: reverse(name, args=[_request(authority).public_id]) + suffix


def file_url(authority):
    def build(_u):
        from ombuds.core.models import Attachment

        item, _receipt = _answered(authority)
        found = Attachment.objects.get(content_type__model="inforequest", object_id=item.pk)
        return reverse("focal:request_file", args=[item.public_id, found.public_id])

    return build


def receipt_url(authority):
    return lambda _u: reverse("focal:receipt", args=[_answered(authority)[1].reference])


ROWS = [
    Row("focal:home", {ANONYMOUS: 302, FOCAL_POINT: 200}, default=404, url=lambda u: reverse("focal:home")),
    # Signed-in visitors are sent on by the sign-in page itself (allauth).
    Row("focal:login", {ANONYMOUS: 200}, default=302, url=lambda u: reverse("focal:login")),
    # Opened by whoever holds the link, signed in or not: the token is the credential.
    Row("focal:invitation", {ANONYMOUS: 200, FOCAL_POINT: 200}, default=200, url=_invited),
    Row("focal:requests", PORTAL, default=404, url=lambda u: reverse("focal:requests")),
    Row("focal:request", PORTAL, default=404, url=request_url("focal:request", "mia")),
    Row("focal:request", PORTAL_OUT, default=404, url=request_url("focal:request", "moj"), scope="out"),
    Row(
        "focal:request",
        {ANONYMOUS: 302, FOCAL_POINT: 302},
        default=404,
        url=request_url("focal:request", "mia"),
        method="post",
        data={"action": "draft", "text": "A draft"},
        note="saving a draft without JavaScript; an anonymous post is kept for after sign-in",
    ),
    # An autosave after the session expired keeps the text for the page and signs in again.
    Row(
        "focal:request_draft",
        PORTAL,
        default=404,
        url=request_url("focal:request_draft", "mia"),
        method="post",
        data={"text": "A draft"},
    ),
    Row(
        "focal:request_draft",
        PORTAL_OUT,
        default=404,
        url=request_url("focal:request_draft", "moj"),
        method="post",
        data={"text": "A draft"},
        scope="out",
    ),
    Row("focal:request_letter", PORTAL, default=404, url=request_url("focal:request_letter", "mia")),
    Row("focal:request_letter", PORTAL_OUT, default=404, url=request_url("focal:request_letter", "moj"), scope="out"),
    Row("focal:request_file", PORTAL, default=404, url=file_url("mia")),
    Row("focal:request_file", PORTAL_OUT, default=404, url=file_url("moj"), scope="out"),
    Row("focal:receipt", PORTAL, default=404, url=receipt_url("mia")),
    Row("focal:receipt", PORTAL_OUT, default=404, url=receipt_url("moj"), scope="out"),
    Row(
        "focal_points:list",
        {ANONYMOUS: 302, **dict.fromkeys(MANAGERS, 200)},
        default=403,
        url=lambda u: reverse("focal_points:list"),
    ),
    Row("focal_points:timeliness", TIMELINESS, default=403, url=lambda u: reverse("focal_points:timeliness")),
    Row(
        "focal_points:timeliness_export",
        TIMELINESS,
        default=403,
        url=lambda u: reverse("focal_points:timeliness_export", args=["csv"]),
    ),
    Row(
        "focal_points:timeliness_authority",
        TIMELINESS,
        default=403,
        url=lambda u: reverse("focal_points:timeliness_authority", args=["mia"]),
    ),
    Row(
        "focal_points:create",
        {ANONYMOUS: 302, **dict.fromkeys(MANAGERS, 200)},
        default=403,
        url=lambda u: reverse("focal_points:create"),
    ),
    Row(
        "focal_points:create",
        {ANONYMOUS: 302, **dict.fromkeys(MANAGERS, 400)},
        default=403,
        method="post",
        data={},
        url=lambda u: reverse("focal_points:create"),
        note="empty form: 400 once the permission passes",
    ),
    Row("focal_points:detail", {ANONYMOUS: 302, **dict.fromkeys(MANAGERS, 200)}, default=403, url=_detail("detail")),
    Row(
        "focal_points:action",
        {ANONYMOUS: 302, **dict.fromkeys(MANAGERS, 400)},
        default=403,
        method="post",
        data={},
        url=_detail("action", "revoke"),
        note="no reason given: the form is redrawn (400) once the permission passes",
    ),
]


def _token_id(user) -> int:
    """A live API token of `user` (for the anonymous visitor, an id that exists for nobody)."""
    from ombuds.accounts.models import ApiToken
    from ombuds.accounts.tokens import create_api_token

    if user is None:
        return 0
    create_api_token(None, user, "their system")
    return ApiToken.objects.filter(user=user).latest("pk").pk


def _info_request(authority: str, suffix: str = ""):
    def build(_user):
        from ombuds.focal.testing import info_request_to

        return f"/api/v1/authority/info-requests/{info_request_to(authority).public_id}/{suffix}"

    return build


def _recommendation(authority: str, suffix: str = ""):
    def build(_user):
        from ombuds.focal.testing import recommendation_to

        return f"/api/v1/authority/recommendations/{recommendation_to(authority).public_id}/{suffix}"

    return build


# The authority API: 403 to the anonymous caller (not signed in); 404 to staff of every role (it
# does not exist for them); the focal point of the MIA reads its body's items, another body's is 404.
AUTHORITY_API = {ANONYMOUS: 403, FOCAL_POINT: 200}

ROWS += [
    Row("focal:api_tokens", {ANONYMOUS: 302, FOCAL_POINT: 200}, default=404, url=lambda u: reverse("focal:api_tokens")),
    Row(
        "focal:api_token_revoke",
        {ANONYMOUS: 302, FOCAL_POINT: 302},
        default=404,
        method="post",
        url=lambda u: reverse("focal:api_token_revoke", args=[_token_id(u)]),
        note="staff revoking their own token here: 404, the page is the portal's",
    ),
    Row("authority-info-request-list", AUTHORITY_API, default=404, url=lambda _u: "/api/v1/authority/info-requests/"),
    Row("authority-info-request-detail", AUTHORITY_API, default=404, url=_info_request("mia")),
    Row(
        "authority-info-request-detail",
        {ANONYMOUS: 403},
        default=404,
        url=_info_request("moj"),
        scope="out",
    ),
    Row(
        "authority-recommendation-list",
        AUTHORITY_API,
        default=404,
        url=lambda _u: "/api/v1/authority/recommendations/",
    ),
    Row("authority-recommendation-detail", AUTHORITY_API, default=404, url=_recommendation("mia")),
    Row(
        "authority-recommendation-detail",
        {ANONYMOUS: 403},
        default=404,
        url=_recommendation("moj"),
        scope="out",
    ),
    # An empty answer: 400 once the item is found (the answers themselves: test_api_answers.py).
    *[
        Row(
            name,
            {ANONYMOUS: 403, FOCAL_POINT: 400} if own else {ANONYMOUS: 403},
            default=404,
            method="post",
            data={},
            url=build("mia" if own else "moj", suffix),
            scope="in" if own else "out",
        )
        for name, build, suffix in [
            ("authority-info-request-reply", _info_request, "reply/"),
            ("authority-recommendation-respond", _recommendation, "respond/"),
        ]
        for own in (True, False)
    ],
    # The authority API's own schema holds no data: any signed-in user may read it.
    Row("api-authority-schema", {ANONYMOUS: 403}, default=200, url=lambda _u: reverse("api-authority-schema")),
    Row("api-authority-docs", {ANONYMOUS: 403}, default=200, url=lambda _u: reverse("api-authority-docs")),
]


def _rec(name: str, *, own: bool = True, file: bool = False):
    """A recommendation issued to the persona's body (the Ministry of Internal Affairs), or to
    another body; with `file`, a file of its response (made by the system)."""

    def build(_user):
        from ombuds.core.models import Attachment
        from ombuds.core.uploads import store
        from ombuds.focal.testing import recommendation_to
        from ombuds.recommendations import services as recs

        rec = recommendation_to("mia" if own else "moj")
        if not file:
            return reverse(name, args=[rec.public_id])
        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.utils import timezone

        response = recs.record_response(None, rec, stance="accepts", received_on=timezone.localdate(), text="Yes.")
        pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
        attachment: Attachment = store(None, response, pdf)
        return reverse(name, args=[rec.public_id, attachment.public_id])

    return build


# Every portal page of a recommendation: the persona's own (200) and another body's (404).
PORTAL = {ANONYMOUS: 302, FOCAL_POINT: 200}
OTHERS = {ANONYMOUS: 302, FOCAL_POINT: 404}

ROWS += [
    Row("focal:recommendations", PORTAL, default=404, url=lambda u: reverse("focal:recommendations")),
    Row("focal:recommendation", PORTAL, default=404, url=_rec("focal:recommendation")),
    Row("focal:recommendation", OTHERS, default=404, url=_rec("focal:recommendation", own=False), scope="out"),
    Row("focal:recommendation_letter", PORTAL, default=404, url=_rec("focal:recommendation_letter")),
    Row(
        "focal:recommendation_letter",
        OTHERS,
        default=404,
        url=_rec("focal:recommendation_letter", own=False),
        scope="out",
    ),
    Row("focal:recommendation_file", PORTAL, default=404, url=_rec("focal:recommendation_file", file=True)),
    Row(
        "focal:recommendation_file",
        OTHERS,
        default=404,
        url=_rec("focal:recommendation_file", own=False, file=True),
        scope="out",
    ),
    # The draft is kept (POST) and the page drawn again; GET is not a way to it.
    Row(
        "focal:recommendation_draft",
        {ANONYMOUS: 302, FOCAL_POINT: 302},
        default=404,
        url=_rec("focal:recommendation_draft"),
        method="post",
        data={"text": "Draft"},
    ),
    Row(
        "focal:recommendation_draft",
        {ANONYMOUS: 302, FOCAL_POINT: 404},
        default=404,
        url=_rec("focal:recommendation_draft", own=False),
        method="post",
        data={"text": "Draft"},
        scope="out",
    ),
]

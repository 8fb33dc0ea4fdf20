"""Permission-matrix rows of the outreach app: every staff member reads the plans; events are read
by awareness staff, the Commissioner and the units that host or join them ("in": an event of the
user's own unit; "out": one of a unit no persona works in); awareness staff and the Commissioner
change them."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from ombuds.core.testing import ANONYMOUS, Row

MANAGERS = ["awareness_staff", "commissioner"]


def _event(host: str = "office"):
    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Region
    from ombuds.outreach import services
    from ombuds.outreach.models import Topic

    plan = services.create_plan(None, year=2024, title_az="Plan")
    item = services.add_plan_item(
        None,
        plan,
        topic=Topic.objects.first(),
        planned_from=date(2024, 3, 1),
        planned_to=date(2024, 3, 31),
        responsible_unit=OrgUnit.objects.get(code=host),
    )
    return services.create_event(
        None,
        item,
        title_az="Training",
        starts_at=datetime(2024, 3, 12, tzinfo=ZoneInfo("UTC")),
        host_unit=OrgUnit.objects.get(code=host),
        region=Region.objects.get(code="hq"),
        event_format="in_person",
    )


def _own_event(user):
    """An event hosted by the user's unit (any unit for the anonymous visitor and a focal point)."""
    return _event(user.org_unit.code if user and user.org_unit_id else "office")


def _other_event(_user):
    return _event("rc_south")  # no persona works there


def material(_user, event=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ombuds.outreach import services

    event = event or _own_event(_user)
    doc = services.attach_material(
        None, event, SimpleUploadedFile("slides.pdf", b"%PDF-1.7\n", content_type="application/pdf")
    )
    return reverse("outreach:event_material", args=[event.public_id, doc.public_id])


def feed(user):
    from ombuds.accounts.testing import make_user
    from ombuds.accounts.tokens import create_api_token

    return reverse("outreach:calendar_feed", args=[create_api_token(None, user or make_user(), "f", scope="calendar")])


EVERYONE = {ANONYMOUS: 302}
API = {ANONYMOUS: 403}
OUT = dict.fromkeys(MANAGERS, 200)
ROWS = [
    Row("action-plan-list", API, default=200, url=lambda _u: "/api/v1/action-plans/"),
    Row(
        "action-plan-detail",
        API,
        default=200,
        url=lambda _u: f"/api/v1/action-plans/{_event().plan_item.plan.public_id}/",
    ),
    Row("plan-item-list", API, default=200, url=lambda _u: "/api/v1/plan-items/"),
    Row("plan-item-detail", API, default=200, url=lambda _u: f"/api/v1/plan-items/{_event().plan_item.public_id}/"),
    Row("event-list", API, default=200, url=lambda _u: "/api/v1/events/"),
    Row(
        "event-list",
        {**API, **dict.fromkeys(MANAGERS, 400)},
        default=403,
        method="post",
        data={},
        url=lambda _u: "/api/v1/events/",
        note="empty body: 400 once the permission passes",
    ),
    Row("event-detail", API, default=200, url=lambda u: f"/api/v1/events/{_own_event(u).public_id}/"),
    Row(
        "event-detail",
        {**API, **OUT},
        default=404,
        scope="out",
        url=lambda u: f"/api/v1/events/{_other_event(u).public_id}/",
    ),
    Row(
        "event-cancel",
        {**API, **OUT},
        default=403,
        method="post",
        data={"reason": "The venue is closed."},
        url=lambda u: f"/api/v1/events/{_own_event(u).public_id}/cancel/",
    ),
    Row(
        "event-cancel",
        {**API, **OUT},
        default=404,
        scope="out",
        method="post",
        data={"reason": "The venue is closed."},
        url=lambda u: f"/api/v1/events/{_other_event(u).public_id}/cancel/",
    ),
    Row(
        "plan-item-cancel",
        {**API, **OUT},
        default=403,
        method="post",
        data={"reason": "Moved to next year."},
        url=lambda _u: f"/api/v1/plan-items/{_event().plan_item.public_id}/cancel/",
    ),
    Row("participant-count-list", API, default=200, url=lambda _u: "/api/v1/participant-counts/"),
    Row("outreach:plan_list", EVERYONE, default=200, url=lambda _u: reverse("outreach:plan_list")),
    Row(
        "outreach:plan_create",
        {**EVERYONE, **dict.fromkeys(MANAGERS, 302)},
        default=403,
        method="post",
        url=lambda _u: reverse("outreach:plan_create"),
    ),
    Row(
        "outreach:plan_approve",
        {**EVERYONE, "commissioner": 302},
        default=403,
        method="post",
        url=lambda _u: reverse("outreach:plan_approve", args=[_event().plan_item.plan.public_id]),
    ),
    Row("outreach:plan_detail", EVERYONE, default=200, url=lambda _u: _event().plan_item.plan.get_absolute_url()),
    Row(
        "outreach:plan_export",
        EVERYONE,
        default=200,
        url=lambda _u: reverse("outreach:plan_export", args=[_event().plan_item.plan.public_id, "xlsx"]),
    ),
    Row(
        "outreach:event_create",
        {**EVERYONE, **dict.fromkeys(MANAGERS, 200)},
        default=403,
        url=lambda _u: reverse("outreach:event_create", args=[_event().plan_item.public_id]),
    ),
    Row("outreach:calendar_feed", {}, default=200, url=feed, note="the calendar token in the address is the key"),
    Row("outreach:event_list", EVERYONE, default=200, url=lambda _u: reverse("outreach:event_list")),
    Row("outreach:event_detail", EVERYONE, default=200, url=lambda u: _own_event(u).get_absolute_url()),
    Row(
        "outreach:event_detail",
        {**EVERYONE, **OUT},
        default=404,
        scope="out",
        url=lambda u: _other_event(u).get_absolute_url(),
    ),
    Row("outreach:event_material", EVERYONE, default=200, url=material),
    Row(
        "outreach:event_material",
        {**EVERYONE, **OUT},
        default=404,
        scope="out",
        url=lambda u: material(u, _other_event(u)),
    ),
    Row(
        "outreach:event_action",
        {**EVERYONE, **dict.fromkeys(MANAGERS, 302)},
        default=403,
        method="post",
        url=lambda u: reverse("outreach:event_action", args=[_own_event(u).public_id, "speaker"]),
    ),
    Row(
        "outreach:event_action",
        {**EVERYONE, **dict.fromkeys(MANAGERS, 302)},
        default=404,
        scope="out",
        method="post",
        url=lambda u: reverse("outreach:event_action", args=[_other_event(u).public_id, "speaker"]),
    ),
    Row(
        "outreach:item_cancel",
        {**EVERYONE, **dict.fromkeys(MANAGERS, 302)},
        default=403,
        method="post",
        data={"reason": "Moved to next year."},
        url=lambda _u: reverse("outreach:item_cancel", args=[_event().plan_item.public_id]),
    ),
]

"""Small builders for outreach tests (records made as the system, actor None)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from ombuds.accounts.models import OrgUnit
from ombuds.core.models import Region
from ombuds.outreach import services
from ombuds.outreach.models import Topic

UTC = ZoneInfo("UTC")


def make_plan(year: int = 2024, title_az: str = "Plan"):
    return services.create_plan(None, year=year, title_az=title_az)


def make_item(plan=None, *, topic=None, unit: str = "dept_awareness", **fields):
    plan = plan or make_plan()
    return services.add_plan_item(
        None,
        plan,
        topic=topic or Topic.objects.first(),
        planned_from=fields.pop("planned_from", date(plan.year, 3, 1)),
        planned_to=fields.pop("planned_to", date(plan.year, 3, 31)),
        responsible_unit=OrgUnit.objects.get(code=unit),
        **fields,
    )


def make_event(item=None, *, host: str = "office", remote=(), **fields):
    item = item or make_item()
    fields.setdefault("title_az", "Training")
    return services.create_event(
        None,
        item,
        starts_at=fields.pop("starts_at", datetime(item.plan.year, 3, 12, 7, tzinfo=UTC)),
        host_unit=OrgUnit.objects.get(code=host),
        region=Region.objects.get(code="hq"),
        event_format=fields.pop("event_format", "in_person"),
        remote_offices=[OrgUnit.objects.get(code=code) for code in remote],
        **fields,
    )

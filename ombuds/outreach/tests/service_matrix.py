"""Service-permission rows of the outreach app: awareness staff and the Commissioner plan and
record events; only the Commissioner approves a plan."""

from django.core.files.uploadedfile import SimpleUploadedFile

from ombuds.core.testing import ServiceRow
from ombuds.outreach import services

MANAGERS = frozenset({"awareness_staff", "commissioner"})
COMMISSIONER = frozenset({"commissioner"})
NEWS_PUBLISHERS = frozenset({"department_head", "commissioner"})  # the portal's publishers


def _item():
    from ombuds.outreach.tests.factories import make_item

    return make_item()


def _event():
    from ombuds.outreach.tests.factories import make_event

    return make_event()


def _held():
    event = _event()
    services.record_attendance(None, event, organisation="Bakı", women=2, men=1)
    return services.record_outcome(None, event, satisfied_share=80)


def _new_event(actor):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from ombuds.accounts.models import OrgUnit
    from ombuds.core.models import Region

    return services.create_event(
        actor,
        _item(),
        title_az="Təlim",
        starts_at=datetime(2024, 3, 12, 7, tzinfo=ZoneInfo("UTC")),
        host_unit=OrgUnit.objects.get(code="office"),
        region=Region.objects.get(code="hq"),
        event_format="in_person",
    )


def _add_item(actor):
    from datetime import date

    from ombuds.accounts.models import OrgUnit
    from ombuds.outreach.models import Topic
    from ombuds.outreach.tests.factories import make_plan

    return services.add_plan_item(
        actor,
        make_plan(),
        topic=Topic.objects.first(),
        planned_from=date(2024, 3, 1),
        planned_to=date(2024, 3, 31),
        responsible_unit=OrgUnit.objects.get(code="dept_awareness"),
    )


def _approve(actor):
    from ombuds.outreach.tests.factories import make_plan

    return services.approve_plan(actor, make_plan())


ROWS = [
    ServiceRow(services.create_plan, MANAGERS, lambda a: services.create_plan(a, year=2025, title_az="Plan")),
    ServiceRow(services.approve_plan, COMMISSIONER, _approve),
    ServiceRow(services.add_plan_item, MANAGERS, _add_item),
    ServiceRow(services.cancel_plan_item, MANAGERS, lambda a: services.cancel_plan_item(a, _item(), reason="x")),
    ServiceRow(services.create_event, MANAGERS, _new_event),
    ServiceRow(services.set_remote_offices, MANAGERS, lambda a: services.set_remote_offices(a, _event(), [])),
    ServiceRow(
        services.record_attendance,
        MANAGERS,
        lambda a: services.record_attendance(a, _event(), organisation="Bakı", women=1, men=1),
    ),
    ServiceRow(
        services.add_participant,
        MANAGERS,
        lambda a: services.add_participant(a, _event(), name="Aynur Əliyeva", consent=True),
    ),
    ServiceRow(services.add_speaker, MANAGERS, lambda a: services.add_speaker(a, _event(), name="Elçin Məmmədov")),
    ServiceRow(
        services.attach_material,
        MANAGERS,
        lambda a: services.attach_material(
            a, _event(), SimpleUploadedFile("slides.pdf", b"%PDF-1.7\n", content_type="application/pdf")
        ),
    ),
    ServiceRow(services.record_outcome, MANAGERS, lambda a: services.record_outcome(a, _event(), satisfied_share=75)),
    ServiceRow(services.cancel_event, MANAGERS, lambda a: services.cancel_event(a, _event(), reason="x")),
    ServiceRow(services.draft_news, MANAGERS, lambda a: services.draft_news(a, _held())),
    ServiceRow(
        services.mark_news_published,
        NEWS_PUBLISHERS,
        lambda a: services.mark_news_published(a, services.draft_news(None, _held())),
    ),
]

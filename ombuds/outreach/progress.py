"""Progress of an action plan: completion by item and topic, participants by topic, audience,
region and office, remote reach, events per month. Fixed number of queries per plan."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from ombuds.core.routers import reporting
from ombuds.outreach.choices import EventStatus
from ombuds.outreach.models import ActionPlan, Event


@dataclass
class ItemProgress:
    item: object
    held: int
    participants: int
    satisfied: float | None

    @property
    def completion(self) -> int:
        return min(100, round(100 * self.held / self.item.target_events)) if self.item.target_events else 100


@dataclass
class PlanProgress:
    items: list[ItemProgress]
    by_topic: dict = field(default_factory=dict)
    by_audience: Counter = field(default_factory=Counter)
    by_region: Counter = field(default_factory=Counter)
    by_office: Counter = field(default_factory=Counter)
    per_month: Counter = field(default_factory=Counter)
    remote_offices: set = field(default_factory=set)
    participants: int = 0
    women: int = 0
    men: int = 0

    @property
    def completion(self) -> int:
        targets = sum(p.item.target_events for p in self.items)
        held = sum(min(p.held, p.item.target_events) for p in self.items)
        return round(100 * held / targets) if targets else 0

    @property
    def remote_reach(self) -> int:
        return len(self.remote_offices)

    # Lists for templates: a Counter answers 0 to the template's `.items` lookup.
    @property
    def topic_rows(self) -> list:
        return list(self.by_topic.items())

    @property
    def office_rows(self) -> list:
        return self.by_office.most_common()

    @property
    def audience_rows(self) -> list:
        return self.by_audience.most_common()

    @property
    def month_rows(self) -> list:
        return sorted(self.per_month.items())


def plan_progress(plan: ActionPlan) -> PlanProgress:
    events = Event.objects.filter(status=EventStatus.HELD).prefetch_related("attendance", "remote_offices", "audiences")
    # The progress tables and their exports read from the replica when there is one (core/routers.py).
    items = list(
        reporting(plan.items.select_related("topic")).prefetch_related("audiences", Prefetch("events", queryset=events))
    )
    progress = PlanProgress(items=[])
    topic_rows: dict = defaultdict(lambda: {"held": 0, "participants": 0, "target": 0})
    for item in items:
        held = list(item.events.all())
        people = sum(a.total for e in held for a in e.attendance.all())
        scores = [float(e.satisfied_share) for e in held if e.satisfied_share is not None]
        progress.items.append(ItemProgress(item, len(held), people, sum(scores) / len(scores) if scores else None))
        row = topic_rows[item.topic]
        row["held"] += len(held)
        row["participants"] += people
        row["target"] += item.target_events
        for event in held:
            month = timezone.localtime(event.starts_at).strftime("%Y-%m")
            progress.per_month[month] += 1
            for office in event.remote_offices.all():
                progress.remote_offices.add(office)
            for row_ in event.attendance.all():
                progress.participants += row_.total
                progress.women += row_.women
                progress.men += row_.men
                progress.by_region[event.region] += row_.total
                progress.by_office[row_.office or event.host_unit] += row_.total
                for audience in event.audiences.all():
                    progress.by_audience[audience] += row_.total
    progress.by_topic = dict(topic_rows)
    return progress

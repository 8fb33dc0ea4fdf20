"""The legal clock: working days in Azerbaijan and the due time of a term.

Working week Monday–Friday (Labour Code Art. 105). CalendarDay rows add the exceptions:
holidays and transferred rest days are off, transferred working days are worked. Periods start
on the day after the event (the event's own day is not counted) and day-based terms run to the
end of their last day in Asia/Baku time; when a rule says so, a last day that is not a working
day moves to the next working day.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from ombuds.core import refcache
from ombuds.core.choices import CalendarDayKind, TermUnit

WEEKEND = {5, 6}  # Saturday, Sunday


def local_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class WorkingCalendar:
    rest_days: frozenset[date]
    worked_days: frozenset[date]

    @classmethod
    def load(cls) -> WorkingCalendar:
        """One query; load once per request or job and pass the calendar around."""
        from ombuds.core.models import CalendarDay

        rest: set[date] = set()
        worked: set[date] = set()
        for day, kind in CalendarDay.objects.values_list("date", "kind"):
            (worked if kind == CalendarDayKind.TRANSFER_WORKING_DAY else rest).add(day)
        return cls(frozenset(rest), frozenset(worked))

    @classmethod
    def current(cls, token: str | None = None) -> WorkingCalendar:
        """The calendar built once per process and rebuilt when a calendar day is added, changed or
        deleted (core/refcache.py); `token` shares the page's one read of the version."""
        return refcache.cached("core.working-calendar", cls.load, token=token)

    def is_working_day(self, day: date) -> bool:
        if day in self.worked_days:
            return True
        return day.weekday() not in WEEKEND and day not in self.rest_days

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, count: int) -> date:
        """The date `count` working days after `start` (start itself not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(days=n)))


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=local_tz())


def due_after(start: datetime, term: int, unit: str, *, roll: bool, cal: WorkingCalendar) -> datetime:
    """When a term of `term` `unit`s that starts at `start` ends."""
    if unit == TermUnit.HOURS:
        return start + timedelta(hours=term)
    start_day = start.astimezone(local_tz()).date()
    if unit == TermUnit.WORKING_DAYS:
        return end_of_day(cal.add_working_days(start_day, term))
    if unit == TermUnit.DAYS:
        last = start_day + timedelta(days=term)
    elif unit == TermUnit.MONTHS:
        last = add_months(start_day, term)
    elif unit == TermUnit.YEARS:
        last = add_months(start_day, 12 * term)
    else:
        raise ValueError(f"unknown term unit {unit!r}")
    return end_of_day(cal.next_working_day(last) if roll else last)

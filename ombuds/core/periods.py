"""A period of calendar days in the institution's time zone (Asia/Baku), shared by every figure
that is counted "for a year" or "for a period": the reports' measures, the authorities'
timeliness table. A record falls in the period when its local date does, so an appeal received at
00:30 on 1 January in Baku belongs to the new year although it is still 31 December in UTC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone


@dataclass(frozen=True)
class Period:
    """Calendar days `start` to `end`, both included."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def is_year(self) -> bool:
        return self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31)

    @property
    def since(self) -> datetime:
        """The first moment of the period (the institution's time zone, not the reader's)."""
        return datetime.combine(self.start, time.min, tzinfo=timezone.get_default_timezone())

    @property
    def until(self) -> datetime:
        """The first moment after the period (an exclusive bound)."""
        return datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=timezone.get_default_timezone())

    def bounds(self) -> tuple[datetime, datetime]:
        return self.since, self.until

    def lookup(self, date_field: str, *, is_date: bool = False) -> dict[str, Any]:
        """Filter keywords placing `date_field` (a DateField when `is_date`, else a DateTimeField)
        inside the period."""
        if is_date:
            return {f"{date_field}__gte": self.start, f"{date_field}__lte": self.end}
        return {f"{date_field}__gte": self.since, f"{date_field}__lt": self.until}

    def __str__(self) -> str:
        return str(self.start.year) if self.is_year else f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"

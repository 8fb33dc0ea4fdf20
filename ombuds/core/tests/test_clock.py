"""Working-day arithmetic over Azerbaijani holidays, transfers and weekends (dates from the CSV)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ombuds.core.clock import WorkingCalendar, add_months, due_after

pytestmark = pytest.mark.django_db
BAKU = ZoneInfo("Asia/Baku")


@pytest.fixture
def cal():
    return WorkingCalendar.load()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 3, 19), True),  # Wednesday before Novruz
        (date(2025, 3, 20), False),  # Novruz
        (date(2025, 3, 25), False),  # Novruz carried over from the weekend
        (date(2025, 3, 28), False),  # rest day swapped with 1 April
        (date(2025, 3, 31), False),  # Ramadan Bayram
        (date(2025, 4, 1), True),  # carry-over moved: worked
        (date(2025, 3, 10), True),  # Monday carry-over moved to 27 March: worked
        (date(2025, 6, 6), False),  # Gurban Bayram
        (date(2025, 6, 9), False),  # Gurban carried over
        (date(2025, 6, 21), True),  # a Saturday worked under a Cabinet swap
        (date(2025, 6, 22), False),  # an ordinary Sunday
        (date(2024, 1, 3), False),  # 31 Dec 2023 carried over
        (date(2026, 11, 9), False),  # National Flag Day
        (date(2026, 11, 12), True),  # Constitution Day is a working day
    ],
)
def test_working_days(cal, day, working):
    assert cal.is_working_day(day) is working


def test_add_working_days_across_novruz_and_ramadan(cal):
    # From Wednesday 19 March 2025 the next working day is Tuesday 1 April.
    assert cal.add_working_days(date(2025, 3, 19), 1) == date(2025, 4, 1)
    assert cal.working_days_between(date(2025, 3, 19), date(2025, 4, 1)) == 1
    assert cal.add_working_days(date(2025, 3, 19), 5) == date(2025, 4, 7)


def test_add_working_days_across_gurban_and_a_worked_saturday(cal):
    assert cal.add_working_days(date(2025, 6, 5), 1) == date(2025, 6, 10)
    assert cal.add_working_days(date(2025, 6, 20), 1) == date(2025, 6, 21)  # Saturday worked
    assert cal.working_days_between(date(2025, 6, 20), date(2025, 6, 30)) == 5  # 21, 23, 24, 25, 30


def test_ordinary_week(cal):
    assert cal.add_working_days(date(2025, 10, 3), 5) == date(2025, 10, 10)  # Friday to Friday
    assert cal.add_working_days(date(2025, 10, 3), 0) == date(2025, 10, 3)
    assert cal.working_days_between(date(2025, 10, 10), date(2025, 10, 3)) == -5


def test_admin_edits_take_effect(cal):
    from ombuds.core.models import CalendarDay

    CalendarDay.objects.create(date=date(2025, 10, 7), kind="holiday", name_az="Test")
    assert WorkingCalendar.load().add_working_days(date(2025, 10, 3), 5) == date(2025, 10, 13)


@settings(max_examples=60, deadline=None)
@given(start=st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 10, 1)), count=st.integers(0, 40))
def test_add_and_count_are_inverse(start, count):
    cal = WorkingCalendar.load()
    end = cal.add_working_days(start, count)
    assert cal.working_days_between(start, end) == count
    assert count == 0 or cal.is_working_day(end)


def test_due_times_per_unit(cal):
    received = datetime(2025, 3, 18, 15, 30, tzinfo=BAKU)  # Tuesday before Novruz
    assert due_after(received, 24, "hours", roll=False, cal=cal) == datetime(2025, 3, 19, 15, 30, tzinfo=BAKU)
    # 10 calendar days end on Friday 28 March, a rest day: moved to Tuesday 1 April, end of day.
    assert due_after(received, 10, "days", roll=True, cal=cal) == datetime(2025, 4, 1, 23, 59, 59, tzinfo=BAKU)
    assert due_after(received, 10, "days", roll=False, cal=cal).date() == date(2025, 3, 28)
    assert due_after(received, 5, "working_days", roll=True, cal=cal).date() == date(2025, 4, 4)
    # The annual report: two months after the end of the year, by the end of February.
    assert due_after(datetime(2025, 12, 31, 12, tzinfo=BAKU), 2, "months", roll=False, cal=cal).date() == date(
        2026, 2, 28
    )
    assert due_after(datetime(2023, 12, 31, 12, tzinfo=BAKU), 2, "months", roll=False, cal=cal).date() == date(
        2024, 2, 29
    )
    assert due_after(datetime(2025, 5, 1, 9, tzinfo=BAKU), 1, "years", roll=False, cal=cal).date() == date(2026, 5, 1)


def test_add_months_clamps_to_the_month_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)

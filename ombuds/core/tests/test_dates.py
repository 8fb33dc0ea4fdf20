"""The institution writes Azerbaijani month names capitalised in dates: "12 Mart 2024"."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

MONTHS_AZ = ["Yanvar", "Fevral", "Mart", "Aprel", "May", "İyun", "İyul", "Avqust", "Sentyabr", "Oktyabr", "Noyabr"]
MONTHS_AZ += ["Dekabr"]


@pytest.mark.parametrize("month", range(1, 13))
def test_azerbaijani_dates_capitalise_the_month(month):
    day = datetime.date(2024, month, 12)
    name = MONTHS_AZ[month - 1]
    with translation.override("az"):
        assert date_format(day) == f"12 {name} 2024"  # letters and documents (DATE_FORMAT)
        assert date_format(day, "YEAR_MONTH_FORMAT") == f"{name} 2024"
        assert date_format(day, "MONTH_DAY_FORMAT") == f"12 {name}"
        page = Template("{{ d }}|{{ d|date }}|{{ d|date:'j F Y' }}").render(Context({"d": day}))
        assert page == f"12 {name} 2024|12 {name} 2024|12 {name} 2024"

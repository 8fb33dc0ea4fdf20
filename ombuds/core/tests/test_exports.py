from datetime import date
from decimal import Decimal

import pytest

from ombuds.core.exports import safe_cell


@pytest.mark.parametrize("text", ["=1+1", "+7 12", "-2", "@SUM(A1)", "\tcmd", "\r=x", '=HYPERLINK("x")'])
def test_text_that_a_spreadsheet_would_run_is_quoted(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Bakı", "", "a=b", " =x", 5, -3, Decimal("-1.5"), None, date(2024, 3, 12)])
def test_other_values_pass_unchanged(value):
    assert safe_cell(value) == value

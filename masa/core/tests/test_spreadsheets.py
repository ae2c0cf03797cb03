"""The shared spreadsheet cell: formula injection neutralised, page words, never "None"."""

from datetime import date
from decimal import Decimal

import pytest

from masa.core.spreadsheets import spreadsheet_cell, spreadsheet_row


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        (["=1", "two"], "'=1\ntwo"),
        ("Plain words = fine", "Plain words = fine"),
        ("", ""),
        (None, ""),
        ([None, "x"], "\nx"),
        (True, "Yes"),
        (False, "No"),
        (-3, "-3"),
        (Decimal("-1.5"), "-1.5"),
        (date(2025, 4, 1), "2025-04-01"),
    ],
)
def test_cells(value, cell):
    assert spreadsheet_cell(value) == cell


def test_a_row_never_says_none():
    assert "None" not in spreadsheet_row([None, "x", None])

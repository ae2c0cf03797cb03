"""One way to turn a value into the text of a CSV or Excel cell, for every export.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before
one) as a formula, so text from the records (an action's wording, a narrative) could call out to
the network or run a command when opened: OWASP's "CSV injection". Such text gets a leading `'`,
which spreadsheets read as "this is text". Numbers are numbers and keep their sign.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """`text`, with a leading `'` when a spreadsheet would otherwise read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_cell(value: object) -> str:
    """The words a page would show: "" for nothing (never "None"), "Yes"/"No", ISO dates, list items
    one per line; any text neutralised against formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return neutralise("\n".join(_text(item) for item in value))
    return neutralise(str(value))


def spreadsheet_row(values: Iterable[object]) -> list[str]:
    return [spreadsheet_cell(value) for value in values]


def _text(value: object) -> str:
    return "" if value is None else str(value)

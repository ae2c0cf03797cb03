"""Checks shared by the registry services. Each raises InvalidInput naming the form field."""

from __future__ import annotations

from datetime import date
from typing import Any

from masa.core.errors import Conflict, refuse

from ..models import Dated
from ..periods import format_day


def required_text(value: str | None, *, field: str, message: str, max_length: int = 200) -> str:
    text = (value or "").strip()
    if not text:
        raise refuse(field, message)
    if len(text) > max_length:
        raise refuse(
            field,
            f"{message.removeprefix('Enter ').capitalize()} must be "
            f"{max_length} characters or fewer",
        )
    return text


def optional_text(value: str | None, *, field: str, label: str, max_length: int = 200) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise refuse(field, f"{label} must be {max_length} characters or fewer")
    return text


def required_date(value: Any, *, field: str, message: str) -> date:
    if not isinstance(value, date):
        raise refuse(field, message)
    return value


def check_period(start: Any, end: Any, *, what: str) -> tuple[date, date | None]:
    """`start` is a date; `end`, if given, is on or after it."""
    start = required_date(start, field="start", message=f"Enter the date the {what} starts")
    if end is not None:
        end = required_date(end, field="end", message=f"Enter a real end date for the {what}")
        if end < start:
            raise refuse(
                "end",
                f"The end date must be the same as or after the start date, {format_day(start)}",
            )
    return start, end


def check_end(row: Dated, end: Any, *, what: str) -> date:
    """The end date for an open row: a date on or after its start, and the row not already ended."""
    end = required_date(end, field="end", message=f"Enter the date the {what} ends")
    if row.end is not None:
        raise Conflict(
            f"This {what} already ended on {format_day(row.end)}",
            {"end": [f"This {what} already ended on {format_day(row.end)}"]},
        )
    if end < row.start:
        raise refuse(
            "end",
            f"The end date must be the same as or after the start date, {format_day(row.start)}",
        )
    return end

"""Checks shared by the review services. Each raises InvalidInput naming the field at fault."""

from __future__ import annotations

from datetime import date
from typing import Any

from masa.core.clocks.engine import long_date
from masa.core.errors import refuse

MAX_TEXT = 20_000


def checked_date(
    value: Any,
    field: str,
    label: str,
    *,
    today: date,
    not_before: date | None = None,
    not_before_label: str = "",
    future_ok: bool = False,
) -> date:
    """A real date, not in the future (unless `future_ok`), and not before `not_before`."""
    if not isinstance(value, date):
        raise refuse(field, f"Enter {label[0].lower()}{label[1:]}")
    if not future_ok and value > today:
        raise refuse(field, f"{label} must be today or in the past")
    if not_before is not None and value < not_before:
        raise refuse(
            field,
            f"{label} must be on or after {not_before_label}, {long_date(not_before)}",
        )
    return value


def checked_text(
    value: Any, field: str, label: str, *, required: bool = True, max_length: int = MAX_TEXT
) -> str:
    text = str(value or "").strip()
    if "\x00" in text:
        raise refuse(field, f"{label} contains a character that cannot be stored")
    if required and not text:
        raise refuse(field, f"Enter {label[0].lower()}{label[1:]}")
    if len(text) > max_length:
        raise refuse(field, f"{label} must be {max_length} characters or fewer")
    return text


def checked_choice(value: Any, choices: Any, field: str, message: str) -> str:
    if value not in choices.values:
        raise refuse(field, message)
    return str(value)


def checked_bool(value: Any, field: str, message: str) -> bool:
    if not isinstance(value, bool):
        raise refuse(field, message)
    return value

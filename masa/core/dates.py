"""One reading of every date a person types outside a GOV.UK date input: query parameters (`?at=`)
and command-line options (`--at`, `--today`, `--from`), and the range every date MASA accepts must
fall in, form fields included (masa.core.forms.DateField).

The range keeps clock arithmetic inside what Python's dates can hold (a due date a year or more
after 31 December 9999 does not exist) and refuses what cannot be meant: MASA's statute starts with
the Children Act 2004, and no deadline it runs is decades away.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone

EARLIEST = date(1900, 1, 1)
LATEST = date(2099, 12, 31)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def in_range(value: date) -> bool:
    return EARLIEST <= value <= LATEST


def range_words() -> str:
    return f"between {EARLIEST:%-d %B %Y} and {LATEST:%-d %B %Y}"


def parse_iso_date(value: str | None) -> date:
    """`value` written YYYY-MM-DD, or today (Europe/London) when empty.

    Raises ValueError with a message written for the person who typed it, starting "the date"."""
    if not value:
        return timezone.localdate()
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"the date must be a real date written YYYY-MM-DD, for example 2025-04-01 "
            f"(got {value[:40]!r})"
        ) from None
    if not in_range(parsed):
        raise ValueError(f"the date must be {range_words()} (got {value!r})")
    return parsed

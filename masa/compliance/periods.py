"""Reporting periods for assessments: by default the April–March financial year.

A period runs from `start` to `end`, both days included. Partnerships report yearly (CA2004
s.16G(7)) and most do so on the financial year, so a period is twelve months from its start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

YEAR_START_MONTH = 4  # April


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """`2025–26` for a financial year, otherwise `1 May 2025 to 30 April 2026`."""
        if self == financial_year(self.start):
            return f"{self.start.year}–{str(self.end.year)[-2:]}"
        return f"{format_day(self.start)} to {format_day(self.end)}"

    @property
    def long_label(self) -> str:
        return f"{self.label} ({format_day(self.start)} to {format_day(self.end)})"


def financial_year(on: date) -> Period:
    """The April–March year containing `on`."""
    year = on.year if on.month >= YEAR_START_MONTH else on.year - 1
    return Period(date(year, YEAR_START_MONTH, 1), date(year + 1, YEAR_START_MONTH, 1) - _DAY)


def twelve_months_from(start: date) -> Period:
    """Twelve months from `start`: 1 April 2025 → 31 March 2026; 29 February → 28 February."""
    try:
        next_start = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        next_start = date(start.year + 1, 3, 1)
    return Period(start, next_start - _DAY)


def format_day(day: date) -> str:
    """GOV.UK style: 1 April 2025."""
    return f"{day.day} {day:%B %Y}"


def short_day(day: date) -> str:
    """Compact, for evidence lines: 1 Apr 2025."""
    return f"{day.day} {day:%b %Y}"


_DAY = timedelta(days=1)

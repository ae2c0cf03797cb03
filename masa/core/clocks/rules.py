"""A clock rule as the statute library states it. Pure data: no Django, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Unit(StrEnum):
    WORKING_DAYS = "working_days"  # England & Wales bank holidays and weekends skipped
    CALENDAR_DAYS = "calendar_days"
    MONTHS = "months"  # "at least once in every 12 months": same day N months on, or month end
    # a fixed day after a period ends: "by the end of September after the April to March year"
    BY_DATE = "by_date"


@dataclass(frozen=True, slots=True)
class ClockRule:
    """One deadline rule. `id` is stable and cited by requirements in the statute library.

    For BY_DATE rules, `month`/`day` give the deadline day and `period_end_month` the last month of
    the reporting period the trigger date falls in (3 = an April to March financial year): the due
    date is the first `month`/`day` after that period ends.
    """

    id: str
    unit: Unit
    amount: int = 0
    # what starts the clock, in words: "the date the local authority became aware"
    trigger: str = ""
    summary: str = ""
    citation: str = ""
    month: int | None = None
    day: int | None = None
    period_end_month: int | None = None
    # "no later than 7 days before publication": the deadline falls before the trigger date.
    before: bool = False

"""A clock rule as the statute library states it. Pure data: no Django, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Basis(StrEnum):
    """Where a clock's period comes from. Every page, export and email labels all but the first."""

    STATUTORY = "statutory"  # the Act, the Regulations or the statutory guidance
    MASA_DEFAULT = "masa_default"  # the source gives no period; MASA's rule supplies one
    LOCAL_DEFAULT = "local_default"  # a partnership chose to run a period its guidance does not set
    AGREED = "agreed"  # a date the partnership agreed for one piece of work (an action's due date)


BASIS_LABELS = {
    Basis.STATUTORY: "",
    Basis.MASA_DEFAULT: "MASA default, not statutory",
    Basis.LOCAL_DEFAULT: "Local default, not statutory",
    Basis.AGREED: "Agreed date, not statutory",
}


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
    # a fixed last day whatever the trigger: "within three months, and by 29 September 2019"
    not_later_than: date | None = None
    # False for a period MASA chose where the source gives none (labelled "MASA default, not
    # statutory" wherever the clock shows); True for the Act's, the Regulations' and the guidance's.
    statutory: bool = True

    @property
    def basis(self) -> Basis:
        return Basis.STATUTORY if self.statutory else Basis.MASA_DEFAULT

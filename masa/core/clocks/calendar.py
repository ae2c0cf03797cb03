"""England & Wales working days: weekends and bank holidays, offline, as pure functions.

Bank holidays come from the maintained `holidays` library (`GB`, subdivision `ENG`; Wales keeps
the same bank holidays as England). It computes every year locally from rules plus the one-off
proclamations it ships with, so no date helper here ever touches the network (STYLE.md: the
lite-api warning).

A *bank holiday* here is a weekday on which the bank-holiday calendar closes offices: exactly the
list gov.uk publishes. When Christmas Day falls on a Saturday the library also holds Sat 25 Dec,
but the bank holiday is the substitute weekday it adds ("Christmas Day (observed)"), so weekend
entries are dropped.

Conventions (GOV.UK Notify's, and the one statutory guidance reads naturally):

- `add_working_days(start, n)`: the start day never counts; day 1 is the first working day after it.
- `working_days_between(a, b)`: working days after `a`, up to and including `b`.
- `bank_holidays_between(a, b)`: both ends included, so a calendar year reads 1 Jan to 31 Dec.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

import holidays

_ONE_DAY = timedelta(days=1)

# One-off bank holidays proclaimed under the Banking and Financial Dealings Act 1971 s.1(3) that
# the installed `holidays` release does not know yet. Add a date here, citing the proclamation,
# when one is announced before the library ships it. `test_calendar.py` pins the past one-offs
# (VE Day 2020, Platinum Jubilee 2022, State Funeral 2022, Coronation 2023): holidays 0.109 has
# them all, and a library regression fails those tests loudly.
_PROCLAIMED: dict[date, str] = {}

# Bank holidays the installed library holds that were later cancelled or moved by proclamation.
_CANCELLED: frozenset[date] = frozenset()


@lru_cache(maxsize=256)
def _bank_holidays_in(year: int) -> dict[date, str]:
    """Weekday bank holidays in `year`, name by date. Cached per year: the library object grows
    as it is queried (`expand=True`), so we build a plain dict once and never share it."""
    library = holidays.country_holidays("GB", subdiv="ENG", years=year, language="en_GB")
    found = {d: name for d, name in library.items() if d.year == year}
    found.update({d: name for d, name in _PROCLAIMED.items() if d.year == year})
    return {d: found[d] for d in sorted(found) if d.weekday() < 5 and d not in _CANCELLED}


def holiday_name(d: date) -> str | None:
    """The bank holiday's name ("Easter Monday", "Christmas Day (observed)"), or None on any
    other day, weekends included."""
    return _bank_holidays_in(d.year).get(d)


def is_bank_holiday(d: date) -> bool:
    return d in _bank_holidays_in(d.year)


def is_working_day(d: date) -> bool:
    """Monday to Friday and not an England & Wales bank holiday."""
    return d.weekday() < 5 and not is_bank_holiday(d)


def bank_holidays_between(a: date, b: date) -> list[date]:
    """Bank holidays from `a` to `b`, both included, in date order; empty if `b` is before `a`."""
    return [d for year in range(a.year, b.year + 1) for d in _bank_holidays_in(year) if a <= d <= b]


def _step(start: date, n: int, direction: int, counts: Callable[[date], bool]) -> date:
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    day = start
    if n == 0:
        while not counts(day):
            day += direction * _ONE_DAY
        return day
    while n:
        day += direction * _ONE_DAY
        if counts(day):
            n -= 1
    return day


def add_working_days(
    start: date, n: int, *, counts: Callable[[date], bool] = is_working_day
) -> date:
    """The n-th working day after `start`; `start` itself is never counted.

    n = 0 gives `start` when it is a working day, otherwise the next working day: a duty due
    "within 0 working days" of a Saturday can be done on Monday at the earliest.

    `counts` replaces the working-day test; the clock engine passes one that also skips paused days.
    """
    return _step(start, n, +1, counts)


def subtract_working_days(
    end: date, n: int, *, counts: Callable[[date], bool] = is_working_day
) -> date:
    """The n-th working day before `end`, the mirror of `add_working_days`: `end` is never
    counted, and n = 0 gives `end` when it is a working day, otherwise the working day before."""
    return _step(end, n, -1, counts)


def working_days_between(a: date, b: date) -> int:
    """Working days after `a`, up to and including `b`; negative (the same count) when `b` is before
    `a`, so "working days left" reads below zero once a deadline has passed.

    For n ≥ 1, `working_days_between(s, add_working_days(s, n)) == n` for every start `s`.
    """
    if b < a:
        return -working_days_between(b, a)
    weekdays = _weekdays_after_up_to(a, b)
    return weekdays - len(bank_holidays_between(a + _ONE_DAY, b))


def _weekdays_after_up_to(a: date, b: date) -> int:
    """Monday to Friday dates in (a, b], in O(1) so long spans cost nothing."""
    days = (b - a).days
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    weekday = a.weekday()
    for _ in range(rest):
        weekday = (weekday + 1) % 7
        if weekday < 5:
            count += 1
    return count

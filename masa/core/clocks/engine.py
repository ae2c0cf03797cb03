"""Due dates as a pure function of a rule, a trigger date and recorded pauses (DESIGN.md
principle 2).

Nothing here reads the clock, the database or the network: callers pass `today` where it matters,
so a case stores its legal trigger date and recomputes the due date whenever a rule or pause
changes.

Pauses are recorded events (an extension agreed with the Panel, a review put on hold for a
criminal trial). Each is a `(from, to)` pair of dates, both included, and stops the clock on
those days:

- working days: a working day inside a pause is not counted;
- calendar days, months and by-date rules: the due date moves later by the number of paused days
  that fall while the clock is running (after the start, up to the due date as it moves), so a
  3-day pause inside a 12-month interval gives a due date 3 days later.

Pauses on a "before" rule (the deadline precedes its trigger) have no meaning and raise
ClockRuleError.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from masa.core.clocks.calendar import (
    add_working_days,
    bank_holidays_between,
    is_working_day,
    subtract_working_days,
    working_days_between,
)
from masa.core.clocks.rules import BASIS_LABELS, Basis, ClockRule, Unit
from masa.core.errors import MasaError

_ONE_DAY = timedelta(days=1)
# Our own names, not strftime's: output must not change with the process locale.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_EN_DASH = "\u2013"  # ranges read "April\u2013March", "4 Mar\u20136 Mar", as GOV.UK style has them
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

Pause = tuple[date, date]


class ClockRuleError(MasaError, ValueError):
    """A rule or pause the engine cannot compute with; the message says which field is wrong."""


class ClockStatus(StrEnum):
    MET = "met"
    MET_LATE = "met_late"
    RUNNING = "running"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class DueDate:
    """A computed due date that can explain itself. `skipped` holds the bank holidays (never
    weekends) the clock stepped over; it is empty for every unit but working days."""

    rule: str
    start: date
    due: date
    unit: Unit
    amount: int
    skipped: tuple[date, ...]
    explanation: str
    basis: Basis = Basis.STATUTORY  # from the rule; a partnership's opt-in makes it local_default

    @property
    def statutory(self) -> bool:
        return self.basis == Basis.STATUTORY

    @property
    def basis_label(self) -> str:
        """The label a page, export or email shows beside the clock; empty when statutory."""
        return BASIS_LABELS[self.basis]

    def as_json(self) -> dict[str, Any]:
        """The `masa clock due` contract (DESIGN.md): keys and ISO dates are stable. A rule's clock
        also says whether its period is statutory; ad-hoc arithmetic (`masa clock add`) has no basis."""
        result = {
            "rule": self.rule,
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "unit": self.unit.value,
            "amount": self.amount,
            "skipped": [d.isoformat() for d in self.skipped],
            "explanation": self.explanation,
        }
        if self.rule:
            result |= {"statutory": self.statutory, "basis": self.basis.value}
        return result


def compute_due(rule: ClockRule, start: date, *, pauses: Sequence[Pause] = ()) -> DueDate:
    """The due date of `rule` triggered on `start`; `pauses` (inclusive ranges) stop the clock."""
    rule = _checked(rule)
    windows = _merge(pauses)
    if rule.before and windows:
        raise ClockRuleError(f"{rule.id or 'rule'}: a 'before' deadline cannot be paused")
    compute = _BY_UNIT[rule.unit]
    try:
        due, skipped, notes = compute(rule, start, windows)
        head = _head(rule, start)
    except (OverflowError, ValueError) as error:  # past year 9999 or before year 1
        raise ClockRuleError(
            f"{rule.id or 'the clock'}: the due date from {start.isoformat()} falls outside the "
            "calendar"
        ) from error
    if rule.not_later_than and due > rule.not_later_than:
        due = rule.not_later_than
        skipped = [d for d in skipped if d <= due]
        notes = [*notes, f", but no later than {long_date(due)}"]
    return DueDate(
        rule=rule.id,
        start=start,
        due=due,
        unit=rule.unit,
        amount=rule.amount,
        skipped=tuple(skipped),
        explanation=f"{head}{''.join(notes)} → {long_date(due)}",
        basis=rule.basis,
    )


def add(
    unit: Unit | str,
    amount: int,
    start: date,
    *,
    before: bool = False,
    pauses: Sequence[Pause] = (),
) -> DueDate:
    """An ad-hoc clock with no rule id: `add("working_days", 5, date(2025, 12, 19))`."""
    try:
        unit = Unit(unit)
    except ValueError:
        raise ClockRuleError(f"unknown unit {unit!r}; use one of {', '.join(Unit)}") from None
    if unit is Unit.BY_DATE:
        raise ClockRuleError("a by_date clock needs a rule with month, day and period_end_month")
    rule = ClockRule(id="", unit=unit, amount=amount, before=before)
    return compute_due(rule, start, pauses=pauses)


def status_of(due: date, done: date | None, today: date) -> ClockStatus:
    """`met` when done on or before the due date, `met_late` when done after it; otherwise `running`
    until the end of the due date and `overdue` from the day after."""
    if done is not None:
        return ClockStatus.MET if done <= due else ClockStatus.MET_LATE
    return ClockStatus.RUNNING if today <= due else ClockStatus.OVERDUE


def days_overdue(due: date, today: date, done: date | None = None) -> int:
    """Calendar days late: by `done` if the duty was done, else by `today`; 0 when on time."""
    return max(0, ((done or today) - due).days)


def working_days_left(due: date, today: date) -> int:
    """Working days after today up to and including the due date; 0 on the due date itself and
    negative once it has passed (-1 on the first working day after it)."""
    return working_days_between(today, due)


def long_date(d: date) -> str:
    """'Tue 30 Dec 2025', whatever the locale."""
    return f"{_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    """'25 Dec'."""
    return f"{d.day} {_MONTHS[d.month - 1]}"


# --- one function per unit: (rule, start, pauses) -> (due, skipped bank holidays, wording)

_Result = tuple[date, list[date], list[str]]


def _working_days(rule: ClockRule, start: date, windows: list[Pause]) -> _Result:
    if rule.before:
        due = subtract_working_days(start, rule.amount)
        return due, bank_holidays_between(due, start - _ONE_DAY), _skipping(due, start)

    def counts(d: date) -> bool:
        return is_working_day(d) and not _in(d, windows)

    due = add_working_days(start, rule.amount, counts=counts)
    skipped = bank_holidays_between(start + _ONE_DAY, due)
    notes = _skipping(start, due)
    applied = _clip(windows, start + _ONE_DAY, due)
    paused = sum(1 for f, t in applied for d in _days(f, t) if is_working_day(d))
    if paused:
        notes.append(f", clock paused {_ranges(applied)} ({_plural(paused, 'working day')})")
    return due, skipped, notes


def _calendar_days(rule: ClockRule, start: date, windows: list[Pause]) -> _Result:
    if rule.before:
        return start - timedelta(days=rule.amount), [], []
    return _paused_calendar(start, start + timedelta(days=rule.amount), windows, [])


def _months(rule: ClockRule, start: date, windows: list[Pause]) -> _Result:
    # CA 2004 s.16G / WT 2023: "at least once in every 12 months" reads as the same day N months
    # on; a day the month lacks (31 Jan + 1 month) becomes that month's last day.
    due, clamped = _add_months(start, -rule.amount if rule.before else rule.amount)
    notes = [", using the month's last day"] if clamped else []
    if rule.before:
        return due, [], notes
    return _paused_calendar(start, due, windows, notes)


def _by_date(rule: ClockRule, start: date, windows: list[Pause]) -> _Result:
    # WT 2023 ch.2: the yearly report is published "by the end of September" after the April to
    # March year it covers; the period is the one the trigger date falls in.
    assert rule.month and rule.day  # _checked guarantees both
    period_end = _period_end(rule, start)
    due = _on_or_last(period_end.year, rule.month, rule.day)
    if due <= period_end:
        due = _on_or_last(period_end.year + 1, rule.month, rule.day)
    return _paused_calendar(start, due, windows, [])


def _head(rule: ClockRule, start: date) -> str:
    if rule.unit is Unit.BY_DATE:
        assert rule.month and rule.day and rule.period_end_month
        first = _MONTH_NAMES[rule.period_end_month % 12]
        last = _MONTH_NAMES[rule.period_end_month - 1]
        period_end = _period_end(rule, start)
        return (
            f"By {rule.day} {_MONTHS[rule.month - 1]} after the {first}{_EN_DASH}{last} year"
            f" ending {short_date(period_end)} {period_end.year}"
        )
    noun = {Unit.WORKING_DAYS: "working day", Unit.CALENDAR_DAYS: "day", Unit.MONTHS: "month"}
    direction = "before" if rule.before else "from"
    return f"{_plural(rule.amount, noun[rule.unit])} {direction} {long_date(start)}"


_BY_UNIT: dict[Unit, Callable[[ClockRule, date, list[Pause]], _Result]] = {
    Unit.WORKING_DAYS: _working_days,
    Unit.CALENDAR_DAYS: _calendar_days,
    Unit.MONTHS: _months,
    Unit.BY_DATE: _by_date,
}


def _checked(rule: ClockRule) -> ClockRule:
    """The rule with `unit` as a Unit (a loader may pass the YAML string), or ClockRuleError."""
    name = rule.id or "rule"
    try:
        rule = replace(rule, unit=Unit(rule.unit))
    except ValueError:
        raise ClockRuleError(f"{name}: unknown unit {rule.unit!r}") from None
    if rule.amount < 0:
        raise ClockRuleError(f"{name}: amount must be 0 or more, not {rule.amount}")
    if rule.unit is not Unit.BY_DATE:
        return rule
    if rule.before:
        raise ClockRuleError(f"{name}: a by_date rule cannot be 'before'")
    if not (rule.month and rule.day and rule.period_end_month):
        raise ClockRuleError(f"{name}: a by_date rule needs month, day and period_end_month")
    if not 1 <= rule.period_end_month <= 12:
        raise ClockRuleError(f"{name}: period_end_month {rule.period_end_month} is not a month")
    try:
        date(2000, rule.month, rule.day)  # a leap year, so 29 Feb is allowed
    except ValueError:
        raise ClockRuleError(f"{name}: no such day {rule.day}/{rule.month}") from None
    return rule


# --- pauses


def _merge(pauses: Sequence[Pause]) -> list[Pause]:
    """Sorted, with overlapping or touching ranges joined, so each paused day counts once."""
    merged: list[Pause] = []
    for f, t in sorted(pauses):
        if t < f:
            raise ClockRuleError(f"a pause cannot end ({t}) before it starts ({f})")
        if merged and f <= merged[-1][1] + _ONE_DAY:
            merged[-1] = (merged[-1][0], max(t, merged[-1][1]))
        else:
            merged.append((f, t))
    return merged


def _paused_calendar(start: date, due: date, windows: list[Pause], notes: list[str]) -> _Result:
    """Move `due` later by each paused day falling after `start` while the clock still runs."""
    applied: list[Pause] = []
    for f, t in windows:
        f = max(f, start + _ONE_DAY)
        if t < f:
            continue
        if f > due:
            break
        due += timedelta(days=(t - f).days + 1)
        applied.append((f, t))
    if applied:
        total = sum((t - f).days + 1 for f, t in applied)
        notes = [*notes, f", clock paused {_ranges(applied)} ({_plural(total, 'day')})"]
    return due, [], notes


def _in(d: date, windows: list[Pause]) -> bool:
    return any(f <= d <= t for f, t in windows)


def _clip(windows: list[Pause], low: date, high: date) -> list[Pause]:
    return [(max(f, low), min(t, high)) for f, t in windows if f <= high and t >= low]


def _days(f: date, t: date) -> list[date]:
    return [f + timedelta(days=i) for i in range((t - f).days + 1)]


# --- wording


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _skipping(a: date, b: date) -> list[str]:
    """', skipping 25 Dec and 26 Dec' for the bank holidays strictly between a and b."""
    found = bank_holidays_between(a + _ONE_DAY, b - _ONE_DAY)
    return [f", skipping {_and([short_date(d) for d in found])}"] if found else []


def _ranges(windows: list[Pause]) -> str:
    return _and([_range(f, t) for f, t in windows])


def _range(f: date, t: date) -> str:
    return short_date(f) if f == t else f"{short_date(f)}{_EN_DASH}{short_date(t)}"


# --- month arithmetic


def _add_months(d: date, n: int) -> tuple[date, bool]:
    """Same day n months on (n may be negative), or that month's last day; True if clamped."""
    index = d.month - 1 + n
    year, month = d.year + index // 12, index % 12 + 1
    last = monthrange(year, month)[1]
    return date(year, month, min(d.day, last)), d.day > last


def _period_end(rule: ClockRule, start: date) -> date:
    """Last day of the reporting period `start` falls in; 3 = April to March years."""
    assert rule.period_end_month
    end_month = rule.period_end_month
    end_year = start.year if start.month <= end_month else start.year + 1
    return date(end_year, end_month, monthrange(end_year, end_month)[1])


def _on_or_last(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, monthrange(year, month)[1]))

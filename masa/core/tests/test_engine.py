"""The clock engine, as tables of real weekday dates across every kind of England & Wales holiday.

Every expected due date was counted by hand on the gov.uk bank-holiday calendar.
"""
# The explanations use en dashes for ranges ("April–March", "4 Mar–6 Mar") on purpose.

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masa.core.clocks.calendar import bank_holidays_between, is_bank_holiday, is_working_day
from masa.core.clocks.engine import (
    ClockRuleError,
    ClockStatus,
    add,
    compute_due,
    days_overdue,
    status_of,
    working_days_left,
)
from masa.core.clocks.rules import ClockRule, Unit

D = date

# The statute library's rules, restated here so the engine is tested on its own.
NOTIFY_PANEL = ClockRule(id="wt2023.notify-panel", unit=Unit.WORKING_DAYS, amount=5)
RAPID_REVIEW = ClockRule(id="wt2023.rapid-review", unit=Unit.WORKING_DAYS, amount=15)
BEFORE_PUBLICATION = ClockRule(
    id="si2018-789.report-before-publication", unit=Unit.CALENDAR_DAYS, amount=7, before=True
)
YEARLY_REPORT = ClockRule(
    id="wt2023.yearly-report-publication", unit=Unit.BY_DATE, month=9, day=30, period_end_month=3
)
YEARLY_INTERVAL = ClockRule(id="ca2004.yearly-report-interval", unit=Unit.MONTHS, amount=12)

FIVE_WORKING_DAYS = [
    # (start, due, bank holidays skipped)
    # no holidays, and a weekend start
    (D(2025, 3, 3), D(2025, 3, 10), []),
    (D(2025, 3, 8), D(2025, 3, 14), []),
    # Christmas and New Year
    (D(2025, 12, 18), D(2025, 12, 29), [D(2025, 12, 25), D(2025, 12, 26)]),
    (D(2025, 12, 19), D(2025, 12, 30), [D(2025, 12, 25), D(2025, 12, 26)]),
    (D(2025, 12, 22), D(2025, 12, 31), [D(2025, 12, 25), D(2025, 12, 26)]),
    (D(2025, 12, 24), D(2026, 1, 5), [D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1)]),
    (D(2024, 12, 20), D(2024, 12, 31), [D(2024, 12, 25), D(2024, 12, 26)]),
    (D(2023, 12, 22), D(2024, 1, 3), [D(2023, 12, 25), D(2023, 12, 26), D(2024, 1, 1)]),
    # substitute days: 2020 (Boxing Day on Sat), 2021 (both on the weekend), 2022 (Christmas on Sun)
    (D(2020, 12, 24), D(2021, 1, 5), [D(2020, 12, 25), D(2020, 12, 28), D(2021, 1, 1)]),
    (D(2021, 12, 23), D(2022, 1, 4), [D(2021, 12, 27), D(2021, 12, 28), D(2022, 1, 3)]),
    (D(2021, 12, 24), D(2022, 1, 5), [D(2021, 12, 27), D(2021, 12, 28), D(2022, 1, 3)]),
    (D(2022, 12, 23), D(2023, 1, 4), [D(2022, 12, 26), D(2022, 12, 27), D(2023, 1, 2)]),
    (D(2026, 12, 23), D(2027, 1, 4), [D(2026, 12, 25), D(2026, 12, 28), D(2027, 1, 1)]),
    # Easter: Good Friday and Easter Monday
    (D(2022, 4, 11), D(2022, 4, 20), [D(2022, 4, 15), D(2022, 4, 18)]),
    (D(2023, 4, 6), D(2023, 4, 17), [D(2023, 4, 7), D(2023, 4, 10)]),
    (D(2024, 3, 27), D(2024, 4, 5), [D(2024, 3, 29), D(2024, 4, 1)]),
    (D(2025, 4, 16), D(2025, 4, 25), [D(2025, 4, 18), D(2025, 4, 21)]),
    (D(2025, 4, 18), D(2025, 4, 28), [D(2025, 4, 21)]),  # starting on Good Friday itself
    (D(2026, 4, 2), D(2026, 4, 13), [D(2026, 4, 3), D(2026, 4, 6)]),
    # early May, spring and August
    (D(2025, 5, 2), D(2025, 5, 12), [D(2025, 5, 5)]),
    (D(2025, 5, 23), D(2025, 6, 2), [D(2025, 5, 26)]),
    (D(2025, 8, 22), D(2025, 9, 1), [D(2025, 8, 25)]),
    (D(2024, 8, 22), D(2024, 8, 30), [D(2024, 8, 26)]),
    # one-offs: VE Day 2020 (Mon 4 May a working day), Jubilee 2022, State Funeral, Coronation
    (D(2020, 5, 1), D(2020, 5, 11), [D(2020, 5, 8)]),
    (D(2020, 5, 7), D(2020, 5, 15), [D(2020, 5, 8)]),
    (D(2022, 5, 27), D(2022, 6, 7), [D(2022, 6, 2), D(2022, 6, 3)]),
    (D(2022, 9, 16), D(2022, 9, 26), [D(2022, 9, 19)]),
    (D(2023, 4, 28), D(2023, 5, 9), [D(2023, 5, 1), D(2023, 5, 8)]),
]

FIFTEEN_WORKING_DAYS = [
    (D(2025, 12, 18), D(2026, 1, 13), [D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1)]),
    (D(2025, 12, 19), D(2026, 1, 14), [D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1)]),
    (D(2021, 12, 24), D(2022, 1, 19), [D(2021, 12, 27), D(2021, 12, 28), D(2022, 1, 3)]),
    (D(2022, 12, 23), D(2023, 1, 18), [D(2022, 12, 26), D(2022, 12, 27), D(2023, 1, 2)]),
    (D(2024, 3, 25), D(2024, 4, 17), [D(2024, 3, 29), D(2024, 4, 1)]),
    (D(2025, 4, 7), D(2025, 4, 30), [D(2025, 4, 18), D(2025, 4, 21)]),
    (D(2020, 4, 27), D(2020, 5, 19), [D(2020, 5, 8)]),
    (D(2022, 5, 23), D(2022, 6, 15), [D(2022, 6, 2), D(2022, 6, 3)]),
    (D(2022, 9, 12), D(2022, 10, 4), [D(2022, 9, 19)]),
    (D(2023, 4, 24), D(2023, 5, 17), [D(2023, 5, 1), D(2023, 5, 8)]),
    (D(2025, 8, 18), D(2025, 9, 9), [D(2025, 8, 25)]),
]


@pytest.mark.parametrize(("start", "due", "skipped"), FIVE_WORKING_DAYS)
def test_five_working_days(start, due, skipped):
    result = compute_due(NOTIFY_PANEL, start)
    assert (result.due, list(result.skipped)) == (due, skipped)


@pytest.mark.parametrize(("start", "due", "skipped"), FIFTEEN_WORKING_DAYS)
def test_fifteen_working_days(start, due, skipped):
    result = compute_due(RAPID_REVIEW, start)
    assert (result.due, list(result.skipped)) == (due, skipped)


@pytest.mark.parametrize(
    ("rule", "start", "explanation"),
    [
        (NOTIFY_PANEL, D(2025, 12, 19),
         "5 working days from Fri 19 Dec 2025, skipping 25 Dec and 26 Dec → Tue 30 Dec 2025"),
        (NOTIFY_PANEL, D(2025, 12, 24),
         "5 working days from Wed 24 Dec 2025, skipping 25 Dec, 26 Dec and 1 Jan"
         " → Mon 5 Jan 2026"),
        (NOTIFY_PANEL, D(2025, 3, 3), "5 working days from Mon 3 Mar 2025 → Mon 10 Mar 2025"),
        (BEFORE_PUBLICATION, D(2025, 9, 10), "7 days before Wed 10 Sep 2025 → Wed 3 Sep 2025"),
        (YEARLY_REPORT, D(2025, 1, 10),
         "By 30 Sep after the April–March year ending 31 Mar 2025 → Tue 30 Sep 2025"),
        (YEARLY_INTERVAL, D(2025, 9, 1), "12 months from Mon 1 Sep 2025 → Tue 1 Sep 2026"),
        (ClockRule(id="", unit=Unit.MONTHS, amount=1), D(2025, 1, 31),
         "1 month from Fri 31 Jan 2025, using the month's last day → Fri 28 Feb 2025"),
        (ClockRule(id="", unit=Unit.WORKING_DAYS, amount=1), D(2025, 3, 7),
         "1 working day from Fri 7 Mar 2025 → Mon 10 Mar 2025"),
    ],
)  # fmt: skip
def test_explanations(rule, start, explanation):
    assert compute_due(rule, start).explanation == explanation


def test_as_json_has_the_command_line_contract():
    assert compute_due(NOTIFY_PANEL, D(2025, 12, 19)).as_json() == {
        "rule": "wt2023.notify-panel",
        "start": "2025-12-19",
        "due": "2025-12-30",
        "unit": "working_days",
        "amount": 5,
        "skipped": ["2025-12-25", "2025-12-26"],
        "explanation": "5 working days from Fri 19 Dec 2025, skipping 25 Dec and 26 Dec"
        " → Tue 30 Dec 2025",
        "statutory": True,
        "basis": "statutory",
    }


@pytest.mark.parametrize(
    ("rule", "start", "due"),
    [
        # SI 2018/789 reg 16: to the SoS and Panel at least 7 days before publication
        (BEFORE_PUBLICATION, D(2025, 9, 10), D(2025, 9, 3)),
        (BEFORE_PUBLICATION, D(2026, 1, 5), D(2025, 12, 29)),  # calendar days: no skipping
        (BEFORE_PUBLICATION, D(2026, 1, 1), D(2025, 12, 25)),
        (ClockRule(id="", unit=Unit.WORKING_DAYS, amount=5, before=True), D(2026, 1, 2),
         D(2025, 12, 23)),
        (ClockRule(id="", unit=Unit.MONTHS, amount=1, before=True), D(2025, 3, 31),
         D(2025, 2, 28)),
    ],
)  # fmt: skip
def test_before_rules(rule, start, due):
    assert compute_due(rule, start).due == due


def test_working_days_before_explains_what_it_skipped():
    result = add("working_days", 5, D(2026, 1, 2), before=True)
    assert result.skipped == (D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1))
    assert result.explanation == (
        "5 working days before Fri 2 Jan 2026, skipping 25 Dec, 26 Dec and 1 Jan → Tue 23 Dec 2025"
    )


@pytest.mark.parametrize(
    ("rule", "start", "due"),
    [
        # WT 2023: yearly report by the end of September after the April–March year
        (YEARLY_REPORT, D(2025, 1, 10), D(2025, 9, 30)),
        (YEARLY_REPORT, D(2025, 3, 31), D(2025, 9, 30)),
        (YEARLY_REPORT, D(2025, 4, 1), D(2026, 9, 30)),
        (YEARLY_REPORT, D(2024, 4, 1), D(2025, 9, 30)),
        (YEARLY_REPORT, D(2025, 9, 30), D(2026, 9, 30)),
        # a calendar-year period
        (ClockRule(id="", unit=Unit.BY_DATE, month=3, day=31, period_end_month=12),
         D(2025, 12, 31), D(2026, 3, 31)),
        (ClockRule(id="", unit=Unit.BY_DATE, month=3, day=31, period_end_month=12),
         D(2026, 1, 1), D(2027, 3, 31)),
        # the deadline day is the period's own last day: the next one after it
        (ClockRule(id="", unit=Unit.BY_DATE, month=3, day=31, period_end_month=3),
         D(2025, 3, 31), D(2026, 3, 31)),
        # 29 Feb in a common year is 28 Feb
        (ClockRule(id="", unit=Unit.BY_DATE, month=2, day=29, period_end_month=12),
         D(2024, 6, 1), D(2025, 2, 28)),
        (ClockRule(id="", unit=Unit.BY_DATE, month=2, day=29, period_end_month=12),
         D(2027, 6, 1), D(2028, 2, 29)),
    ],
)  # fmt: skip
def test_by_date_at_period_boundaries(rule, start, due):
    assert compute_due(rule, start).due == due


def test_by_date_explains_the_period():
    assert compute_due(YEARLY_REPORT, D(2025, 4, 1)).explanation == (
        "By 30 Sep after the April–March year ending 31 Mar 2026 → Wed 30 Sep 2026"
    )


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2025, 3, 31), 1, D(2025, 4, 30)),
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2025, 11, 15), 3, D(2026, 2, 15)),
        (D(2025, 9, 1), 12, D(2026, 9, 1)),
    ],
)
def test_months_at_month_ends(start, months, due):
    assert add(Unit.MONTHS, months, start).due == due


# --- pauses


def test_working_days_inside_a_pause_do_not_count():
    result = compute_due(NOTIFY_PANEL, D(2025, 3, 3), pauses=[(D(2025, 3, 4), D(2025, 3, 6))])
    assert result.due == D(2025, 3, 13)
    assert result.explanation == (
        "5 working days from Mon 3 Mar 2025, clock paused 4 Mar–6 Mar (3 working days)"
        " → Thu 13 Mar 2025"
    )


def test_a_pause_across_christmas():
    result = compute_due(NOTIFY_PANEL, D(2025, 12, 19), pauses=[(D(2025, 12, 22), D(2025, 12, 23))])
    assert result.due == D(2026, 1, 2)
    assert result.skipped == (D(2025, 12, 25), D(2025, 12, 26), D(2026, 1, 1))
    assert result.explanation == (
        "5 working days from Fri 19 Dec 2025, skipping 25 Dec, 26 Dec and 1 Jan,"
        " clock paused 22 Dec–23 Dec (2 working days) → Fri 2 Jan 2026"
    )


@pytest.mark.parametrize(
    "pause",
    [
        (D(2025, 3, 8), D(2025, 3, 9)),  # a weekend only
        (D(2025, 2, 1), D(2025, 3, 3)),  # ends on the start day, which never counts
        (D(2025, 3, 11), D(2025, 3, 20)),  # after the due date
    ],
)
def test_a_pause_that_stops_no_counted_day_changes_nothing(pause):
    result = compute_due(NOTIFY_PANEL, D(2025, 3, 3), pauses=[pause])
    assert result == compute_due(NOTIFY_PANEL, D(2025, 3, 3))


@pytest.mark.parametrize(
    ("rule", "start", "pauses", "due"),
    [
        (ClockRule(id="", unit=Unit.CALENDAR_DAYS, amount=30), D(2025, 3, 3),
         [(D(2025, 3, 4), D(2025, 3, 6)), (D(2025, 3, 10), D(2025, 3, 10))], D(2025, 4, 6)),
        # a pause begun before the start counts only from the day after it
        (ClockRule(id="", unit=Unit.CALENDAR_DAYS, amount=10), D(2025, 3, 3),
         [(D(2025, 3, 1), D(2025, 3, 4))], D(2025, 3, 14)),
        # a pause running past the original due date carries the clock with it
        (ClockRule(id="", unit=Unit.CALENDAR_DAYS, amount=5), D(2025, 3, 1),
         [(D(2025, 3, 5), D(2025, 3, 20))], D(2025, 3, 22)),
        # overlapping pauses count each day once
        (ClockRule(id="", unit=Unit.CALENDAR_DAYS, amount=10), D(2025, 3, 3),
         [(D(2025, 3, 4), D(2025, 3, 6)), (D(2025, 3, 5), D(2025, 3, 7))], D(2025, 3, 17)),
        (YEARLY_INTERVAL, D(2025, 9, 1), [(D(2025, 10, 1), D(2025, 10, 10))], D(2026, 9, 11)),
        (YEARLY_REPORT, D(2025, 1, 10), [(D(2025, 9, 29), D(2025, 10, 1))], D(2025, 10, 3)),
    ],
)  # fmt: skip
def test_calendar_clocks_move_by_the_paused_length(rule, start, pauses, due):
    result = compute_due(rule, start, pauses=pauses)
    assert result.due == due
    assert "clock paused" in result.explanation
    assert result.skipped == ()


def test_calendar_pause_explanation():
    result = add(Unit.MONTHS, 12, D(2025, 9, 1), pauses=[(D(2025, 10, 1), D(2025, 10, 10))])
    assert result.explanation == (
        "12 months from Mon 1 Sep 2025, clock paused 1 Oct–10 Oct (10 days) → Fri 11 Sep 2026"
    )


@pytest.mark.parametrize(
    ("rule", "pauses", "message"),
    [
        (NOTIFY_PANEL, [(D(2025, 3, 6), D(2025, 3, 4))], "cannot end"),
        (BEFORE_PUBLICATION, [(D(2025, 3, 4), D(2025, 3, 6))], "cannot be paused"),
    ],
)
def test_impossible_pauses_are_refused(rule, pauses, message):
    with pytest.raises(ClockRuleError, match=message):
        compute_due(rule, D(2025, 3, 10), pauses=pauses)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (ClockRule(id="x", unit=Unit.WORKING_DAYS, amount=-1), "0 or more"),
        (ClockRule(id="x", unit=Unit.BY_DATE, month=9, day=30), "period_end_month"),
        (ClockRule(id="x", unit=Unit.BY_DATE, month=2, day=30, period_end_month=3), "no such day"),
        (ClockRule(id="x", unit=Unit.BY_DATE, month=9, day=30, period_end_month=13), "not a month"),
        (ClockRule(id="x", unit="fortnights", amount=1), "unknown unit"),  # type: ignore[arg-type]
    ],
)
def test_malformed_rules_are_refused(rule, message):
    with pytest.raises(ClockRuleError, match=message):
        compute_due(rule, D(2025, 3, 10))


def test_a_unit_given_as_text_is_accepted():
    rule = ClockRule(id="x", unit="working_days", amount=5)  # type: ignore[arg-type]
    assert compute_due(rule, D(2025, 3, 3)).unit is Unit.WORKING_DAYS


def test_add_refuses_by_date():
    with pytest.raises(ClockRuleError, match="month, day"):
        add(Unit.BY_DATE, 0, D(2025, 3, 3))


# --- status


@pytest.mark.parametrize(
    ("done", "today", "status"),
    [
        (D(2025, 3, 9), D(2025, 3, 20), ClockStatus.MET),
        (D(2025, 3, 10), D(2025, 3, 20), ClockStatus.MET),  # on the due date is in time
        (D(2025, 3, 11), D(2025, 3, 20), ClockStatus.MET_LATE),
        (None, D(2025, 3, 10), ClockStatus.RUNNING),
        (None, D(2025, 3, 11), ClockStatus.OVERDUE),
    ],
)
def test_status_of(done, today, status):
    assert status_of(D(2025, 3, 10), done, today) == status


def test_days_overdue_and_working_days_left():
    due = D(2025, 12, 30)
    assert days_overdue(due, D(2025, 12, 30)) == 0
    assert days_overdue(due, D(2026, 1, 2)) == 3
    assert days_overdue(due, D(2026, 1, 9), done=D(2025, 12, 31)) == 1
    assert working_days_left(due, D(2025, 12, 19)) == 5
    assert working_days_left(due, due) == 0
    assert working_days_left(due, D(2026, 1, 2)) == -2  # 31 Dec and 2 Jan


# --- properties

days = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))
working_rules = st.builds(
    ClockRule, id=st.just(""), unit=st.just(Unit.WORKING_DAYS), amount=st.integers(0, 80)
)
any_forward_rule = st.one_of(
    working_rules,
    st.builds(ClockRule, id=st.just(""), unit=st.just(Unit.CALENDAR_DAYS),
              amount=st.integers(0, 400)),
    st.builds(ClockRule, id=st.just(""), unit=st.just(Unit.MONTHS), amount=st.integers(0, 36)),
    st.builds(ClockRule, id=st.just(""), unit=st.just(Unit.BY_DATE), month=st.integers(1, 12),
              day=st.integers(1, 28), period_end_month=st.integers(1, 12)),
)  # fmt: skip
pause_lists = st.lists(
    st.tuples(days, st.integers(0, 30)).map(lambda p: (p[0], p[0] + timedelta(days=p[1]))),
    max_size=3,
)


@given(working_rules, days, pause_lists)
def test_a_working_days_due_date_is_a_working_day(rule, start, pauses):
    due = compute_due(rule, start, pauses=pauses).due
    assert is_working_day(due)
    assert not any(f <= due <= t for f, t in pauses)


@given(any_forward_rule, days, days)
def test_a_later_start_never_gives_an_earlier_due_date(rule, a, b):
    a, b = sorted((a, b))
    assert compute_due(rule, a).due <= compute_due(rule, b).due


@given(any_forward_rule, days, pause_lists)
def test_pauses_never_bring_a_due_date_forward(rule, start, pauses):
    assert compute_due(rule, start, pauses=pauses).due >= compute_due(rule, start).due


@given(working_rules, days, pause_lists)
def test_skipped_are_the_bank_holidays_between_start_and_due(rule, start, pauses):
    result = compute_due(rule, start, pauses=pauses)
    assert all(is_bank_holiday(d) for d in result.skipped)
    assert list(result.skipped) == bank_holidays_between(start + timedelta(days=1), result.due)


@given(any_forward_rule, days)
def test_every_clock_explains_itself_in_one_line(rule, start):
    result = compute_due(rule, start)
    assert "\n" not in result.explanation
    assert result.explanation.endswith(f"→ {result.due:%a} {result.due.day} {result.due:%b %Y}")


@pytest.mark.parametrize(
    ("unit", "amount", "start", "before"),
    [
        ("working_days", 5, date(9999, 12, 30), False),
        ("calendar_days", 5, date(9999, 12, 30), False),
        ("months", 1, date(9999, 12, 30), False),
        ("calendar_days", 5, date(1, 1, 2), True),
        ("months", 1, date(1, 1, 2), True),
        ("working_days", 5, date(1, 1, 2), True),
    ],
)
def test_a_due_date_beyond_the_calendar_is_a_clock_error_not_an_overflow(
    unit, amount, start, before
):
    with pytest.raises(ClockRuleError, match="outside the calendar"):
        add(unit, amount, start, before=before)

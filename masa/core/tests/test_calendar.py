"""England & Wales bank holidays and working-day arithmetic, checked against gov.uk's list.

The expected lists are typed from https://www.gov.uk/bank-holidays, not generated from the code.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masa.core.clocks.calendar import (
    add_working_days,
    bank_holidays_between,
    holiday_name,
    is_bank_holiday,
    is_working_day,
    subtract_working_days,
    working_days_between,
)

D = date

GOV_UK_BANK_HOLIDAYS = {
    2019: [D(2019, 1, 1), D(2019, 4, 19), D(2019, 4, 22), D(2019, 5, 6), D(2019, 5, 27),
           D(2019, 8, 26), D(2019, 12, 25), D(2019, 12, 26)],
    # VE Day: early May bank holiday moved from Mon 4 May to Fri 8 May; Boxing Day (Sat) -> 28 Dec
    2020: [D(2020, 1, 1), D(2020, 4, 10), D(2020, 4, 13), D(2020, 5, 8), D(2020, 5, 25),
           D(2020, 8, 31), D(2020, 12, 25), D(2020, 12, 28)],
    # Christmas on a Saturday: substitute days Mon 27 and Tue 28 Dec
    2021: [D(2021, 1, 1), D(2021, 4, 2), D(2021, 4, 5), D(2021, 5, 3), D(2021, 5, 31),
           D(2021, 8, 30), D(2021, 12, 27), D(2021, 12, 28)],
    # New Year substitute 3 Jan; spring holiday moved to Thu 2 Jun and Platinum Jubilee Fri 3 Jun;
    # State Funeral Mon 19 Sep; Christmas on a Sunday: substitute Tue 27 Dec
    2022: [D(2022, 1, 3), D(2022, 4, 15), D(2022, 4, 18), D(2022, 5, 2), D(2022, 6, 2),
           D(2022, 6, 3), D(2022, 8, 29), D(2022, 9, 19), D(2022, 12, 26), D(2022, 12, 27)],
    # New Year substitute Mon 2 Jan; Coronation Mon 8 May
    2023: [D(2023, 1, 2), D(2023, 4, 7), D(2023, 4, 10), D(2023, 5, 1), D(2023, 5, 8),
           D(2023, 5, 29), D(2023, 8, 28), D(2023, 12, 25), D(2023, 12, 26)],
    2024: [D(2024, 1, 1), D(2024, 3, 29), D(2024, 4, 1), D(2024, 5, 6), D(2024, 5, 27),
           D(2024, 8, 26), D(2024, 12, 25), D(2024, 12, 26)],
    2025: [D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26),
           D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26)],
    2026: [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25),
           D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)],
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(GOV_UK_BANK_HOLIDAYS))
def test_bank_holidays_match_gov_uk(year):
    assert bank_holidays_between(D(year, 1, 1), D(year, 12, 31)) == GOV_UK_BANK_HOLIDAYS[year]


@pytest.mark.parametrize(
    ("day", "name_contains"),
    [
        (D(2020, 5, 8), "May Day"),  # VE Day 75th anniversary, moved from Mon 4 May
        (D(2022, 6, 2), "Spring Bank Holiday"),  # moved from Mon 30 May
        (D(2022, 6, 3), "Platinum Jubilee"),
        (D(2022, 9, 19), "State Funeral"),
        (D(2023, 5, 8), "Coronation"),
        (D(2021, 12, 27), "Christmas Day"),
        (D(2021, 12, 28), "Boxing Day"),
        (D(2022, 12, 27), "Christmas Day"),
        (D(2023, 1, 2), "New Year"),
        (D(2025, 4, 18), "Good Friday"),
        (D(2025, 4, 21), "Easter Monday"),
    ],
)
def test_one_off_and_substitute_days_are_named(day, name_contains):
    assert name_contains in holiday_name(day)
    assert is_bank_holiday(day)
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        D(2020, 5, 4),  # the early May Monday that VE Day replaced
        D(2022, 5, 30),  # the spring Monday the Jubilee replaced
        D(2025, 12, 24),  # Christmas Eve is not a bank holiday
        D(2025, 12, 31),
        D(2025, 3, 3),
    ],
)
def test_ordinary_weekdays_are_working_days(day):
    assert is_working_day(day)
    assert holiday_name(day) is None


@pytest.mark.parametrize(
    "day",
    [
        D(2021, 12, 25),  # Christmas on a Saturday: a weekend day, not a bank holiday
        D(2022, 1, 1),
        D(2020, 12, 26),
        D(2025, 3, 8),
        D(2025, 3, 9),
    ],
)
def test_weekends_are_neither_working_days_nor_bank_holidays(day):
    assert not is_working_day(day)
    assert not is_bank_holiday(day)
    assert holiday_name(day) is None


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (D(2025, 3, 3), 0, D(2025, 3, 3)),  # a working day: itself
        (D(2025, 3, 8), 0, D(2025, 3, 10)),  # Saturday: the next working day
        (D(2025, 12, 25), 0, D(2025, 12, 29)),
        (D(2025, 3, 7), 1, D(2025, 3, 10)),  # Friday + 1 = Monday
        (D(2025, 3, 8), 1, D(2025, 3, 10)),  # Saturday + 1 = Monday
        (D(2025, 12, 24), 1, D(2025, 12, 29)),
        (D(2025, 12, 31), 1, D(2026, 1, 2)),
        (D(2021, 12, 24), 1, D(2021, 12, 29)),  # substitute days 27 and 28 Dec
        (D(2022, 12, 30), 1, D(2023, 1, 3)),  # substitute Mon 2 Jan
    ],
)
def test_add_working_days(start, n, expected):
    assert add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("end", "n", "expected"),
    [
        (D(2025, 3, 10), 0, D(2025, 3, 10)),
        (D(2025, 3, 9), 0, D(2025, 3, 7)),  # Sunday: the working day before
        (D(2025, 3, 10), 1, D(2025, 3, 7)),
        (D(2025, 9, 10), 5, D(2025, 9, 3)),
        (D(2026, 1, 2), 5, D(2025, 12, 23)),  # back over 1 Jan, 26 and 25 Dec
        (D(2025, 4, 22), 2, D(2025, 4, 16)),  # back over Easter Monday and Good Friday
    ],
)
def test_subtract_working_days(end, n, expected):
    assert subtract_working_days(end, n) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (D(2025, 3, 3), D(2025, 3, 3), 0),
        (D(2025, 3, 3), D(2025, 3, 10), 5),
        (D(2025, 12, 19), D(2025, 12, 30), 5),
        (D(2025, 12, 24), D(2026, 1, 2), 4),  # 29, 30, 31 Dec and 2 Jan
        (D(2025, 1, 1), D(2025, 12, 31), 253),  # 261 weekdays less 8 bank holidays
        (D(2025, 3, 10), D(2025, 3, 3), -5),
    ],
)
def test_working_days_between(a, b, expected):
    assert working_days_between(a, b) == expected


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2025, 3, 3), -1)
    with pytest.raises(ValueError):
        subtract_working_days(D(2025, 3, 3), -1)


def test_bank_holidays_between_includes_both_ends():
    assert bank_holidays_between(D(2025, 12, 25), D(2026, 1, 1)) == [
        D(2025, 12, 25),
        D(2025, 12, 26),
        D(2026, 1, 1),
    ]
    assert bank_holidays_between(D(2026, 1, 1), D(2025, 12, 25)) == []


# --- properties

days = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))
counts = st.integers(min_value=0, max_value=300)


@given(days, counts)
def test_added_day_is_a_working_day(start, n):
    assert is_working_day(add_working_days(start, n))


@given(days, st.integers(min_value=1, max_value=300))
def test_working_days_between_inverts_add(start, n):
    assert working_days_between(start, add_working_days(start, n)) == n


@given(days, counts)
def test_subtract_inverts_add_from_a_working_day(start, n):
    start = add_working_days(start, 0)
    assert subtract_working_days(add_working_days(start, n), n) == start


@given(days, st.integers(min_value=0, max_value=60))
def test_working_days_between_matches_counting_one_by_one(a, span):
    b = a + timedelta(days=span)
    by_hand = sum(1 for i in range(1, span + 1) if is_working_day(a + timedelta(days=i)))
    assert working_days_between(a, b) == by_hand


@given(days, days, counts)
def test_a_later_start_never_gives_an_earlier_working_day(a, b, n):
    a, b = sorted((a, b))
    assert add_working_days(a, n) <= add_working_days(b, n)

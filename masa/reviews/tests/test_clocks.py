"""Review clocks as tables of real dates across bank holidays (England and Wales)."""

from datetime import date

import pytest

from masa.core.clocks.engine import ClockStatus, compute_due
from masa.reviews.clocks import REG16, REG16_WORKING, REG17, practice_clocks, rapid_clocks
from masa.reviews.models import ClockBasis, ReviewSettings
from masa.statute.loader import load_library

from .factories import TODAY, practice_to, rapid_to

pytestmark = pytest.mark.django_db


def due(rule: str, start: date) -> date:
    return compute_due(load_library().clocks[rule], start).due


# WT2018 ch4 / WT2023 ch5 and Panel guidance: 15 working days
@pytest.mark.parametrize("guidance", ["wt2018", "wt2023"])
@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2025, 2, 28), date(2025, 3, 21)),  # no bank holiday
        (date(2025, 4, 24), date(2025, 5, 16)),  # early May bank holiday, 5 May
        (date(2025, 12, 19), date(2026, 1, 14)),  # 25, 26 Dec and 1 Jan
        (date(2026, 3, 19), date(2026, 4, 13)),  # Good Friday 3 Apr, Easter Monday 6 Apr
    ],
)
def test_rapid_review_is_due_15_working_days_on(guidance, start, expected):
    assert due(f"{guidance}.rapid-review", start) == expected


# SI 2018/789 reg 16: at least 7 days before publication; the guidance's working-day reading
@pytest.mark.parametrize(
    ("publication", "calendar", "working"),
    [
        (date(2025, 12, 29), date(2025, 12, 22), date(2025, 12, 16)),  # Christmas
        (date(2026, 4, 7), date(2026, 3, 31), date(2026, 3, 25)),  # Easter
        (date(2026, 6, 10), date(2026, 6, 3), date(2026, 6, 1)),  # no bank holiday
    ],
)
def test_copies_are_due_7_days_before_publication_both_readings(publication, calendar, working):
    assert due(REG16, publication) == calendar
    assert due(REG16_WORKING, publication) == working


# SI 2018/789 reg 17: kept published at least 12 months
@pytest.mark.parametrize(
    ("published", "until"),
    [
        (date(2025, 7, 8), date(2026, 7, 8)),
        (date(2024, 2, 29), date(2025, 2, 28)),  # leap day: the month's last day
        (date(2025, 12, 25), date(2026, 12, 25)),  # calendar months ignore bank holidays
    ],
)
def test_kept_published_for_12_months(published, until):
    assert due(REG17, published) == until


def test_rapid_clock_counts_from_the_chosen_start(partnership, manager):
    review = rapid_to("open", partnership, manager)
    [clock] = rapid_clocks(review, guidance="wt2023", today=date(2026, 1, 2))
    assert clock.due.start == date(2025, 12, 19) and clock.due.due == date(2026, 1, 14)
    assert clock.status == ClockStatus.RUNNING
    assert "skipping 25 Dec, 26 Dec and 1 Jan" in clock.due.explanation
    review.clock_start_basis = ClockBasis.PARTNERS_AWARE
    [clock] = rapid_clocks(review, guidance="wt2023", today=date(2026, 1, 20))
    assert clock.due.start == date(2025, 12, 17) and clock.due.due == date(2026, 1, 12)
    assert clock.status == ClockStatus.OVERDUE


def test_rapid_clock_is_met_late_when_sent_after_the_due_date(partnership, manager):
    review = rapid_to("sent", partnership, manager)  # sent Fri 9 Jan 2026, due Wed 14 Jan
    [clock] = rapid_clocks(review, guidance="wt2023", today=TODAY)
    assert clock.status == ClockStatus.MET
    review.sent_to_panel_on = date(2026, 1, 15)
    [clock] = rapid_clocks(review, guidance="wt2023", today=TODAY)
    assert clock.status == ClockStatus.MET_LATE


def test_a_pause_moves_the_rapid_review_clock(partnership, manager):
    from masa.clocks.services import clock_pause

    review = rapid_to("open", partnership, manager)
    clock_pause(
        subject=review, rule="wt2023.rapid-review", from_date=date(2026, 1, 5),
        to_date=date(2026, 1, 6), reason="Criminal investigation", by=manager,
    )  # fmt: skip
    [clock] = rapid_clocks(review, guidance="wt2023", today=TODAY)
    assert clock.due.due == date(2026, 1, 16) and len(clock.events) == 1


def test_practice_clocks_six_months_reg16_reg17(partnership, manager):
    review = practice_to("published", partnership, manager)
    settings = ReviewSettings(partnership=partnership, include_working_day_reading=True)
    clocks = {
        c.rule: c
        for c in practice_clocks(review, settings=settings, today=TODAY, six_months="statutory")
    }
    six = clocks["wt2018.lcspr-complete"]
    assert six.due.due == date(2026, 7, 12) and six.status == ClockStatus.MET
    # published Fri 1 May 2026; copies went Tue 21 Apr: 7 days before is Fri 24 Apr
    assert clocks[REG16].due.due == date(2026, 4, 24) and clocks[REG16].status == ClockStatus.MET
    # 7 working days before Fri 1 May 2026 is Wed 22 Apr
    assert clocks[REG16_WORKING].due.due == date(2026, 4, 22)
    assert clocks[REG16_WORKING].status == ClockStatus.MET
    assert clocks[REG17].due.due == date(2027, 5, 1)
    assert clocks[REG17].status == ClockStatus.RUNNING


def test_six_month_expectation_is_flagged_overdue(partnership, manager):
    review = practice_to("in_progress", partnership, manager)
    [six] = practice_clocks(
        review,
        settings=ReviewSettings(partnership=partnership),
        today=date(2026, 7, 13),
        six_months="statutory",
    )
    assert six.status == ClockStatus.OVERDUE and "WT2018" in six.what


@pytest.mark.parametrize(
    ("guidance", "opted_in", "rules", "basis"),
    [
        ("wt2018", False, ["wt2018.lcspr-complete"], "statutory"),  # WT2018 ch4 expectation
        ("wt2018", True, ["wt2018.lcspr-complete"], "statutory"),
        ("wt2023", False, [], None),  # WT2023 sets no period: no clock
        ("wt2023", True, ["wt2018.lcspr-complete"], "local_default"),
    ],
)
def test_six_months_runs_for_wt2018_and_for_wt2023_only_by_opt_in(
    partnership, manager, guidance, opted_in, rules, basis
):
    from masa.reviews.clocks import clock_rules, clocks_for

    partnership.guidance = guidance
    partnership.practice_review_six_months = opted_in
    partnership.save()
    review = practice_to("in_progress", partnership, manager)
    clocks = practice_clocks(
        review,
        settings=ReviewSettings(partnership=partnership),
        today=TODAY,
        six_months=partnership.six_month_practice_reviews,
    )
    assert [c.rule for c in clocks] == rules
    assert [r for r, _ in clock_rules("practice", partnership)] == rules
    views = [v for v in clocks_for(partnership, today=TODAY) if v.rule == "wt2018.lcspr-complete"]
    assert [v.basis for v in views] == ([basis] if basis else [])
    if basis == "local_default":
        assert clocks[0].due.basis_label == "Local default, not statutory"
        assert views[0].as_json()["statutory"] is False
        assert "WT2018" not in clocks[0].what


@pytest.mark.parametrize("count", [1, 4])
def test_the_provider_runs_a_bounded_number_of_queries(
    partnership, manager, count, django_assert_max_num_queries
):
    from masa.reviews.clocks import clocks_for

    for _ in range(count):
        rapid_to("sent", partnership, manager)
        practice_to("published", partnership, manager)
    with django_assert_max_num_queries(7):
        views = clocks_for(partnership, today=TODAY)
    # rapid review, reg 16 and reg 17 (a WT2023 partnership runs no 6-month clock)
    assert len(views) == count * 3

"""The statutory clocks of rapid and practice reviews, and their provider for the clock dashboard
(masa.clocks.registry).

- Rapid review: 15 working days (WT2018 ch4 / WT2023 ch5, Panel guidance) from the date the
  partnership chose: the notification sent to the Panel, or the partners becoming aware. Done when
  the rapid review is sent to the Panel.
- Practice review: 6 months from initiation, WT2018's expectation: it runs for WT2018 partnerships,
  and for a WT2023 partnership only if it keeps it as a local default
  (`Partnership.practice_review_six_months`), labelled "Local default, not statutory"; copies to the Secretary
  of State and the Panel at least 7 days before the planned publication (SI 2018/789 reg 16), with
  the guidance's working-day reading when the partnership asks for it; kept published at least
  12 months (reg 17).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from masa.clocks.models import ClockEvent
from masa.clocks.registry import ClockView
from masa.clocks.selectors import due_with_events, events_for
from masa.core.clocks.engine import ClockStatus, DueDate, long_date, status_of
from masa.core.clocks.rules import Basis, Unit
from masa.statute.loader import load_library

from .models import (
    ClockBasis,
    PracticeReview,
    RapidReview,
    ReviewCheckpoint,
    ReviewerAppointment,
    ReviewSettings,
)
from .workflow import PracticeStatus

REG16 = "si2018-789.report-before-publication"
REG16_WORKING = "wt2023.report-before-publication-working"
REG17 = "si2018-789.keep-published"
SIX_MONTHS = "wt2018.lcspr-complete"
# SI 2018/789 reg 14(1) asks for "regular intervals"; the interval is the partnership's setting
CHECKPOINT = "si2018-789.reg14.monitor-time-quality"
CHECKPOINT_CITATION = "SI 2018/789 reg 14(1)"
# checkpoints fall due while the review is under way (as services.practice.CHECKPOINT_STATUSES)
CHECKPOINTS_DUE = frozenset({PracticeStatus.REVIEWER_APPOINTED, PracticeStatus.IN_PROGRESS})
Events = dict[tuple[int, str], list[ClockEvent]]


@dataclass(frozen=True)
class ReviewClock:
    rule: str
    what: str
    due: DueDate
    done: date | None
    status: ClockStatus
    citation: str
    events: tuple[ClockEvent, ...] = ()


def settings_for(partnership: Any) -> ReviewSettings:
    """The partnership's review settings, or the defaults (unsaved) when none are recorded."""
    found = ReviewSettings.objects.filter(partnership=partnership).first()
    return found or ReviewSettings(partnership=partnership)


def rapid_rule(guidance: str) -> str:
    return f"{guidance}.rapid-review"


def rapid_start(review: RapidReview) -> date | None:
    """The clock's start: the notification's date to the Panel, or the date the partners were told
    (falling back to the date the local authority became aware)."""
    incident = review.incident
    if review.clock_start_basis == ClockBasis.NOTIFICATION_SENT:
        return incident.panel_notified_on
    return incident.partners_notified_on or incident.became_aware_on


def _clock(
    rule_id: str, what: str, start: date, done: date | None, today: date, events: Any = ()
) -> ReviewClock:
    rule = load_library().clocks[rule_id]
    due = due_with_events(rule, start, tuple(events))
    return ReviewClock(
        rule_id, what, due, done, status_of(due.due, done, today), rule.citation, tuple(events)
    )


def rapid_clocks(
    review: RapidReview, *, guidance: str, today: date, events: Events | None = None
) -> list[ReviewClock]:
    start = rapid_start(review)
    if start is None:
        return []
    rule_id = rapid_rule(guidance)
    if events is None:
        events = events_for(partnership=review.partnership_id, model=RapidReview, ids=[review.pk])
    return [
        _clock(
            rule_id,
            "rapid review sent to the Panel",
            start,
            review.sent_to_panel_on,
            today,
            events.get((review.pk, rule_id), ()),
        )
    ]


def copies_sent_on(review: PracticeReview, *, with_ofsted: bool) -> date | None:
    """The day the last required copy went (SoS and Panel; Ofsted too when configured)."""
    dates = [review.sent_to_sos_on, review.sent_to_panel_on]
    if with_ofsted:
        dates.append(review.sent_to_ofsted_on)
    return None if None in dates else max(d for d in dates if d)


def practice_clocks(
    review: PracticeReview,
    *,
    settings: ReviewSettings,
    today: date,
    six_months: str,
    events: Events | None = None,
) -> list[ReviewClock]:
    """The review's clocks. `six_months` is the partnership's `six_month_practice_reviews`:
    "statutory" (WT2018), "local_default" (a WT2023 opt-in) or "" (no 6-month clock)."""
    if events is None:
        events = events_for(
            partnership=review.partnership_id, model=PracticeReview, ids=[review.pk]
        )
    clocks = []
    if six_months:
        six = _clock(
            SIX_MONTHS,
            "published within 6 months of initiation"
            + (" (WT2018 expectation)" if six_months == Basis.STATUTORY else ""),
            review.initiated_on,
            review.published_on,
            today,
            events.get((review.pk, SIX_MONTHS), ()),
        )
        if six_months == Basis.LOCAL_DEFAULT:
            six = replace(six, due=replace(six.due, basis=Basis.LOCAL_DEFAULT))
        clocks.append(six)
    publication = review.published_on or review.planned_publication_on
    if publication:
        sent = copies_sent_on(review, with_ofsted=settings.notify_ofsted)
        who = "Secretary of State, Panel" + (" and Ofsted" if settings.notify_ofsted else "")
        clocks.append(_clock(REG16, f"copies to the {who}", publication, sent, today))
        if settings.include_working_day_reading:
            clocks.append(
                _clock(
                    REG16_WORKING,
                    f"copies to the {who} (guidance's working-day reading)",
                    publication,
                    sent,
                    today,
                )
            )
    if review.published_on:
        keep = _clock(REG17, "kept published", review.published_on, None, today)
        # Reg 17 is a floor, not a task: it is met once the year has run with the report up.
        done = keep.due.due if today >= keep.due.due else None
        clocks.append(
            ReviewClock(
                keep.rule,
                "kept published for at least a year",
                keep.due,
                done,
                status_of(keep.due.due, done, today),
                keep.citation,
            )
        )
    return clocks


def _checkpoint_due(review: PracticeReview, number: int, weeks: int) -> DueDate:
    start = review.initiated_on
    due = start + timedelta(weeks=weeks * number)
    return DueDate(
        rule=CHECKPOINT,
        start=start,
        due=due,
        unit=Unit.CALENDAR_DAYS,
        amount=7 * weeks * number,
        skipped=(),
        explanation=f"Checkpoint {number}: every {weeks} weeks (the partnership's interval) from "
        f"initiation on {long_date(start)} → {long_date(due)}",
        # reg 14(1) asks for monitoring "at regular intervals"; the interval is the partnership's
        basis=Basis.LOCAL_DEFAULT,
    )


def checkpoint_clocks(
    review: PracticeReview,
    *,
    weeks: int,
    today: date,
    held: list[ReviewCheckpoint] | None = None,
) -> list[ReviewClock]:
    """The reg 14(1) progress and quality checkpoints: each one held (done on the day it was held)
    and, while the review is under way, the next one due. `held` defaults to the review's
    checkpoints (prefetched by the callers that list many reviews)."""
    held = list(review.checkpoints.all()) if held is None else held
    clocks = []
    for number, checkpoint in enumerate(held, start=1):
        due = replace(
            _checkpoint_due(review, number, weeks),
            due=checkpoint.due_on,
            explanation=f"Checkpoint {number}, due {long_date(checkpoint.due_on)}, held "
            f"{long_date(checkpoint.held_on)}",
        )
        clocks.append(
            ReviewClock(
                CHECKPOINT,
                f"progress and quality checkpoint {number}",
                due,
                checkpoint.held_on,
                status_of(checkpoint.due_on, checkpoint.held_on, today),
                CHECKPOINT_CITATION,
            )
        )
    if review.status in CHECKPOINTS_DUE:
        number = len(held) + 1
        due = _checkpoint_due(review, number, weeks)
        clocks.append(
            ReviewClock(
                CHECKPOINT,
                f"progress and quality checkpoint {number}",
                due,
                None,
                status_of(due.due, None, today),
                CHECKPOINT_CITATION,
            )
        )
    return clocks


def clock_rules(kind: str, partnership: Any) -> list[tuple[str, str]]:
    """The review's clocks that can be paused or extended (the reg 16 deadline counts back from
    publication and reg 17 is a floor, so neither is offered)."""
    if kind == "rapid":
        return [(rapid_rule(partnership.guidance), "Rapid review (15 working days)")]
    six_months = partnership.six_month_practice_reviews
    if not six_months:
        return []
    if six_months == Basis.LOCAL_DEFAULT:
        return [(SIX_MONTHS, "Six months from initiation (local default, not statutory)")]
    return [(SIX_MONTHS, "Six months from initiation (WT2018 expectation)")]


def clocks_for(partnership: Any, *, today: date) -> list[ClockView]:
    """Every review clock of the partnership, with the practice reviews' checkpoints: two queries
    when it has no reviews, at most eight whatever the number of reviews."""
    views: list[ClockView] = []
    rapids = list(RapidReview.objects.filter(partnership=partnership).select_related("incident"))
    if rapids:
        events = events_for(partnership=partnership, model=RapidReview)
        for rapid in rapids:
            url = reverse("reviews:rapid-detail", args=[partnership.slug, rapid.pk])
            for clock in rapid_clocks(
                rapid, guidance=partnership.guidance, today=today, events=events
            ):
                views.append(ClockView.of(f"{rapid.incident.reference}: {clock.what}", url, clock))
    # the appointed reviewer is reminded of the review's six-month clock as well as the partnership
    appointed = ReviewerAppointment.objects.filter(removed_on__isnull=True, user__isnull=False)
    reviews = list(
        PracticeReview.objects.filter(partnership=partnership).prefetch_related(
            Prefetch("appointments", queryset=appointed, to_attr="reviewers"), "checkpoints"
        )
    )
    if reviews:
        settings = settings_for(partnership)
        events = events_for(partnership=partnership, model=PracticeReview)
        for review in reviews:
            url = reverse("reviews:practice-detail", args=[partnership.slug, review.pk])
            reviewers = tuple(a.user_id for a in review.reviewers if a.user_id)  # type: ignore[attr-defined]
            clocks = practice_clocks(
                review,
                settings=settings,
                today=today,
                six_months=partnership.six_month_practice_reviews,
                events=events,
            )
            clocks += checkpoint_clocks(
                review, weeks=settings.checkpoint_interval_weeks, today=today
            )
            for clock in clocks:
                who = reviewers if clock.rule == SIX_MONTHS else ()
                views.append(
                    ClockView.of(f"{review.reference}: {clock.what}", url, clock, assignees=who)
                )
    return views

"""Reads for reviews, each with the joins its page needs (a bounded number of queries)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet

from masa.clocks.models import ClockEvent
from masa.core.clocks.engine import ClockStatus
from masa.timeline.models import Event
from masa.timeline.selectors import events_for_subject

from .clocks import checkpoint_clocks, practice_clocks
from .models import (
    PracticeReview,
    RapidReview,
    ReportUpload,
    ReviewerAppointment,
    ReviewSettings,
)


def rapid_reviews_for(*, partnership: Any) -> QuerySet[RapidReview]:
    return (
        RapidReview.objects.filter(partnership=partnership)
        .select_related("incident")
        .order_by("-started_on", "-id")
    )


def rapid_review_detail(*, partnership: Any, pk: int) -> RapidReview:
    """The rapid review with its incident, or RapidReview.DoesNotExist."""
    return RapidReview.objects.select_related(
        "incident", "incident__local_authority", "partnership"
    ).get(partnership=partnership, pk=pk)


def practice_reviews_for(*, partnership: Any) -> QuerySet[PracticeReview]:
    return (
        PracticeReview.objects.filter(partnership=partnership)
        .select_related("rapid_review__incident")
        .prefetch_related(
            Prefetch(
                "appointments",
                queryset=ReviewerAppointment.objects.filter(removed_on__isnull=True),
                to_attr="active_appointments",
            )
        )
        .order_by("-initiated_on", "-id")
    )


def practice_review_detail(*, partnership: Any, pk: int) -> PracticeReview:
    """The practice review with its reviewers and checkpoints, or PracticeReview.DoesNotExist."""
    return (
        PracticeReview.objects.select_related("partnership", "rapid_review__incident")
        .prefetch_related("appointments__user", "checkpoints")
        .get(partnership=partnership, pk=pk)
    )


def history_for(*, subject: Any) -> QuerySet[Event]:
    return events_for_subject(subject=subject)


def uploads_of(review: PracticeReview) -> QuerySet[ReportUpload]:
    """The review's report files, every version, newest first within draft then final."""
    return ReportUpload.objects.filter(review=review).order_by("kind", "-version")


@dataclass(frozen=True)
class ReviewerReview:
    """One practice review on its appointed reviewer's home page: its stage and next deadline."""

    review: PracticeReview
    next_due: date | None
    next_what: str
    overdue: bool


def reviews_of_reviewer(user: Any, *, today: date) -> list[ReviewerReview]:
    """The practice reviews `user` is appointed to and not removed from, with the soonest open
    deadline of each (the six-month clock, the next checkpoint, the reg 16 copies). Five queries
    whatever the number of reviews."""
    if not user.is_authenticated:
        return []
    reviews = list(
        PracticeReview.objects.filter(
            appointments__user=user, appointments__removed_on__isnull=True
        )
        .select_related("partnership")
        .prefetch_related("checkpoints")
        .distinct()
        .order_by("initiated_on", "id")
    )
    if not reviews:
        return []
    settings = {
        s.partnership_id: s
        for s in ReviewSettings.objects.filter(partnership__in={r.partnership_id for r in reviews})
    }
    events: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for event in ClockEvent.objects.filter(
        subject_type=ContentType.objects.get_for_model(PracticeReview),
        subject_id__in=[r.pk for r in reviews],
    ).order_by("at", "id"):
        events[(event.subject_id, event.rule)].append(event)
    found = []
    for review in reviews:
        config = settings.get(review.partnership_id) or ReviewSettings(
            partnership=review.partnership
        )
        clocks = practice_clocks(
            review,
            settings=config,
            today=today,
            six_months=review.partnership.six_month_practice_reviews,
            events=events,
        )
        clocks += checkpoint_clocks(review, weeks=config.checkpoint_interval_weeks, today=today)
        open_clocks = sorted((c for c in clocks if c.done is None), key=lambda c: c.due.due)
        first = open_clocks[0] if open_clocks else None
        found.append(
            ReviewerReview(
                review=review,
                next_due=first.due.due if first else None,
                next_what=first.what if first else "",
                overdue=bool(first and first.status == ClockStatus.OVERDUE),
            )
        )
    return found

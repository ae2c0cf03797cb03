"""Reads for reviews, each with the joins its page needs (a bounded number of queries)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from masa.timeline.models import Event
from masa.timeline.selectors import events_for_subject

from .models import PracticeReview, RapidReview, ReviewerAppointment


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

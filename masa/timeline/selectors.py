"""Reads over the timeline. Events about case records (notifications, reviews, and recommendations
made from a review) name cases, so a partnership's history shows them only to those who may read
case records; everyone else gets how many there were (`case_event_counts`)."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Q, QuerySet
from django.db.models.functions import Cast

from .models import Event

# The case models, and what their events are called when only counted.
CASE_MODELS = {
    "incidents.SeriousIncident": "notification",
    "incidents.IncidentChild": "notification",
    "reviews.RapidReview": "rapid review",
    "reviews.PracticeReview": "practice review",
    "reviews.ReviewerAppointment": "practice review",
    "reviews.ReviewCheckpoint": "practice review",
}
CASE_VERBS = {"incident": "notification", "rapid_review": "rapid review",
              "practice_review": "practice review"}  # fmt: skip
FROM_A_REVIEW = "review recommendation"


def _case_types() -> dict[int, str]:
    """content type id → the noun of its events."""
    models = {apps.get_model(label): noun for label, noun in CASE_MODELS.items()}
    return {
        ct.pk: models[model]
        for model, ct in ContentType.objects.get_for_models(
            *models, for_concrete_models=False
        ).items()
    }


def case_events_q() -> Q:
    """Events about a case record: its subject is one, its verb is a case verb, or it records a
    recommendation made from one (whose message names the review)."""
    types = list(_case_types())
    recommendation = apps.get_model("actions", "Recommendation")
    from_cases = (
        recommendation.objects.filter(source_type_id__in=types)
        .annotate(key=Cast("pk", output_field=CharField()))
        .values("key")
    )
    found = Q(subject_type_id__in=types) | Q(
        subject_type=ContentType.objects.get_for_model(recommendation), subject_id__in=from_cases
    )
    for prefix in CASE_VERBS:
        found |= Q(verb__startswith=f"{prefix}.")
    return found


def events_for_partnership(
    *, partnership, limit: int = 50, case_details: bool = True
) -> QuerySet[Event]:
    return history_of(partnership=partnership, case_details=case_details)[:limit]


def history_of(*, partnership, case_details: bool = True) -> QuerySet[Event]:
    """The partnership's events, newest first; without `case_details`, none about a case."""
    rows = Event.objects.filter(partnership=partnership).select_related("actor")
    return rows if case_details else rows.exclude(case_events_q())


def case_event_counts(*, partnership) -> list[tuple[str, int]]:
    """(noun, number) of the partnership's case events by kind, in CASE_MODELS order: what a viewer
    without case access is told instead of the events."""
    types = _case_types()
    counts: dict[str, int] = {}
    for type_id, verb, n in (
        Event.objects.filter(partnership=partnership)
        .filter(case_events_q())
        .values_list("subject_type_id", "verb")
        .annotate(n=Count("id"))
        .order_by()
    ):
        noun = types.get(type_id) or CASE_VERBS.get(verb.split(".", 1)[0]) or FROM_A_REVIEW
        counts[noun] = counts.get(noun, 0) + n
    order = [*dict.fromkeys(CASE_MODELS.values()), FROM_A_REVIEW]
    return sorted(counts.items(), key=lambda item: order.index(item[0]))


def case_events_among(events: list[Event]) -> list[Event]:
    """Those of `events` that are about a case record (one query)."""
    ids = set(
        Event.objects.filter(pk__in=[e.pk for e in events])
        .filter(case_events_q())
        .values_list("pk", flat=True)
    )
    return [e for e in events if e.pk in ids]


def events_for_subject(*, subject) -> QuerySet[Event]:
    return Event.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk)
    ).select_related("actor")

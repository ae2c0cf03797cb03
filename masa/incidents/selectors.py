"""Reads for serious incident notifications, each with the joins its page needs."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from masa.timeline.models import Event
from masa.timeline.selectors import events_for_subject

from .models import SeriousIncident


def incidents_for(
    *, partnership, status: str = "", year: int | None = None
) -> QuerySet[SeriousIncident]:
    rows = (
        SeriousIncident.objects.filter(partnership=partnership)
        .select_related("local_authority")
        .annotate(child_count=Count("children"))
        .order_by("-became_aware_on", "-id")
    )
    if status:
        rows = rows.filter(status=status)
    if year:
        rows = rows.filter(became_aware_on__year=year)
    return rows


def incident_years(*, partnership) -> list[int]:
    dates = SeriousIncident.objects.filter(partnership=partnership).dates(
        "became_aware_on", "year", order="DESC"
    )
    return [d.year for d in dates]


def incident_detail(*, partnership, pk: int) -> SeriousIncident:
    """The incident with its area and children, or SeriousIncident.DoesNotExist."""
    return (
        SeriousIncident.objects.select_related("local_authority", "partnership", "created_by")
        .prefetch_related("children")
        .get(partnership=partnership, pk=pk)
    )


def history_for(*, incident: SeriousIncident) -> QuerySet[Event]:
    return events_for_subject(subject=incident)

"""Reads over the log of case record reads."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from masa.partnerships.models import Partnership

from .models import CaseRead


def reads_for(
    *,
    partnership: Partnership,
    reader: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[CaseRead]:
    """The partnership's logged reads, newest first; `reader` a user id, dates inclusive (local)."""
    rows = CaseRead.objects.filter(partnership=partnership)
    if reader is not None:
        rows = rows.filter(reader_id=reader)
    if since is not None:
        rows = rows.filter(at__date__gte=since)
    if until is not None:
        rows = rows.filter(at__date__lte=until)
    return rows.order_by("-at", "-id")


def readers_of(partnership: Partnership) -> QuerySet:
    """Every person with a logged read of the partnership's case records, by name."""
    ids = CaseRead.objects.filter(partnership=partnership, reader__isnull=False).values("reader_id")
    return (
        get_user_model().objects.filter(pk__in=ids).order_by("first_name", "last_name", "username")
    )

"""Dated facts: how two periods overlap and how a period reads in a sentence.

A period runs from `start` to `end` inclusive; `end=None` means "no end date yet".
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q


def overlapping(start: date, end: date | None) -> Q:
    """Rows (with `start`/`end` fields) whose period shares at least one day with start–end."""
    condition = Q(end__isnull=True) | Q(end__gte=start)
    if end is not None:
        condition &= Q(start__lte=end)
    return condition


def current_on(on: date) -> Q:
    """Rows whose period includes the day `on`."""
    return Q(start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on))


def format_day(day: date) -> str:
    """GOV.UK style: 29 September 2019."""
    return f"{day.day} {day:%B %Y}"


def format_period(start: date, end: date | None) -> str:
    if end is None:
        return f"from {format_day(start)} (no end date)"
    return f"from {format_day(start)} to {format_day(end)}"

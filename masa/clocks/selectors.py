"""Reads for clocks: the recorded events of many subjects in one query, the due date they give,
and the dashboard's sections."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from masa.core.clocks.calendar import add_working_days
from masa.core.clocks.engine import ClockStatus, DueDate, compute_due, long_date
from masa.core.clocks.rules import ClockRule, Unit

from .models import ClockEvent, ClockEventKind
from .registry import ClockView, clocks_for

EventKey = tuple[int, str]  # (subject id, rule id)


def events_for(
    *, partnership: Any, model: type[models.Model], ids: Iterable[int] | None = None
) -> dict[EventKey, list[ClockEvent]]:
    """The pauses and extensions recorded on `model` rows of the partnership, by (id, rule)."""
    rows = ClockEvent.objects.filter(
        partnership=partnership, subject_type=ContentType.objects.get_for_model(model)
    )
    if ids is not None:
        rows = rows.filter(subject_id__in=list(ids))
    found: dict[EventKey, list[ClockEvent]] = defaultdict(list)
    for event in rows.order_by("at", "id"):
        found[(event.subject_id, event.rule)].append(event)
    return found


def due_with_events(rule: ClockRule, start: date, events: Sequence[ClockEvent] = ()) -> DueDate:
    """The engine's due date with recorded pauses, then any extensions added in the rule's unit
    (working days for working-day rules, calendar days otherwise), each explained."""
    pauses = [(e.from_date, e.to_date) for e in events if e.kind == ClockEventKind.PAUSE]
    due = compute_due(rule, start, pauses=pauses)  # type: ignore[arg-type]
    extra = sum(e.days or 0 for e in events if e.kind == ClockEventKind.EXTENSION)
    if not extra:
        return due
    if rule.unit == Unit.WORKING_DAYS:
        moved = add_working_days(due.due, extra)
        noun = "working day" if extra == 1 else "working days"
    else:
        moved = due.due + timedelta(days=extra)
        noun = "day" if extra == 1 else "days"
    return replace(
        due,
        due=moved,
        explanation=f"{due.explanation}, extended by {extra} {noun} → {long_date(moved)}",
    )


@dataclass(frozen=True)
class Dashboard:
    overdue: list[ClockView]
    due_this_week: list[ClockView]
    running: list[ClockView]
    met_late: list[ClockView]
    met: list[ClockView]

    @property
    def total(self) -> int:
        return sum(
            len(s)
            for s in (self.overdue, self.due_this_week, self.running, self.met_late, self.met)
        )


def dashboard_for(*, partnership: object, today: date) -> Dashboard:
    """The partnership's clocks in the dashboard's sections. "Due this week" is a running clock due
    within the next 7 days (today included)."""
    views = clocks_for(partnership, today=today)
    week_end = today + timedelta(days=6)
    running = [v for v in views if v.status == ClockStatus.RUNNING]
    return Dashboard(
        overdue=[v for v in views if v.status == ClockStatus.OVERDUE],
        due_this_week=[v for v in running if v.due <= week_end],
        running=[v for v in running if v.due > week_end],
        met_late=[v for v in views if v.status == ClockStatus.MET_LATE],
        met=[v for v in views if v.status == ClockStatus.MET],
    )

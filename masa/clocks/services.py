"""Writes for clocks: a pause or an extension is a new event with a reason. Nothing here, or
anywhere, edits a due date; the due date is recomputed from the events."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from masa.core.clocks.engine import long_date
from masa.core.errors import InvalidInput
from masa.statute.loader import load_library
from masa.timeline.services import event_record

from .models import ClockEvent, ClockEventKind

MAX_EXTENSION_DAYS = 365


def _refuse(field: str, message: str) -> InvalidInput:
    return InvalidInput(message, {field: [message]})


def _checked(subject: models.Model, rule: str, reason: Any) -> str:
    if subject is None or subject.pk is None or not hasattr(subject, "partnership"):
        raise _refuse("__all__", "Choose a record with a clock")
    clock = load_library().clocks.get(str(rule or ""))
    if clock is None:
        raise _refuse("rule", "Choose a clock from the list")
    if clock.before:
        raise _refuse("rule", "A deadline counted back from its trigger cannot be paused")
    text = str(reason or "").strip()
    if not text:
        raise _refuse("reason", "Enter the reason")
    if len(text) > 2000:
        raise _refuse("reason", "The reason must be 2000 characters or fewer")
    return text


def _record(subject: models.Model, by: Any, **fields: Any) -> ClockEvent:
    return ClockEvent.objects.create(
        partnership=subject.partnership,  # type: ignore[attr-defined]
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        by=by if getattr(by, "is_authenticated", False) else None,
        **fields,
    )


@transaction.atomic
def clock_pause(
    *,
    subject: models.Model,
    rule: str,
    from_date: date,
    to_date: date,
    reason: str,
    by: Any,
) -> ClockEvent:
    """Stop `rule`'s clock on `subject` from `from_date` to `to_date`, both days included."""
    text = _checked(subject, rule, reason)
    if not isinstance(from_date, date):
        raise _refuse("from_date", "Enter the first day of the pause")
    if not isinstance(to_date, date):
        raise _refuse("to_date", "Enter the last day of the pause")
    if to_date < from_date:
        raise _refuse("to_date", "The last day of the pause must be on or after the first day")
    event = _record(
        subject,
        by,
        rule=rule,
        kind=ClockEventKind.PAUSE,
        from_date=from_date,
        to_date=to_date,
        reason=text,
    )
    event_record(
        by=by,
        verb="clock.paused",
        message=f"Paused the clock {rule} on {subject} from {long_date(from_date)} to "
        f"{long_date(to_date)}: {text}",
        subject=subject,
        partnership=subject.partnership,  # type: ignore[attr-defined]
        data={"rule": rule, "from": from_date.isoformat(), "to": to_date.isoformat()},
    )
    return event


@transaction.atomic
def clock_extend(
    *, subject: models.Model, rule: str, days: int, reason: str, by: Any
) -> ClockEvent:
    """Give `rule`'s clock on `subject` `days` more, counted in the rule's own unit."""
    text = _checked(subject, rule, reason)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_EXTENSION_DAYS:
        raise _refuse("days", f"Enter a number of days from 1 to {MAX_EXTENSION_DAYS}")
    event = _record(subject, by, rule=rule, kind=ClockEventKind.EXTENSION, days=days, reason=text)
    event_record(
        by=by,
        verb="clock.extended",
        message=f"Extended the clock {rule} on {subject} by {days} days: {text}",
        subject=subject,
        partnership=subject.partnership,  # type: ignore[attr-defined]
        data={"rule": rule, "days": days},
    )
    return event

"""Writes for clocks: a pause or an extension is a new event with a reason. Nothing here, or
anywhere, edits a due date; the due date is recomputed from the events."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction

from masa.accounts.models import Role
from masa.core.clocks.engine import long_date
from masa.core.errors import refuse
from masa.statute.loader import load_library
from masa.timeline.services import event_record

from .models import OVERDUE, ClockEvent, ClockEventKind, Reminder, ReminderSettings
from .selectors import ReminderLetter, reminder_settings_for, reminders_due

logger = logging.getLogger(__name__)

MAX_EXTENSION_DAYS = 365


def _checked(subject: models.Model, rule: str, reason: Any) -> str:
    if subject is None or subject.pk is None or not hasattr(subject, "partnership"):
        raise refuse("__all__", "Choose a record with a clock")
    clock = load_library().clocks.get(str(rule or ""))
    if clock is None:
        raise refuse("rule", "Choose a clock from the list")
    if clock.before:
        raise refuse("rule", "A deadline counted back from its trigger cannot be paused")
    text = str(reason or "").strip()
    if not text:
        raise refuse("reason", "Enter the reason")
    if len(text) > 2000:
        raise refuse("reason", "The reason must be 2000 characters or fewer")
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
        raise refuse("from_date", "Enter the first day of the pause")
    if not isinstance(to_date, date):
        raise refuse("to_date", "Enter the last day of the pause")
    if to_date < from_date:
        raise refuse("to_date", "The last day of the pause must be on or after the first day")
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
        raise refuse("days", f"Enter a number of days from 1 to {MAX_EXTENSION_DAYS}")
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


MAX_LEAD_DAYS = 60


def _lead_days(value: Any) -> str:
    parts = [p.strip() for p in str(value or "").split(",") if p.strip()]
    if not parts or not all(p.isdigit() and int(p) <= MAX_LEAD_DAYS for p in parts):
        raise refuse(
            "lead_days",
            f"Enter days before the due date as whole numbers from 0 to {MAX_LEAD_DAYS} separated "
            "by commas, like 5,1",
        )
    return ",".join(str(n) for n in sorted({int(p) for p in parts}, reverse=True))


@transaction.atomic
def reminder_settings_update(
    *,
    partnership: Any,
    lead_days: str,
    send_overdue: bool,
    roles: list[str],
    overdue_roles: list[str],
    by: Any,
) -> ReminderSettings:
    known = set(Role.values)
    if not roles or not set(roles) <= known:
        raise refuse("roles", "Select at least one role to remind before the due date")
    if send_overdue and (not overdue_roles or not set(overdue_roles) <= known):
        raise refuse("overdue_roles", "Select at least one role to tell when a clock is overdue")
    config = reminder_settings_for(partnership)
    config.lead_days = _lead_days(lead_days)
    config.send_overdue = bool(send_overdue)
    config.roles = sorted(set(roles))
    config.overdue_roles = sorted(set(overdue_roles) & known)
    config.save()
    event_record(
        by=by,
        verb="clock.reminder_settings_updated",
        message=f"Changed clock reminders: {config.lead_days} days before the due date"
        + (", and when overdue" if config.send_overdue else ""),
        subject=partnership,
        partnership=partnership,
        data={"lead_days": config.lead_days, "send_overdue": config.send_overdue},
    )
    return config


def reminder_email(letter: ReminderLetter, *, partnership: Any, today: date) -> EmailMessage:
    """Plain text, one clock a paragraph. Subjects carry case references only, never a name."""
    count = len(letter.items)
    lines = [
        f"{partnership.name}: {count} statutory clock{'s' if count != 1 else ''} to act on "
        f"(as of {long_date(today)}).",
        "",
    ]
    for item in letter.items:
        view = item.view
        when = "overdue" if item.lead == OVERDUE else f"reminder {item.lead} days ahead"
        lines += [
            view.subject + (f" [{view.basis_label}]" if view.basis_label else ""),
            f"  Rule: {view.rule}",
            f"  Due: {long_date(view.due) if view.due else 'no timescale'} "
            f"({str(view.status).replace('_', ' ')}; {when})",
            f"  How: {view.explanation}",
            f"  Open: {view.subject_url}",
            "",
        ]
    lines.append("You get this because of your role in the partnership. MASA")
    return EmailMessage(
        subject=f"{partnership.short_name or partnership.name}: {count} statutory "
        f"clock{'s' if count != 1 else ''} due or overdue",
        body="\n".join(lines),
        to=[letter.recipient.email],
    )


@dataclass
class ReminderRun:
    partnership: Any
    letters: list[ReminderLetter]
    sent: list[ReminderLetter] = field(default_factory=list)
    failed: list[ReminderLetter] = field(default_factory=list)


def reminders_send(*, partnership: Any, today: date, by: Any = None) -> ReminderRun:
    """Email each person the clocks they have not yet been reminded of, and record each reminder.

    Per recipient, the Reminder rows are written and then the email is sent inside one atomic
    block: if sending fails the rows roll back and the next run retries (at least once rather than
    at most once; a crash between the send and the commit can repeat one email). The unique
    constraint stops a concurrent run: its insert fails before it sends. One timeline event per
    partnership per run that sent anything."""
    run = ReminderRun(partnership, reminders_due(partnership=partnership, today=today))
    for letter in run.letters:
        try:
            with transaction.atomic():
                Reminder.objects.bulk_create(
                    Reminder(
                        partnership=partnership,
                        subject_key=item.view.subject_url,
                        rule=item.view.rule,
                        due=item.view.due,  # type: ignore[misc]  # reminders only for a due date
                        lead=item.lead,
                        recipient=letter.recipient,
                    )
                    for item in letter.items
                )
                reminder_email(letter, partnership=partnership, today=today).send()
        except IntegrityError:  # another run wrote these first, and sends them
            continue
        except Exception:  # any mail backend's failure; the rows are rolled back
            logger.exception("Clock reminder to user %s failed", letter.recipient.pk)
            run.failed.append(letter)
        else:
            run.sent.append(letter)
    if run.sent:
        clocks = sum(len(letter.items) for letter in run.sent)
        event_record(
            by=by,
            verb="clock.reminders_sent",
            message=f"Sent clock reminders: {clocks} reminder{'s' if clocks != 1 else ''} to "
            f"{len(run.sent)} {'people' if len(run.sent) != 1 else 'person'}",
            partnership=partnership,
            data={"today": today.isoformat(), "recipients": [s.recipient.pk for s in run.sent]},
        )
    return run

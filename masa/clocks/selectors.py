"""Reads for clocks: the recorded events of many subjects in one query, the due date they give,
and the dashboard's sections."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from masa.accounts.models import Membership, User
from masa.core.clocks.calendar import add_working_days
from masa.core.clocks.engine import ClockStatus, DueDate, compute_due, long_date
from masa.core.clocks.rules import ClockRule, Unit

from .models import OVERDUE, ClockEvent, ClockEventKind, Reminder, ReminderSettings
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
    untimed: list[ClockView] = field(default_factory=list)  # no timescale in the guidance

    @property
    def total(self) -> int:
        return sum(
            len(s)
            for s in (
                self.overdue, self.due_this_week, self.running, self.met_late, self.met,
                self.untimed,
            )
        )  # fmt: skip


def dashboard_for(*, partnership: object, today: date) -> Dashboard:
    """The partnership's clocks in the dashboard's sections. "Due this week" is a running clock due
    within the next 7 days (today included)."""
    views = clocks_for(partnership, today=today)
    week_end = today + timedelta(days=6)
    running = [v for v in views if v.status == ClockStatus.RUNNING]
    return Dashboard(
        overdue=[v for v in views if v.status == ClockStatus.OVERDUE],
        due_this_week=[v for v in running if v.due and v.due <= week_end],
        running=[v for v in running if v.due and v.due > week_end],
        met_late=[v for v in views if v.status == ClockStatus.MET_LATE],
        met=[v for v in views if v.status == ClockStatus.MET],
        untimed=[v for v in views if v.due is None],
    )


def reminder_settings_for(partnership: Any) -> ReminderSettings:
    """The partnership's reminder settings, or the defaults (unsaved) when it has none."""
    found = ReminderSettings.objects.filter(partnership=partnership).first()
    return found or ReminderSettings(partnership=partnership)


def reminder_lead(view: ClockView, *, leads: Sequence[int], send_overdue: bool, today: date) -> str:
    """Which reminder a clock is in today: "overdue", the smallest lead it is within ("1" on the
    last day when the leads are 5 and 1), or "" for none. A lead covers the whole span up to the
    next one, so a day the scheduler missed is caught up on the next run."""
    if view.done is not None or view.due is None:
        return ""
    if view.status == ClockStatus.OVERDUE:
        return OVERDUE if send_overdue else ""
    days = (view.due - today).days
    within = [lead for lead in leads if days <= lead]
    return str(min(within)) if within else ""


@dataclass(frozen=True, slots=True)
class ReminderItem:
    view: ClockView
    lead: str


@dataclass(frozen=True, slots=True)
class ReminderLetter:
    """The clocks one person is to be reminded of today, none of them sent before."""

    recipient: Any  # accounts.User
    items: tuple[ReminderItem, ...]


def reminders_due(*, partnership: Any, today: date) -> list[ReminderLetter]:
    """Who is to be reminded of which clocks today: active members of the partnership holding a
    configured role, and the people a clock names as answerable for it (an appointed reviewer),
    each with an email address, less what the Reminder rows say was already sent. Four queries
    beyond the clock providers'."""
    config = reminder_settings_for(partnership)
    leads = config.leads
    items = []
    for view in clocks_for(partnership, today=today):
        lead = reminder_lead(view, leads=leads, send_overdue=config.send_overdue, today=today)
        if lead:
            items.append(ReminderItem(view, lead))
    if not items:
        return []
    wanted = set(config.roles) | set(config.overdue_roles)
    members = (
        Membership.objects.filter(
            partnership=partnership, is_active=True, role__in=wanted, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__username", "role")
    )
    roles_of: dict[int, set[str]] = defaultdict(set)
    users: dict[int, Any] = {}
    for member in members:
        roles_of[member.user_id].add(member.role)
        users[member.user_id] = member.user
    assigned = {user_id for item in items for user_id in item.view.assignees} - set(users)
    if assigned:
        for user in User.objects.filter(pk__in=assigned, is_active=True).exclude(email=""):
            users[user.pk] = user
    sent = set(
        Reminder.objects.filter(
            partnership=partnership,
            recipient_id__in=list(users),
            subject_key__in={i.view.subject_url for i in items},
        ).values_list("subject_key", "rule", "due", "lead", "recipient_id")
    )
    letters = []
    for user_id, user in users.items():
        roles = roles_of[user_id]
        mine = tuple(
            item
            for item in items
            if (
                roles & set(config.overdue_roles if item.lead == OVERDUE else config.roles)
                or user_id in item.view.assignees
            )
            and (item.view.subject_url, item.view.rule, item.view.due, item.lead, user_id)
            not in sent
        )
        if mine:
            letters.append(ReminderLetter(user, mine))
    return letters

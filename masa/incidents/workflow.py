"""A notification's workflow as a table (STYLE.md habit 6): recorded as a draft, notified once the
Panel has it, closed when nothing more is due."""

from __future__ import annotations

from django.db import models

from masa.core.errors import TransitionNotAllowed


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    NOTIFIED = "notified", "Notified"
    CLOSED = "closed", "Closed"


TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.NOTIFIED}),
    Status.NOTIFIED: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
}
TERMINAL = frozenset(s for s, nexts in TRANSITIONS.items() if not nexts)
OPEN = frozenset(TRANSITIONS) - TERMINAL
ACTION_LABELS: dict[str, str] = {Status.NOTIFIED: "Mark as notified", Status.CLOSED: "Close"}


def allowed(status: str) -> frozenset[str]:
    return TRANSITIONS.get(status, frozenset())


def check_transition(current: str, target: str) -> None:
    if target not in allowed(current):
        label = dict(Status.choices)
        raise TransitionNotAllowed(
            f"A notification cannot move from {label.get(current, current).lower()} to "
            f"{label.get(target, target).lower()}"
        )

"""The two review workflows as tables (STYLE.md habit 6). Open and terminal sets are derived from
the tables; a page offers only the moves the table allows."""

from __future__ import annotations

from django.db import models

from masa.core.errors import TransitionNotAllowed


class RapidStatus(models.TextChoices):
    OPEN = "open", "Open"
    DECIDED = "decided", "Decided"
    SENT = "sent", "Sent to the Panel"
    PANEL_RESPONDED = "panel_responded", "Panel responded"
    CLOSED = "closed", "Closed"


class PracticeStatus(models.TextChoices):
    # a new review: initiated, its terms of reference not yet agreed
    INITIATED = "initiated", "Initiated"
    TOR_AGREED = "tor_agreed", "Terms of reference agreed"
    REVIEWER_APPOINTED = "reviewer_appointed", "Reviewer appointed"
    IN_PROGRESS = "in_progress", "In progress"
    REPORT_RECEIVED = "report_received", "Report received"
    PUBLICATION_DECIDED = "publication_decided", "Publication decided"
    SENT_TO_SOS_PANEL = "sent_to_sos_panel", "Sent to the Secretary of State and Panel"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"


def _linear(statuses: list[str]) -> dict[str, frozenset[str]]:
    return {
        s: frozenset({statuses[i + 1]}) if i + 1 < len(statuses) else frozenset()
        for i, s in enumerate(statuses)
    }


RAPID_TRANSITIONS: dict[str, frozenset[str]] = _linear(list(RapidStatus.values))
PRACTICE_TRANSITIONS: dict[str, frozenset[str]] = _linear(list(PracticeStatus.values))

RAPID_TERMINAL = frozenset(s for s, nexts in RAPID_TRANSITIONS.items() if not nexts)
RAPID_OPEN = frozenset(RAPID_TRANSITIONS) - RAPID_TERMINAL
PRACTICE_TERMINAL = frozenset(s for s, nexts in PRACTICE_TRANSITIONS.items() if not nexts)
PRACTICE_OPEN = frozenset(PRACTICE_TRANSITIONS) - PRACTICE_TERMINAL

_TABLES = {
    "rapid review": (RAPID_TRANSITIONS, RapidStatus),
    "practice review": (PRACTICE_TRANSITIONS, PracticeStatus),
}


def allowed(kind: str, status: str) -> frozenset[str]:
    return _TABLES[kind][0].get(status, frozenset())


def check_transition(kind: str, current: str, target: str) -> None:
    """Raise TransitionNotAllowed unless the `kind` ("rapid review" or "practice review") table
    allows `current` → `target`."""
    if target not in allowed(kind, current):
        labels = dict(_TABLES[kind][1].choices)
        raise TransitionNotAllowed(
            f"A {kind} cannot move from {str(labels.get(current, current)).lower()} to "
            f"{str(labels.get(target, target)).lower()}"
        )

"""The two workflows of the learning pipeline as tables (STYLE.md habit 6): a recommendation from
open to closed (or rejected), and an action from not started to signed off by the partners."""

from __future__ import annotations

from django.db import models

from masa.core.errors import TransitionNotAllowed


class RecommendationStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Accepted"
    IMPLEMENTED = "implemented", "Implemented"
    IMPACT_EVIDENCED = "impact_evidenced", "Impact evidenced"
    CLOSED = "closed", "Closed"
    REJECTED = "rejected", "Rejected"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    BLOCKED = "blocked", "Blocked"
    IMPLEMENTED = "implemented", "Implemented"
    IMPACT_EVIDENCED = "impact_evidenced", "Impact evidenced"
    SIGNED_OFF = "signed_off", "Signed off"


R, A = RecommendationStatus, ActionStatus

RECOMMENDATION_TRANSITIONS: dict[str, frozenset[str]] = {
    R.OPEN: frozenset({R.ACCEPTED, R.REJECTED}),
    R.ACCEPTED: frozenset({R.IMPLEMENTED, R.REJECTED}),
    R.IMPLEMENTED: frozenset({R.IMPACT_EVIDENCED}),
    R.IMPACT_EVIDENCED: frozenset({R.CLOSED}),
    R.CLOSED: frozenset(),
    R.REJECTED: frozenset(),
}
ACTION_TRANSITIONS: dict[str, frozenset[str]] = {
    A.NOT_STARTED: frozenset({A.IN_PROGRESS}),
    A.IN_PROGRESS: frozenset({A.BLOCKED, A.IMPLEMENTED}),
    A.BLOCKED: frozenset({A.IN_PROGRESS}),
    A.IMPLEMENTED: frozenset({A.IMPACT_EVIDENCED}),
    A.IMPACT_EVIDENCED: frozenset({A.SIGNED_OFF}),
    A.SIGNED_OFF: frozenset(),
}
RECOMMENDATION_TERMINAL = frozenset(s for s, n in RECOMMENDATION_TRANSITIONS.items() if not n)
ACTION_TERMINAL = frozenset(s for s, n in ACTION_TRANSITIONS.items() if not n)
# An action past these is no longer "overdue": the work is done, what follows is evidence of impact.
ACTION_DONE = frozenset({A.IMPLEMENTED, A.IMPACT_EVIDENCED, A.SIGNED_OFF})
ACTION_OPEN = frozenset(ACTION_TRANSITIONS) - ACTION_DONE

RECOMMENDATION_LABELS: dict[str, str] = {
    R.ACCEPTED: "Accept",
    R.REJECTED: "Reject",
    R.IMPLEMENTED: "Mark as implemented",
    R.IMPACT_EVIDENCED: "Mark impact as evidenced",
    R.CLOSED: "Close (partners signed off)",
}
ACTION_LABELS: dict[str, str] = {
    A.IN_PROGRESS: "Start (in progress)",
    A.BLOCKED: "Mark as blocked",
    A.IMPLEMENTED: "Mark as implemented",
    A.IMPACT_EVIDENCED: "Mark impact as evidenced",
    A.SIGNED_OFF: "Sign off",
}
# GOV.UK tag colour per status; the tag always carries the status in words too.
TAGS: dict[str, str] = {
    "open": "govuk-tag--blue",
    "accepted": "govuk-tag--light-blue",
    "not_started": "govuk-tag--grey",
    "in_progress": "govuk-tag--blue",
    "blocked": "govuk-tag--orange",
    "implemented": "govuk-tag--turquoise",
    "impact_evidenced": "govuk-tag--green",
    "signed_off": "govuk-tag--green",
    "closed": "govuk-tag--green",
    "rejected": "govuk-tag--grey",
}


def recommendation_allowed(status: str) -> frozenset[str]:
    return RECOMMENDATION_TRANSITIONS.get(status, frozenset())


def action_allowed(status: str) -> frozenset[str]:
    return ACTION_TRANSITIONS.get(status, frozenset())


def _check(table: dict[str, frozenset[str]], labels: dict, what: str, current: str, target: str):
    if target not in table.get(current, frozenset()):
        raise TransitionNotAllowed(
            f"{what} cannot move from {labels.get(current, current).lower()} to "
            f"{labels.get(target, target).lower()}"
        )


def check_recommendation(current: str, target: str) -> None:
    _check(
        RECOMMENDATION_TRANSITIONS,
        dict(RecommendationStatus.choices),
        "A recommendation",
        current,
        target,
    )


def check_action(current: str, target: str) -> None:
    _check(ACTION_TRANSITIONS, dict(ActionStatus.choices), "An action", current, target)

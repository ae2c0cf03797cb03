"""A document version's workflow as a table (STYLE.md habit 6): a draft is edited and signed, then
published; publishing the next version supersedes it. Published and superseded versions are
frozen: nothing about them changes again."""

from __future__ import annotations

from masa.core.errors import TransitionNotAllowed

from .models import VersionStatus

S = VersionStatus

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.PUBLISHED}),
    S.PUBLISHED: frozenset({S.SUPERSEDED}),
    S.SUPERSEDED: frozenset(),
}
TERMINAL = frozenset(s for s, nexts in TRANSITIONS.items() if not nexts)
# Editing and signing happen only before the first move out of draft.
EDITABLE = frozenset({S.DRAFT})
FROZEN = frozenset(TRANSITIONS) - EDITABLE
# GOV.UK tag colour per status; the tag always carries the status in words too.
TAGS: dict[str, str] = {
    S.DRAFT: "govuk-tag--blue",
    S.PUBLISHED: "govuk-tag--green",
    S.SUPERSEDED: "govuk-tag--grey",
}


def allowed(status: str) -> frozenset[str]:
    return TRANSITIONS.get(status, frozenset())


def check_transition(current: str, target: str) -> None:
    if target not in allowed(current):
        labels = dict(VersionStatus.choices)
        raise TransitionNotAllowed(
            f"A version cannot move from {str(labels.get(current, current)).lower()} to "
            f"{str(labels.get(target, target)).lower()}"
        )

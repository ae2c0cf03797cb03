"""Typed errors raised by services. Views turn them into GOV.UK error summaries, commands into exit 1."""

from __future__ import annotations

from collections.abc import Mapping


class MasaError(Exception):
    """Base for every error a user can be shown. `message` is written for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(MasaError):
    """Input that breaks a rule. `field_errors` maps a form field (or "__all__") to messages."""

    def __init__(self, message: str, field_errors: Mapping[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.field_errors = dict(field_errors or {"__all__": [message]})


def refuse(field: str, message: str) -> InvalidInput:
    """The error for one field's bad value: `raise refuse("due_on", "Enter the due date")`."""
    return InvalidInput(message, {field: [message]})


class Conflict(InvalidInput):
    """The change would contradict a record that already exists (an area in two partnerships…)."""


class NotPermitted(MasaError):
    """The acting user may not do this."""


class TransitionNotAllowed(MasaError):
    """A workflow move that the transition table does not allow."""


STALE_HEADLINE = "Someone else changed this record since you opened it"


class FieldChange:
    """One field another person saved differently: `theirs` is now in the database, `yours` is
    what the refused save would have written (both as shown on the page)."""

    def __init__(self, *, field: str, label: str, theirs: str, yours: str) -> None:
        self.field, self.label, self.theirs, self.yours = field, label, theirs, yours

    def __repr__(self) -> str:
        return f"FieldChange({self.field!r}: {self.theirs!r} vs {self.yours!r})"


class StaleRecord(InvalidInput):
    """The record was saved by someone else after the form was opened; nothing was written.

    `changes` says what they saved field by field; `refill` is the form data to show next (the
    newer version number, and their values for the fields you did not change)."""

    def __init__(
        self,
        *,
        changed_by: str,
        changed_at: str,
        changes: list[FieldChange],
        refill: Mapping[str, object],
    ) -> None:
        when = f" on {changed_at}" if changed_at else ""
        headline = f"{STALE_HEADLINE}: {changed_by} saved it{when}."
        if changes:
            headline += " Their changes are listed below; check them, then save again."
        else:
            headline += " None of the values on this form differ from theirs; save again."
        field_errors: dict[str, list[str]] = {"__all__": [headline]}
        self.changed_by = changed_by
        for change in changes:
            field_errors.setdefault(change.field, []).append(self.describe(change))
        super().__init__(headline, field_errors)
        self.message = headline
        self.changed_at = changed_at
        self.changes = changes
        self.refill = dict(refill)

    def describe(self, change: FieldChange, label: str = "") -> str:
        """One change as the error summary lists it; `label` is the form's name for the field."""
        return (
            f"{label or change.label}: {self.changed_by} saved “{change.theirs}”; "
            f"you were about to save “{change.yours}”"
        )

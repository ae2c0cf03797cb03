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

from __future__ import annotations

from typing import Any

from django import forms

from masa.accounts.models import Role
from masa.core.forms import ServiceForm, date_field


def _roles(label: str, required_message: str, *, required: bool = True) -> forms.Field:
    return forms.MultipleChoiceField(
        label=label,
        choices=Role.choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": required_message,
            "invalid_choice": "Select roles from the list",
        },
    )


class ReminderSettingsForm(ServiceForm):
    lead_days = forms.CharField(
        label="Days before the due date to send reminders",
        help_text="Whole numbers separated by commas, for example 5,1",
        max_length=60,
        error_messages={"required": "Enter days before the due date, like 5,1"},
    )
    roles = _roles("Remind people in these roles", "Select at least one role to remind")
    send_overdue = forms.BooleanField(
        label="Also send a reminder once a clock is overdue", required=False
    )
    overdue_roles = _roles("When overdue, tell people in these roles", "", required=False)


def _reason() -> forms.CharField:
    return forms.CharField(
        label="Reason",
        max_length=2000,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter the reason",
            "max_length": "Reason must be 2000 characters or fewer",
        },
    )


class ClockForm(ServiceForm):
    """Base of the pause and extension forms: the clocks offered are the subject's own."""

    rule = forms.ChoiceField(
        label="Clock",
        error_messages={"required": "Select a clock", "invalid_choice": "Select a clock"},
    )

    def __init__(self, *args: Any, rules: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = [("", "Choose…"), *rules]  # type: ignore[attr-defined]


class PauseForm(ClockForm):
    from_date = date_field("First day of the pause")
    to_date = date_field("Last day of the pause")
    reason = _reason()


class ExtendForm(ClockForm):
    days = forms.IntegerField(
        label="Extra days (in the clock's own unit)",
        min_value=1,
        max_value=365,
        error_messages={
            key: "Enter a number of days from 1 to 365"
            for key in ("required", "invalid", "min_value", "max_value")
        },
    )
    reason = _reason()

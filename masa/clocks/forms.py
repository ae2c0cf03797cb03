from __future__ import annotations

from django import forms

from masa.accounts.models import Role
from masa.core.forms import ServiceForm


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

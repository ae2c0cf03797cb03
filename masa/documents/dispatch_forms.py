"""The "record as sent" form of the dispatch pages; `dispatch.dispatch_record` has the last word."""

from __future__ import annotations

from django import forms
from django.forms.renderers import TemplatesSetting

from masa.core.forms import DateField, ServiceForm

from .dispatch import MAX_NOTE, MAX_SENT_TO


class DispatchForm(ServiceForm):
    default_renderer = TemplatesSetting  # the GOV.UK date widget's template is in masa/templates

    sent_on = DateField(
        label="Date it was sent",
        help_text="For example, 3 10 2025",
        error_messages={
            "required": "Enter the date it was sent",
            "incomplete": "Date it was sent must include a day, month and year",
        },
    )
    sent_to = forms.CharField(
        label="Address it was sent to",
        required=False,
        max_length=MAX_SENT_TO,
        help_text="The email address or web form used.",
        error_messages={"max_length": f"The address must be {MAX_SENT_TO} characters or fewer"},
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"The note must be {MAX_NOTE} characters or fewer"},
    )

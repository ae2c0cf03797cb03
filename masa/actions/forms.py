"""Forms for the recommendation and action pages. Each maps onto one service; the service has the
last word."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting

from masa.core.forms import ServiceForm as CoreServiceForm
from masa.core.forms import VersionedForm, date_field

from .models import UpdateKind
from .selectors import themes_in_use
from .services import partnership_organisations
from .workflow import (
    ACTION_LABELS,
    RECOMMENDATION_LABELS,
    ActionStatus,
    RecommendationStatus,
)


class ServiceForm(CoreServiceForm):
    default_renderer = TemplatesSetting  # the GOV.UK date widget's template is in masa/templates


def _text(label: str, *, max_length: int, required: str = "", help_text: str = "") -> Any:
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea if max_length > 300 else forms.TextInput,
        error_messages={
            "required": required,
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


def _choose(message: str) -> dict[str, str]:
    return {"required": message, "invalid_choice": message, "invalid_pk_value": message}


class RecommendationForm(ServiceForm):
    reference = _text(
        "Reference", max_length=40, required="Enter a reference",
        help_text="For example, NS-LCSPR-2025-01 R3",
    )  # fmt: skip
    source_label = _text(
        "Where it came from", max_length=200, required="Enter where it came from",
        help_text="The review, scrutiny activity or audit that made it",
    )  # fmt: skip
    text = _text("Recommendation", max_length=5000, required="Enter the recommendation")
    made_on = date_field("Date it was made")
    themes = forms.ModelMultipleChoiceField(
        label="Learning themes",
        required=False,
        queryset=themes_in_use(),
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choose("Select themes from the list"),
    )


class ActionForm(ServiceForm):
    text = _text("Action", max_length=5000, required="Enter the action")
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner organisation",
        queryset=None,
        empty_label="Choose…",
        error_messages=_choose("Select the organisation that owns the action"),
    )
    owner_role = _text(
        "Owner's role", max_length=200, help_text="Optional: a job title, never a name"
    )
    due_on = date_field("Due date")

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = partnership_organisations(partnership).order_by("name")  # type: ignore[attr-defined]


class UpdateForm(ServiceForm):
    kind = forms.ChoiceField(
        label="Kind of update",
        choices=UpdateKind.choices,
        widget=forms.RadioSelect,
        error_messages=_choose("Select what kind of update this is"),
    )
    on = date_field("Date")
    text = _text("Update", max_length=5000, required="Enter the update")
    link = _text(
        "Link to evidence", max_length=500, help_text="Optional: a web address starting https://"
    )


class ActionTransitionForm(ServiceForm, VersionedForm):
    to = forms.ChoiceField(
        label="Move the action to",
        widget=forms.RadioSelect,
        error_messages=_choose("Select what to do"),
    )

    def __init__(self, *args: Any, allowed: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [  # type: ignore[attr-defined]
            (s, ACTION_LABELS[s]) for s in ActionStatus.values if s in allowed
        ]


class RecommendationTransitionForm(ServiceForm, VersionedForm):
    to = forms.ChoiceField(
        label="Move the recommendation to",
        widget=forms.RadioSelect,
        error_messages=_choose("Select what to do"),
    )
    reason = _text("Reason (when rejecting)", max_length=2000)
    signed_off_on = date_field(
        "Date the partners signed it off (when closing)", required=False,
        hint="Only when closing. For example, 27 3 2025",
    )  # fmt: skip
    signed_off_note = _text("Sign-off note (when closing)", max_length=300)

    def __init__(self, *args: Any, allowed: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [  # type: ignore[attr-defined]
            (s, RECOMMENDATION_LABELS[s]) for s in RecommendationStatus.values if s in allowed
        ]


class SignOffForm(ServiceForm):
    partner_type = forms.ChoiceField(
        label="Safeguarding partner signing off",
        widget=forms.RadioSelect,
        error_messages=_choose("Select which safeguarding partner is signing off"),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        """`choices`: only the partners the user may sign off for that have still to."""
        super().__init__(*args, **kwargs)
        self.fields["partner_type"].choices = choices  # type: ignore[attr-defined]


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any"), *ActionStatus.choices]
    )
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Owner", required=False, queryset=None, empty_label="Any"
    )
    theme = forms.ModelChoiceField(
        label="Theme", required=False, queryset=themes_in_use(), empty_label="Any"
    )
    overdue = forms.ChoiceField(
        label="Overdue",
        required=False,
        choices=[("", "Any"), ("yes", "Overdue only"), ("no", "Not overdue")],
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = partnership_organisations(partnership).order_by("name")  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        overdue = {"yes": True, "no": False}.get(data["overdue"])
        return {
            "status": data["status"] or None,
            "owner": data["owner"],
            "theme": data["theme"],
            "overdue": overdue,
        }

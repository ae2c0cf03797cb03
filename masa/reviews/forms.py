"""Forms for review pages. Each maps onto one service; the service has the last word."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.forms.renderers import TemplatesSetting

from masa.accounts.models import Role
from masa.actions import forms as actions_forms
from masa.core.forms import ServiceForm as CoreServiceForm
from masa.core.forms import VersionedForm, date_field

from .models import (
    CRITERIA,
    Answer,
    ClockBasis,
    Decision,
    Publication,
    RapidReview,
    ReportKind,
)


class ServiceForm(CoreServiceForm):
    default_renderer = TemplatesSetting  # the GOV.UK date widget's template is in masa/templates


def _text(label: str, *, max_length: int = 20_000, required: str = "", help_text: str = ""):
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea if max_length > 200 else forms.TextInput,
        error_messages={
            "required": required,
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


def _radios(label: str, choices: Any, message: str, *, required: bool = True):
    return forms.ChoiceField(
        label=label,
        choices=list(choices),
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


def _yes_no(label: str, message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


class SettingsForm(ServiceForm):
    rapid_review_clock_basis = _radios(
        "The rapid review's 15 working days count from", ClockBasis.choices,
        "Select when the rapid review clock starts",
    )  # fmt: skip
    include_working_day_reading = forms.BooleanField(
        label="Also check the guidance's reading: copies 7 working days before publication",
        required=False,
    )
    notify_ofsted = forms.BooleanField(
        label="Also send the report to Ofsted before publication", required=False
    )
    checkpoint_interval_weeks = forms.IntegerField(
        label="Weeks between progress and quality checkpoints (reg 14)",
        min_value=1,
        max_value=52,
        error_messages={
            k: "Enter a number of weeks from 1 to 52"
            for k in ("required", "invalid", "min_value", "max_value")
        },
    )


class StartForm(ServiceForm):
    started_on = date_field("Date the rapid review started")


class ContentForm(ServiceForm, VersionedForm):
    facts = _text("Facts, as far as they can readily be established")
    immediate_safety_actions = _text("Immediate action taken for children's safety")
    learning_identified = _text("Learning identified and shared")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for letter, text in CRITERIA:
            self.fields[f"criterion_{letter}"] = _radios(
                f"Reg 11({letter}): {text}", Answer.choices,
                f"Select yes, no or unclear for criterion ({letter})", required=False,
            )  # fmt: skip
            self.fields[f"criterion_{letter}_note"] = _text(f"Note on criterion ({letter})")


class DecideForm(ServiceForm):
    decision = _radios("Decision", Decision.choices, "Select the decision")
    rationale = _text("Rationale", required="Enter the rationale for the decision")
    decided_on = date_field("Date of the decision")


class SendForm(ServiceForm):
    sent_on = date_field("Date sent to the Panel")


class PanelResponseForm(ServiceForm):
    response_on = date_field("Date of the Panel's response")
    response = _text("The Panel's response", required="Enter the Panel's response")


class ConfirmForm(ServiceForm):
    """A move that needs no answers: the button is the confirmation."""


class InitiateForm(ServiceForm):
    title = _text(
        "Title", max_length=200, required="Enter a title",
        help_text="As the report will name the case, for example 'Child P'. Never a name.",
    )  # fmt: skip
    initiated_on = date_field("Date the review was initiated")
    rapid_review = forms.ModelChoiceField(
        label="From the rapid review",
        required=False,
        queryset=RapidReview.objects.none(),
        empty_label="None",
        error_messages={"invalid_choice": "Select a rapid review from the list"},
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rapid_review"].queryset = RapidReview.objects.filter(  # type: ignore[attr-defined]
            partnership=partnership, decision=Decision.LOCAL_REVIEW, practice_review__isnull=True
        ).select_related("incident")


class TorForm(ServiceForm):
    terms_of_reference = _text("Terms of reference", required="Enter the terms of reference")
    agreed_on = date_field("Date agreed")


class AppointForm(ServiceForm):
    name = _text("Reviewer (person or organisation)", max_length=200, required="Enter the reviewer")
    appointed_on = date_field("Date of appointment")
    user = forms.ModelChoiceField(
        label="Their MASA account (they will see this review only)",
        required=False,
        queryset=get_user_model().objects.none(),
        empty_label="None",
        error_messages={"invalid_choice": "Select an account from the list"},
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(
            memberships__partnership=partnership, memberships__role=Role.REVIEWER
        )
        self.fields["user"].queryset = users.distinct()  # type: ignore[attr-defined]


class RemoveForm(ServiceForm):
    removed_on = date_field("Date of removal")
    reason = _text("Reason for removal (reg 13)", required="Enter the reason for removal")


class CheckpointForm(ServiceForm):
    held_on = date_field("Date held")
    progress_satisfactory = _yes_no(
        "Is the reviewer making satisfactory progress?", "Say whether progress is satisfactory"
    )
    quality_satisfactory = _yes_no(
        "Is the work of satisfactory quality?", "Say whether quality is satisfactory"
    )
    note = _text("Note", max_length=5000)


class ReportUploadForm(ServiceForm):
    kind = _radios("Which report is it?", ReportKind.choices, "Select the draft or final report")
    upload = forms.FileField(
        label="Upload a file",
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.doc"}),
        max_length=200,
        error_messages={
            "required": "Select a PDF or Word file to upload",
            "empty": "The selected file is empty",
            "invalid": "Select a PDF or Word file to upload",
            "missing": "Select a PDF or Word file to upload",
            "max_length": "The file's name must be 200 characters or fewer",
        },
        help_text="A PDF or Word document (.pdf, .docx or .doc). A new upload is kept as a new "
        "version; earlier versions stay.",
    )


class ReportForm(ServiceForm, VersionedForm):
    received_on = date_field("Date the final report was received")
    summary_of_improvements = forms.BooleanField(
        label="Reg 15(a): it summarises the recommended improvements", required=False
    )
    systemic_analysis = forms.BooleanField(
        label="Reg 15(b): it analyses the systemic or underlying reasons", required=False
    )


class PublicationForm(ServiceForm):
    publication = _radios("Publish", Publication.choices, "Select what will be published")
    rationale = _text("Rationale", required="Enter the rationale for the publication decision")
    planned_publication_on = date_field("Planned publication date")


class CopiesForm(ServiceForm):
    sent_to_sos_on = date_field("Date sent to the Secretary of State")
    sent_to_panel_on = date_field("Date sent to the Panel")
    sent_to_ofsted_on = date_field("Date sent to Ofsted", required=False)


class PublishForm(ServiceForm):
    published_on = date_field("Publication date")
    published_url = _text(
        "Address (URL)", max_length=500, required="Enter the address where it is published"
    )


class RecommendationForm(actions_forms.RecommendationForm):
    """A recommendation of this review: where it came from is the review itself."""

    source_label = None  # type: ignore[assignment]

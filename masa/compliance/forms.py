"""The matrix page's filters and the requirement page's two forms (assessment, evidence link)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from masa.core.dates import parse_iso_date
from masa.core.forms import DateField, ServiceForm, VersionedForm

from .models import Status

STATUS_HINTS = {
    Status.MET: "The records or documents show the duty is discharged.",
    Status.PARTLY_MET: "Some of it is discharged, or it is still being put in place.",
    Status.NOT_MET: "It is not discharged.",
    Status.NOT_APPLICABLE: "It does not apply to this partnership (say why below).",
    Status.NOT_ASSESSED: "No judgement yet.",
}


class MatrixFilterForm(forms.Form):
    """GET filters. An unknown value is shown as an error and otherwise ignored."""

    at = forms.CharField(
        label="Date",
        required=False,
        help_text="The matrix on this date, written YYYY-MM-DD. Leave empty for today.",
    )
    topic = forms.ChoiceField(label="Topic", required=False)
    level = forms.ChoiceField(label="Level", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    framework = forms.ChoiceField(label="Source", required=False)

    def __init__(self, data: Any, *, choices: dict[str, list[tuple[str, str]]]) -> None:
        super().__init__(data)
        everything = {
            "topic": "All topics",
            "level": "All levels",
            "status": "All statuses",
            "framework": "All sources",
        }
        for name, label in everything.items():
            self.fields[name].choices = [("", label), *choices[name]]  # type: ignore[attr-defined]

    def clean_at(self) -> date:
        try:
            return parse_iso_date(self.cleaned_data.get("at"))
        except ValueError as error:
            raise forms.ValidationError(
                f"The date {error.args[0].removeprefix('the date ')}"
            ) from None

    def value(self, name: str) -> Any:
        """The field's valid value, or None (for `at`: today)."""
        self.is_valid()
        if name in self.errors:
            return parse_iso_date(None) if name == "at" else None
        return self.cleaned_data.get(name) or (parse_iso_date(None) if name == "at" else None)


class AssessmentForm(VersionedForm):
    period_start = DateField(
        label="Reporting period starts",
        help_text="Twelve months from this date, for example 1 4 2025 for April 2025 to March 2026",
    )
    status = forms.ChoiceField(
        label="Is the duty met?",
        choices=[(s.value, s.label) for s in Status],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the duty is met"},
    )
    partnership_level = forms.CharField(
        label="At partnership level",
        required=False,
        widget=forms.Textarea,
        help_text="How the safeguarding partners discharge the duty across the partnership.",
    )
    local_authority_level = forms.CharField(
        label="At local-authority level",
        required=False,
        widget=forms.Textarea,
        help_text="How it is discharged in each local authority area.",
    )

    def __init__(self, *args: Any, derived: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period_start"].error_messages["required"] = (
            "Enter the date the reporting period starts"
        )
        if derived:  # the status comes from the records (ADR 0008)
            del self.fields["status"]


class EvidenceLinkForm(ServiceForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title for the evidence"},
    )
    url = forms.CharField(
        label="Web address",
        required=False,
        help_text="For example https://example.org/published-arrangements.pdf",
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea,
        help_text="Where the evidence is, if it has no web address (minutes, a file reference).",
    )

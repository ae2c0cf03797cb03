"""Forms for the document pages. Each maps onto one service; the service has the last word."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting

from masa.accounts.signing import Authority
from masa.core.forms import ServiceForm as CoreServiceForm
from masa.core.forms import VersionedForm, date_field

from .models import DocumentKind
from .services import NARRATIVE_LIMIT

EXAMPLE = "For example, 27 9 2025"


class ServiceForm(CoreServiceForm):
    default_renderer = TemplatesSetting  # the GOV.UK date widget's template is in masa/templates


def _choose(message: str) -> dict[str, str]:
    return {"required": message, "invalid_choice": message}


class DocumentForm(ServiceForm):
    kind = forms.ChoiceField(
        label="Which document",
        choices=DocumentKind.choices,
        widget=forms.RadioSelect,
        error_messages=_choose("Select the published arrangements or a yearly report"),
    )
    period = forms.CharField(
        label="Year the report covers (yearly report only)",
        required=False,
        max_length=7,
        help_text="The financial year, April to March, like 2024-25",
        error_messages={"max_length": "Enter the year like 2024-25"},
    )


class NewVersionForm(ServiceForm):
    """Nothing to fill in: the button confirms."""


class SectionForm(ServiceForm, VersionedForm):
    narrative = forms.CharField(
        label="Text",
        required=False,
        max_length=NARRATIVE_LIMIT,
        widget=forms.Textarea,
        help_text="Markdown: a blank line between paragraphs, ### for a heading, - for a list, "
        "[words](https://…) for a link. HTML is shown as typed, never run.",
        error_messages={"max_length": f"The text must be {NARRATIVE_LIMIT:,} characters or fewer"},
    )


class DetailsForm(ServiceForm, VersionedForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={
            "required": "Enter the title",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    effective_from = date_field("Date it takes effect", required=False, hint=EXAMPLE)
    change_summary = forms.CharField(
        label="What changed from the last version",
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        error_messages={"max_length": "The summary of changes must be 5,000 characters or fewer"},
    )


class SignForm(ServiceForm):
    partner_type = forms.ChoiceField(
        label="I sign this version for",
        widget=forms.RadioSelect,
        error_messages=_choose("Select the safeguarding partner you are signing for"),
    )

    def __init__(self, *args: Any, authorities: list[Authority], **kwargs: Any) -> None:
        """Offers only the partners the user may sign for today that have still to sign."""
        super().__init__(*args, **kwargs)
        self.fields["partner_type"].choices = [  # type: ignore[attr-defined]
            (a.partner_type, f"The {a.partner_label.lower()}: {a.partner.organisation}")
            for a in authorities
        ]


class PublishForm(ServiceForm):
    published_on = date_field("Date of publication", hint=EXAMPLE)

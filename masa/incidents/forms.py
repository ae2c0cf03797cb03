"""Forms for notification pages. Each maps onto one service; the service has the last word."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting

from masa.core.forms import DATE_HINT, VersionedForm, date_field
from masa.core.forms import ServiceForm as CoreServiceForm
from masa.geography.models import LocalAuthority

from .models import MAX_CHILDREN, AbuseOrNeglect, Outcome, Sex, Where
from .services import areas_of
from .workflow import ACTION_LABELS, Status

NOT_SENT_HINT = DATE_HINT + ". Leave empty if not sent yet"


class ServiceForm(CoreServiceForm):
    default_renderer = TemplatesSetting  # the GOV.UK date widget's template is in masa/templates


def _radios(label: str, choices: list[tuple[str, str]], message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


def _text(
    label: str, *, max_length: int, required: str = "", help_text: str = ""
) -> forms.CharField:
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


class IncidentForm(ServiceForm):
    local_authority = forms.ModelChoiceField(
        label="Local authority that notified",
        queryset=LocalAuthority.objects.none(),
        empty_label="Choose…",
        error_messages={
            "required": "Select the local authority that notified",
            "invalid_choice": "Select the local authority that notified",
        },
    )
    incident_date = date_field("Incident date")
    became_aware_on = date_field("Date the local authority became aware")
    abuse_or_neglect = _radios(
        "Abuse or neglect", list(AbuseOrNeglect.choices),
        "Select whether abuse or neglect is known or suspected",
    )  # fmt: skip
    abuse_or_neglect.help_text = (
        "A looked-after child's death is notified to the Secretary of State and Ofsted whether or "
        "not abuse or neglect is suspected; the Panel only where it is known or suspected"
    )
    outcome = _radios(
        "The child", list(Outcome.choices), "Select whether the child died or was seriously harmed"
    )
    where = _radios("Where", list(Where.choices), "Select where it happened")
    looked_after_child = forms.BooleanField(label="A looked-after child", required=False)
    care_leaver = forms.BooleanField(
        label="A care leaver (up to and including age 24)", required=False
    )
    panel_notified_on = date_field(
        "Date the Panel was notified", required=False, hint=NOT_SENT_HINT
    )
    partners_notified_on = date_field(
        "Date the safeguarding partners were told", required=False, hint=NOT_SENT_HINT
    )
    sos_ofsted_notified_on = date_field(
        "Date the Secretary of State and Ofsted were told", required=False, hint=NOT_SENT_HINT
    )
    other_areas_informed = _text(
        "Other areas' partners informed", max_length=2000,
        help_text="Optional: for example, where a looked-after child was placed",
    )  # fmt: skip
    summary = _text(
        "Summary", max_length=500, required="Enter a short summary (no names)",
        help_text="A few lines. Never write a child's or family member's name.",
    )  # fmt: skip

    def __init__(
        self, *args: Any, partnership: Any, with_children: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["local_authority"].queryset = LocalAuthority.objects.filter(  # type: ignore[attr-defined]
            pk__in=_area_ids(partnership)
        ).order_by("name")
        for n in range(1, MAX_CHILDREN + 1 if with_children else 1):
            self.fields[f"child_{n}_ref"] = _text(
                "Pseudonymous reference", max_length=40,
                help_text="A reference, never a name: for example NS-24-0007-A or Child A",
            )  # fmt: skip
            self.fields[f"child_{n}_age"] = forms.IntegerField(
                label="Age in years",
                required=False,
                min_value=0,
                max_value=24,
                error_messages={
                    "invalid": f"Child {n}'s age must be a whole number",
                    "min_value": f"Child {n}'s age must be 0 to 24",
                    "max_value": f"Child {n}'s age must be 0 to 24",
                },
            )
            self.fields[f"child_{n}_sex"] = forms.ChoiceField(
                label="Sex",
                required=False,
                choices=[("", "Choose…"), *Sex.choices],
                error_messages={"invalid_choice": f"Select child {n}'s sex"},
            )

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if not name.startswith("child_")]

    def child_fieldsets(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [
            (n, [self[f"child_{n}_{part}"] for part in ("ref", "age", "sex")])
            for n in range(1, MAX_CHILDREN + 1)
            if f"child_{n}_ref" in self.fields
        ]

    def service_arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        children = []
        for n in range(1, MAX_CHILDREN + 1):
            ref, age, sex = (data.pop(f"child_{n}_{part}", None) for part in ("ref", "age", "sex"))
            if ref or age is not None or sex:
                children.append({"pseudonymous_ref": ref, "age_years": age, "sex": sex or None})
        return {**data, "children": children}


def _area_ids(partnership: Any) -> Any:
    from masa.partnerships.models import PartnershipArea

    return PartnershipArea.objects.filter(areas_of(partnership)).values("local_authority_id")


class SentForm(ServiceForm):
    on = date_field("Date sent")


class TransitionForm(ServiceForm):
    to = forms.ChoiceField(
        label="Move the notification to",
        widget=forms.RadioSelect,
        error_messages={"required": "Select what to do", "invalid_choice": "Select what to do"},
    )

    def __init__(self, *args: Any, allowed: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        self.fields["to"].choices = [  # type: ignore[attr-defined]
            (s, ACTION_LABELS.get(s, labels[s])) for s in Status.values if s in allowed
        ]


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any"), *Status.choices]
    )
    year = forms.TypedChoiceField(label="Year aware", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Any"), *((y, str(y)) for y in years)]  # type: ignore[attr-defined]


class IncidentEditForm(VersionedForm, IncidentForm):
    """A notification's own fields, with the version the form was opened at (ADR 0018)."""

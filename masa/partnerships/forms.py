"""Forms for the registry pages. Each maps onto one service; the service has the last word."""

from __future__ import annotations

from typing import Any

from django import forms

from masa.core.forms import ServiceForm, VersionedForm, date_field
from masa.geography.models import IntegratedCareBoard, LocalAuthority, PoliceForceArea

from . import schedule, selectors
from .models import (
    Board,
    BoardKind,
    Guidance,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnerType,
    RoleAssignment,
    RoleKind,
)
from .services.organisations import PARTNER_TYPE_FOR_KIND

EXAMPLE = "For example, 1 4 2025"


def _text(
    label: str,
    required_message: str = "",
    *,
    help_text: str = "",
    max_length: int = 200,
    textarea: bool = False,
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=bool(required_message),
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea if textarea else forms.TextInput,
        error_messages={
            "required": required_message,
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


def _choice(
    label: str,
    queryset: Any,
    message: str,
    *,
    required: bool = True,
    empty_label: str = "Choose…",
    help_text: str = "",
) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        required=required,
        empty_label=empty_label,
        help_text=help_text,
        error_messages={"required": message, "invalid_choice": message},
    )


def _select(
    label: str,
    choices: list[tuple[str, str]],
    message: str,
    *,
    required: bool = True,
    help_text: str = "",
) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", "Choose…"), *choices] if required else choices,
        required=required,
        help_text=help_text,
        error_messages={"required": message, "invalid_choice": message},
    )


class PartnershipForm(ServiceForm):
    name = _text("Name", "Enter the partnership's name")
    short_name = _text("Short name", help_text="Optional, for example BHR", max_length=60)
    guidance = _select(
        "Statutory guidance it works to",
        list(Guidance.choices),
        "Select the guidance the partnership works to",
    )
    parent = _choice(
        "Sits within",
        Partnership.objects.none(),
        "Select the partnership it sits within",
        required=False,
        empty_label="None: it does not sit within another partnership",
    )
    website = _text("Website", help_text="Optional, for example https://www.example.org")
    summary = _text("Summary", textarea=True, max_length=5000)
    practice_review_six_months = forms.BooleanField(
        label="Expect practice reviews to be published within 6 months of initiation "
        "(local default, not statutory)",
        help_text="For partnerships working to Working Together 2023, which sets no period. "
        "Working Together 2018 expected 6 months, so under 2018 the clock always runs.",
        required=False,
    )

    def __init__(self, *args: Any, partnership: Partnership | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        others = Partnership.objects.order_by("name")
        if partnership is not None:
            others = others.exclude(pk=partnership.pk)
        self.fields["parent"].queryset = others  # type: ignore[attr-defined]


class PartnershipEditForm(VersionedForm, PartnershipForm):
    """The details of an existing partnership, with the version the form was opened at."""


class PartnershipCreateForm(PartnershipForm):
    slug = _text(
        "Web name",
        "Enter a web name",
        max_length=80,
        help_text="Used in the page address: letters, numbers and hyphens, like north-lincolnshire",
    )
    is_fictional = forms.BooleanField(
        label="This is a fictional demonstration partnership", required=False
    )
    field_order = [
        "name",
        "slug",
        "short_name",
        "guidance",
        "parent",
        "website",
        "summary",
        "practice_review_six_months",
        "is_fictional",
    ]


class AreaForm(ServiceForm):
    local_authority = _choice(
        "Local authority", LocalAuthority.objects.order_by("name"), "Select the local authority"
    )
    start = date_field("Start date", hint=EXAMPLE)
    end = date_field("End date", required=False, hint="Leave empty if it still covers the area")


class EndForm(VersionedForm):
    end = date_field("End date", hint="The last day it applied, for example 31 3 2025")


class OrganisationForm(ServiceForm):
    name = _text("Organisation name", "Enter the organisation's name")
    kind = _select(
        "Kind of organisation",
        list(OrganisationKind.choices),
        "Select what kind of organisation this is",
    )
    schedule_paragraph = forms.TypedChoiceField(
        label="Paragraph of the Schedule to the 2018 Regulations",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="For relevant agencies: the category in SI 2018/789 that makes it one",
        error_messages={"invalid_choice": "Select a paragraph from the list"},
    )
    local_authority = _choice(
        "Local authority (local authorities only)",
        LocalAuthority.objects.order_by("name"),
        "Select the local authority",
        required=False,
        empty_label="None",
    )
    icb = _choice(
        "Integrated care board (ICBs only)",
        IntegratedCareBoard.objects.order_by("name"),
        "Select the integrated care board",
        required=False,
        empty_label="None",
    )
    police_force = _choice(
        "Police force area (police only)",
        PoliceForceArea.objects.order_by("name"),
        "Select the police force area",
        required=False,
        empty_label="None",
    )
    website = _text("Website", help_text="Optional")

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["schedule_paragraph"].choices = schedule.choices()  # type: ignore[attr-defined]


class PartnerForm(ServiceForm):
    organisation = _choice(
        "Organisation",
        selectors.organisations_of_kinds(PARTNER_TYPE_FOR_KIND),
        "Select the local authority, integrated care board or police force",
    )
    start = date_field("Start date", hint=EXAMPLE)
    end = date_field("End date", required=False, hint="Leave empty if it is still a partner")


class SuggestionsForm(ServiceForm):
    keys = forms.MultipleChoiceField(
        label="Partners to add",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one partner to add",
            "invalid_choice": "Select partners from the list",
        },
    )
    start = date_field("Partners from", hint="The date they became partners for these areas")

    def __init__(self, *args: Any, suggestions: list = (), **kwargs: Any):  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["keys"].choices = [  # type: ignore[attr-defined]
            (
                s.key,
                f"{s.name} ({s.expected.type_label.lower()} for "
                f"{', '.join(s.expected.local_authorities)})",
            )
            for s in suggestions
        ]


class AgencyForm(ServiceForm):
    organisation = _choice(
        "Organisation", selectors.agency_organisations(), "Select the organisation"
    )
    why_chosen = _text(
        "Why the partners chose it",
        "Enter why the partners chose this agency",
        textarea=True,
        max_length=5000,
    )
    contribution = _text(
        "What it contributes",
        textarea=True,
        max_length=5000,
        help_text="Optional: funding, staff, accommodation, services",
    )
    start = date_field("Start date", hint=EXAMPLE)


class AgencyEditForm(VersionedForm):
    why_chosen = AgencyForm.base_fields["why_chosen"]
    contribution = AgencyForm.base_fields["contribution"]


class RoleForm(ServiceForm):
    role = _select("Role", list(RoleKind.choices), "Select the role")
    partner_type = _select(
        "Stands for",
        list(PartnerType.choices),
        "Select one of the three partners",
        required=False,
        help_text="Lead and delegated safeguarding partners only: which partner they stand for",
    )
    held_by_delegate = _choice(
        "Held by the delegated safeguarding partner",
        RoleAssignment.objects.none(),
        "Select one of the delegated safeguarding partners",
        required=False,
        empty_label="Not a delegated safeguarding partner",
        help_text="Partnership chair only. Leave the job title empty to use theirs",
    )
    job_title = _text("Job title", help_text="For example, Director of Children's Services")
    person_name = _text("Name", help_text="Optional")
    organisation = _choice(
        "Organisation",
        Organisation.objects.none(),
        "Select the organisation",
        required=False,
        empty_label="None",
    )
    user = forms.ModelChoiceField(
        label="MASA user",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="None",
        help_text="Optional: link the post to the person's sign-in",
        error_messages={"invalid_choice": "Select a member of the partnership"},
    )
    signs_documents = forms.BooleanField(
        label="The lead partner has delegated signing the published arrangements and yearly "
        "reports to them",
        required=False,
        help_text="Delegated safeguarding partners only",
    )
    start = date_field("Start date", hint=EXAMPLE)
    note = _text("Note", textarea=True, max_length=2000)

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["held_by_delegate"].queryset = selectors.delegates_for(partnership)
        fields["held_by_delegate"].label_from_instance = lambda r: (
            f"{r.person_name or r.job_title} ({r.get_partner_type_display()})"
        )
        fields["organisation"].queryset = selectors.partnership_organisations(partnership)
        fields["user"].queryset = selectors.members_of(partnership)


class BoardForm(ServiceForm):
    name = _text("Name", "Enter the group's name")
    kind = _select("Kind of group", list(BoardKind.choices), "Select what kind of group this is")
    parent = _choice(
        "Reports to",
        Board.objects.none(),
        "Select the group",
        required=False,
        empty_label="None: it reports to no other group",
    )
    remit = _text("Remit", textarea=True, max_length=5000)
    chair_title = _text("Chaired by (job title)", help_text="Optional")
    meets = _text("How often it meets", max_length=100, help_text="Optional, for example quarterly")
    includes_education = forms.BooleanField(
        label="Schools, colleges or other education settings are represented on it", required=False
    )

    def __init__(self, *args: Any, partnership: Partnership, board: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        boards = Board.objects.filter(partnership=partnership).order_by("name")
        if board is not None:
            boards = boards.exclude(pk=board.pk)
        self.fields["parent"].queryset = boards  # type: ignore[attr-defined]


class BoardEditForm(VersionedForm, BoardForm):
    """A group's details, with the version the form was opened at."""


class PriorityForm(ServiceForm):
    title = _text("Priority", "Enter the priority")
    description = _text("Description", textarea=True, max_length=5000)
    position = forms.IntegerField(
        label="Order",
        required=False,
        min_value=0,
        max_value=999,
        help_text="Optional: where it comes in the list",
        error_messages={
            "invalid": "Order must be a whole number",
            "min_value": "Order must be 0 or more",
            "max_value": "Order must be 999 or less",
        },
    )
    start = date_field("Start date", hint=EXAMPLE)
    end = date_field("End date", required=False, hint="Optional")


class PriorityEditForm(VersionedForm):
    title = PriorityForm.base_fields["title"]
    description = PriorityForm.base_fields["description"]
    position = PriorityForm.base_fields["position"]

"""Organisations, and which of them are the partnership's safeguarding partners (CA2004 s.16E(3))."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from masa.core.errors import Conflict, InvalidInput
from masa.core.versioning import UNCHECKED, version_claim
from masa.geography.models import IntegratedCareBoard, LocalAuthority, PoliceForceArea
from masa.timeline.services import event_record

from ..expected import ExpectedPartner, area_rows, expected_partners, geography_key
from ..models import Organisation, OrganisationKind, Partnership, PartnerType, StatutoryPartner
from ..periods import current_on, format_day, format_period, overlapping
from .validate import check_end, check_period, optional_text, refuse, required_text

SCHEDULE_PARAGRAPHS = range(1, 39)  # SI 2018/789 Schedule: 38 paragraphs

# The kind of organisation each of the three partners is.
PARTNER_TYPE_FOR_KIND = {
    OrganisationKind.LOCAL_AUTHORITY: PartnerType.LOCAL_AUTHORITY,
    OrganisationKind.ICB: PartnerType.ICB,
    OrganisationKind.POLICE: PartnerType.POLICE,
}


def _check_links(
    kind: str, schedule_paragraph: int | None, local_authority: Any, icb: Any, police_force: Any
) -> None:
    links = {"local_authority": local_authority, "icb": icb, "police_force": police_force}
    allowed = {
        OrganisationKind.LOCAL_AUTHORITY: "local_authority",
        OrganisationKind.ICB: "icb",
        OrganisationKind.POLICE: "police_force",
    }.get(OrganisationKind(kind))
    for field, value in links.items():
        if value is not None and field != allowed:
            raise refuse(
                field,
                f"A {OrganisationKind(kind).label.lower()} cannot be linked to "
                f"a {field.replace('_', ' ')} in the geography registry",
            )
    if kind == OrganisationKind.LOCAL_AUTHORITY and local_authority is None:
        raise refuse("local_authority", "Select the local authority this organisation is")
    if kind == OrganisationKind.POLICE and police_force is None:
        raise refuse("police_force", "Select the police force area this force polices")
    # An ICB may stand without a link: the health partner before 1 July 2022 was a clinical
    # commissioning group, which the geography registry does not hold.
    if schedule_paragraph is not None and kind != OrganisationKind.RELEVANT_AGENCY:
        raise refuse(
            "schedule_paragraph",
            "Only a relevant agency has a paragraph of the Schedule to the 2018 Regulations",
        )


def _check_schedule_paragraph(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        paragraph = int(value)
    except (TypeError, ValueError) as error:
        raise refuse(
            "schedule_paragraph",
            "Select a paragraph of the Schedule from 1 to 38, or 'not in the regulations'",
        ) from error
    if paragraph not in SCHEDULE_PARAGRAPHS:
        raise refuse(
            "schedule_paragraph",
            "Select a paragraph of the Schedule from 1 to 38, or 'not in the regulations'",
        )
    return paragraph


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kind: str,
    by: Any,
    schedule_paragraph: int | None = None,
    local_authority: LocalAuthority | None = None,
    icb: IntegratedCareBoard | None = None,
    police_force: PoliceForceArea | None = None,
    website: str = "",
    partnership: Partnership | None = None,
) -> Organisation:
    """`partnership`, if given, is where the event is shown: organisations are shared by all."""
    name = required_text(name, field="name", message="Enter the organisation's name")
    if kind not in OrganisationKind.values:
        raise refuse("kind", "Select what kind of organisation this is")
    paragraph = _check_schedule_paragraph(schedule_paragraph)
    _check_links(kind, paragraph, local_authority, icb, police_force)
    if Organisation.objects.filter(name__iexact=name).exists():
        raise Conflict(
            f"An organisation called {name} already exists; choose it from the list",
            {"name": [f"An organisation called {name} already exists"]},
        )
    for field, row in (
        ("local_authority", local_authority),
        ("icb", icb),
        ("police_force", police_force),
    ):
        if row is not None:
            holder = Organisation.objects.filter(**{field: row}).first()
            if holder is not None:
                raise Conflict(
                    f"{holder} already stands for {row}; choose it from the list",
                    {field: [f"{holder} already stands for {row}"]},
                )
    organisation = Organisation.objects.create(
        name=name,
        kind=kind,
        schedule_paragraph=paragraph,
        local_authority=local_authority,
        icb=icb,
        police_force=police_force,
        website=optional_text(website, field="website", label="Website"),
    )
    where = f" (Schedule paragraph {paragraph})" if paragraph else ""
    event_record(
        by=by,
        verb="organisation.created",
        message=f"Recorded the organisation {organisation}, "
        f"{organisation.get_kind_display().lower()}{where}",
        subject=organisation,
        partnership=partnership,
        data={"kind": kind, "schedule_paragraph": paragraph},
    )
    return organisation


@transaction.atomic
def statutory_partner_add(
    *,
    partnership: Partnership,
    organisation: Organisation,
    start: date,
    by: Any,
    end: date | None = None,
) -> StatutoryPartner:
    if not isinstance(organisation, Organisation):
        raise refuse("organisation", "Select the organisation")
    partner_type = PARTNER_TYPE_FOR_KIND.get(OrganisationKind(organisation.kind))
    if partner_type is None:
        raise refuse(
            "organisation",
            f"{organisation} is a "
            f"{organisation.get_kind_display().lower()}: a safeguarding "
            f"partner is a local authority, an integrated care board "
            f"or a police force",
        )
    start, end = check_period(start, end, what="partnership role")
    clash = (
        StatutoryPartner.objects.filter(partnership=partnership, organisation=organisation)
        .filter(overlapping(start, end))
        .first()
    )
    if clash is not None:
        message = (
            f"{organisation} is already a safeguarding partner of {partnership} "
            f"{format_period(clash.start, clash.end)}"
        )
        raise Conflict(message, {"organisation": [message]})
    partner = StatutoryPartner.objects.create(
        partnership=partnership,
        organisation=organisation,
        partner_type=partner_type,
        start=start,
        end=end,
    )
    event_record(
        by=by,
        verb="partner.added",
        message=f"{organisation} is a safeguarding partner ({partner_type.label.lower()}) of "
        f"{partnership} {format_period(start, end)}",
        subject=partner,
        partnership=partnership,
        data={
            "organisation": organisation.pk,
            "partner_type": partner_type.value,
            "start": start.isoformat(),
            "end": end.isoformat() if end else None,
        },
    )
    return partner


@transaction.atomic
def statutory_partner_end(
    *, partner: StatutoryPartner, end: date, by: Any, expected_version: Any = UNCHECKED
) -> StatutoryPartner:
    partner = (
        StatutoryPartner.objects.select_for_update(of=("self",))
        .select_related("partnership", "organisation")
        .get(pk=partner.pk)
    )
    version_claim(partner, expected_version, yours={"end": end})
    partner.end = check_end(partner, end, what="safeguarding partner")
    partner.save(update_fields=["end", "updated_at"])
    event_record(
        by=by,
        verb="partner.ended",
        message=f"{partner.organisation} stopped being a safeguarding partner of "
        f"{partner.partnership} after {format_day(partner.end)}",
        subject=partner,
        partnership=partner.partnership,
        data={"organisation": partner.organisation_id, "end": partner.end.isoformat()},
    )
    return partner


@dataclass(frozen=True)
class PartnerSuggestion:
    """A partner the geography calls for and the partnership has not recorded."""

    expected: ExpectedPartner
    organisation: Organisation | None  # an existing organisation standing for that row

    @property
    def key(self) -> str:
        return self.expected.key

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation else _new_name(self.expected)


def _new_name(expected: ExpectedPartner) -> str:
    if expected.partner_type == PartnerType.POLICE and "police" not in expected.name.lower():
        return f"{expected.name} Police"
    return expected.name


def statutory_partners_suggest(
    partnership: Partnership, *, on: date | None = None
) -> list[PartnerSuggestion]:
    """The LA, ICB and police partners the partnership's areas call for that are not recorded on
    `on` (default today). Reads only; accept with `statutory_partners_accept`."""
    on = on or timezone.localdate()
    areas = list(area_rows(partnership, on))
    expected = expected_partners(area.local_authority for area in areas)
    present = {
        geography_key(p.organisation)
        for p in StatutoryPartner.objects.filter(partnership=partnership)
        .filter(current_on(on))
        .select_related("organisation")
    }
    missing = [e for e in expected if e.key not in present]
    existing: dict[str, Organisation] = {}
    if missing:
        codes = [e.code for e in missing]
        for organisation in (
            Organisation.objects.filter(local_authority__in=codes)
            | Organisation.objects.filter(icb__in=codes)
            | Organisation.objects.filter(police_force__in=codes)
        ):
            key = geography_key(organisation)
            if key:
                existing.setdefault(key, organisation)
    return [PartnerSuggestion(e, existing.get(e.key)) for e in missing]


@transaction.atomic
def statutory_partners_accept(
    *, partnership: Partnership, keys: Sequence[str], start: date, by: Any
) -> list[StatutoryPartner]:
    """Record the suggested partners named by `keys` (`partner_type:code`), creating an
    organisation named after the geography row where none stands for it. All or nothing."""
    start, _ = check_period(start, None, what="partnership role")
    if not keys:
        raise refuse("keys", "Select at least one partner to add")
    suggestions = {s.key: s for s in statutory_partners_suggest(partnership, on=start)}
    unknown = [key for key in keys if key not in suggestions]
    if unknown:
        raise InvalidInput(
            "The areas recorded on that date do not call for some of the partners selected; "
            "check the start date",
            {
                "keys": ["Select partners from the list"],
                "start": [
                    f"On {format_day(start)} the partnership's areas do not call for those partners"
                ],
            },
        )
    added = []
    for key in keys:
        suggestion = suggestions[key]
        organisation = suggestion.organisation or _organisation_for(
            suggestion.expected, by=by, partnership=partnership
        )
        added.append(
            statutory_partner_add(
                partnership=partnership, organisation=organisation, start=start, by=by
            )
        )
    return added


def _organisation_for(
    expected: ExpectedPartner, *, by: Any, partnership: Partnership
) -> Organisation:
    name = _new_name(expected)
    if Organisation.objects.filter(name__iexact=name).exists():
        name = f"{name} ({expected.type_label.lower()})"
    link: dict[str, Any] = {}
    kind = OrganisationKind.LOCAL_AUTHORITY
    if expected.partner_type == PartnerType.LOCAL_AUTHORITY:
        link["local_authority"] = LocalAuthority.objects.get(pk=expected.code)
    elif expected.partner_type == PartnerType.ICB:
        kind = OrganisationKind.ICB
        link["icb"] = IntegratedCareBoard.objects.get(pk=expected.code)
    else:
        kind = OrganisationKind.POLICE
        link["police_force"] = PoliceForceArea.objects.get(pk=expected.code)
    return organisation_create(name=name, kind=kind, by=by, partnership=partnership, **link)

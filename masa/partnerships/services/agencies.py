"""Relevant agencies the partners name to work with them (CA2004 s.16E(1)(b)), why and how.

Published arrangements should say why each was chosen and what it contributes (WT2018 ch3,
WT2023 ch2), so `why_chosen` is required.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from masa.core.errors import Conflict
from masa.core.versioning import UNCHECKED, version_claim
from masa.timeline.services import event_record

from ..models import Organisation, Partnership, RelevantAgency, StatutoryPartner
from ..periods import format_day, format_period, overlapping
from .validate import check_end, check_period, refuse, required_text

WHY_MESSAGE = "Enter why the partners chose this agency"


@transaction.atomic
def relevant_agency_add(
    *,
    partnership: Partnership,
    organisation: Organisation,
    why_chosen: str,
    start: date,
    by: Any,
    contribution: str = "",
    end: date | None = None,
) -> RelevantAgency:
    if not isinstance(organisation, Organisation):
        raise refuse("organisation", "Select the organisation")
    why_chosen = required_text(why_chosen, field="why_chosen", message=WHY_MESSAGE, max_length=5000)
    start, end = check_period(start, end, what="relevant agency")
    if (
        StatutoryPartner.objects.filter(partnership=partnership, organisation=organisation)
        .filter(overlapping(start, end))
        .exists()
    ):
        raise refuse(
            "organisation",
            f"{organisation} is a safeguarding partner of "
            f"{partnership} on those dates, not a relevant agency",
        )
    clash = (
        RelevantAgency.objects.filter(partnership=partnership, organisation=organisation)
        .filter(overlapping(start, end))
        .first()
    )
    if clash is not None:
        message = (
            f"{organisation} is already a relevant agency of {partnership} "
            f"{format_period(clash.start, clash.end)}"
        )
        raise Conflict(message, {"organisation": [message]})
    agency = RelevantAgency.objects.create(
        partnership=partnership,
        organisation=organisation,
        why_chosen=why_chosen,
        contribution=(contribution or "").strip(),
        start=start,
        end=end,
    )
    paragraph = (
        f" (Schedule paragraph {organisation.schedule_paragraph})"
        if organisation.schedule_paragraph
        else " (not named in the regulations)"
    )
    event_record(
        by=by,
        verb="agency.added",
        message=f"Named {organisation}{paragraph} as a relevant agency of {partnership} "
        f"{format_period(start, end)}",
        subject=agency,
        partnership=partnership,
        data={
            "organisation": organisation.pk,
            "start": start.isoformat(),
            "end": end.isoformat() if end else None,
        },
    )
    return agency


@transaction.atomic
def relevant_agency_update(
    *,
    agency: RelevantAgency,
    why_chosen: str,
    contribution: str,
    by: Any,
    expected_version: Any = UNCHECKED,
) -> RelevantAgency:
    agency = (
        RelevantAgency.objects.select_for_update(of=("self",))
        .select_related("partnership", "organisation")
        .get(pk=agency.pk)
    )
    why_chosen = required_text(why_chosen, field="why_chosen", message=WHY_MESSAGE, max_length=5000)
    contribution = (contribution or "").strip()
    changed = [
        label
        for label, old, new in (
            ("why chosen", agency.why_chosen, why_chosen),
            ("contribution", agency.contribution, contribution),
        )
        if old != new
    ]
    if not changed:
        return agency
    version_claim(
        agency,
        expected_version,
        yours={"why_chosen": why_chosen, "contribution": contribution},
    )
    agency.why_chosen, agency.contribution = why_chosen, contribution
    agency.save(update_fields=["why_chosen", "contribution", "updated_at"])
    event_record(
        by=by,
        verb="agency.updated",
        message=f"Updated {' and '.join(changed)} for the relevant agency {agency.organisation}",
        subject=agency,
        partnership=agency.partnership,
        data={"changed": changed},
    )
    return agency


@transaction.atomic
def relevant_agency_end(
    *, agency: RelevantAgency, end: date, by: Any, expected_version: Any = UNCHECKED
) -> RelevantAgency:
    agency = (
        RelevantAgency.objects.select_for_update(of=("self",))
        .select_related("partnership", "organisation")
        .get(pk=agency.pk)
    )
    version_claim(agency, expected_version, yours={"end": end})
    agency.end = check_end(agency, end, what="relevant agency")
    agency.save(update_fields=["end", "updated_at"])
    event_record(
        by=by,
        verb="agency.ended",
        message=f"{agency.organisation} stopped being a relevant agency of {agency.partnership} "
        f"after {format_day(agency.end)}",
        subject=agency,
        partnership=agency.partnership,
        data={"organisation": agency.organisation_id, "end": agency.end.isoformat()},
    )
    return agency

"""The local authority areas a partnership covers, dated.

A local authority area is covered by one partnership at a time: the s.16E duties attach to one LA
area and areas combine only by agreement under s.16J. Areas are recorded on the partnerships that
have no others within them (BHR's three local partnerships, not BHR itself); a partnership with
partnerships within it covers the union of theirs.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from masa.core.errors import Conflict
from masa.core.versioning import UNCHECKED, version_claim
from masa.geography.models import LocalAuthority
from masa.timeline.services import event_record

from ..models import Partnership, PartnershipArea
from ..periods import format_day, format_period, overlapping
from .validate import check_end, check_period, refuse


def _chain(partnership: Partnership) -> list[Partnership]:
    chain = []
    ancestor = partnership.parent
    while ancestor is not None:
        chain.append(ancestor)
        ancestor = ancestor.parent
    return chain


def _conflict_message(la: LocalAuthority, clash: PartnershipArea, target: Partnership) -> str:
    holder = clash.partnership
    period = format_period(clash.start, clash.end)
    if holder.parent_id == target.pk or (holder.parent and holder.parent.parent_id == target.pk):
        return (
            f"{la} is already covered by {holder}, which sits within {target}, {period}. "
            f"Areas are recorded on the local partnership; {target} covers it through "
            f"{holder}"
        )
    if any(ancestor.pk == holder.pk for ancestor in _chain(target)):
        return (
            f"{la} is already covered by {holder} itself, {period}. End that area on "
            f"{holder} first, then record it here"
        )
    return (
        f"{la} is already covered by {holder} {period}. An area can be in only one "
        f"partnership at a time"
    )


@transaction.atomic
def area_add(
    *,
    partnership: Partnership,
    local_authority: LocalAuthority,
    start: date,
    by: Any,
    end: date | None = None,
) -> PartnershipArea:
    if not isinstance(local_authority, LocalAuthority):
        raise refuse("local_authority", "Select a local authority")
    start, end = check_period(start, end, what="area")
    if Partnership.objects.filter(parent=partnership).exists():
        raise Conflict(
            f"{partnership} has local partnerships within it. Record {local_authority} on the "
            f"local partnership that covers it",
            {
                "local_authority": [
                    f"Record {local_authority} on one of the partnerships within {partnership}"
                ]
            },
        )
    # Lock the local authority row so two requests cannot both add it (PostgreSQL); SQLite
    # serialises writes anyway.
    LocalAuthority.objects.select_for_update(of=("self",)).filter(pk=local_authority.pk).first()
    clash = (
        PartnershipArea.objects.filter(local_authority=local_authority)
        .filter(overlapping(start, end))
        .select_related("partnership__parent")
        .order_by("start")
        .first()
    )
    if clash is not None:
        message = _conflict_message(local_authority, clash, partnership)
        raise Conflict(message, {"local_authority": [message]})
    area = PartnershipArea.objects.create(
        partnership=partnership, local_authority=local_authority, start=start, end=end
    )
    event_record(
        by=by,
        verb="area.added",
        message=f"{partnership} covers {local_authority} {format_period(start, end)}",
        subject=area,
        partnership=partnership,
        data={
            "local_authority": local_authority.pk,
            "start": start.isoformat(),
            "end": end.isoformat() if end else None,
        },
    )
    return area


@transaction.atomic
def area_end(
    *, area: PartnershipArea, end: date, by: Any, expected_version: Any = UNCHECKED
) -> PartnershipArea:
    area = (
        PartnershipArea.objects.select_for_update(of=("self",))
        .select_related("partnership", "local_authority")
        .get(pk=area.pk)
    )
    version_claim(area, expected_version, yours={"end": end})
    area.end = check_end(area, end, what="area")
    area.save(update_fields=["end", "updated_at"])
    event_record(
        by=by,
        verb="area.ended",
        message=f"{area.partnership} stopped covering {area.local_authority} after "
        f"{format_day(area.end)}",
        subject=area,
        partnership=area.partnership,
        data={"local_authority": area.local_authority_id, "end": area.end.isoformat()},
    )
    return area

"""Which safeguarding partners a partnership's areas call for (CA2004 s.16E(3)).

For each local authority area the partners are the authority itself, every integrated care board
whose area overlaps it and the chief officer of every police force whose area overlaps it. The
geography registry says which ICBs and forces overlap each authority.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet

from masa.geography.models import IcbOverlap, LocalAuthority

from .models import Organisation, Partnership, PartnershipArea, PartnerType
from .periods import current_on

MARGINAL_SHARE = Decimal("0.02")


@dataclass(frozen=True)
class ExpectedPartner:
    """A partner the geography calls for: `code` is the ONS code of the LA, ICB or force."""

    partner_type: str
    code: str
    name: str
    local_authorities: tuple[str, ...]  # names of the areas it is a partner for
    # ICBs only: the largest share of any of those areas' LSOAs inside the ICB. Below about 0.02
    # the overlap may be an artefact of the LSOA best fit (see geography.selectors).
    lsoa_share: Decimal | None = None

    @property
    def marginal(self) -> bool:
        return self.lsoa_share is not None and self.lsoa_share < MARGINAL_SHARE

    @property
    def key(self) -> str:
        return f"{self.partner_type}:{self.code}"

    @property
    def type_label(self) -> str:
        return PartnerType(self.partner_type).label


def area_rows(partnership: Partnership, on: date) -> QuerySet[PartnershipArea]:
    """Areas the partnership covers on `on`: its own and those of partnerships within it."""
    return (
        PartnershipArea.objects.filter(
            Q(partnership=partnership)
            | Q(partnership__parent=partnership)
            | Q(partnership__parent__parent=partnership)
        )
        .filter(current_on(on))
        .select_related("local_authority", "partnership")
        .prefetch_related(
            "local_authority__police_forces",
            Prefetch(
                "local_authority__icboverlap_set",
                queryset=IcbOverlap.objects.select_related("icb"),
            ),
        )
        .order_by("local_authority__name")
    )


def expected_partners(local_authorities: Iterable[LocalAuthority]) -> list[ExpectedPartner]:
    """Partners for the given authorities, LA then ICBs then police forces, each by name.

    Prefetch `police_forces` and `icboverlap_set__icb` (as `area_rows` does) to keep this to no
    queries."""
    found: dict[tuple[str, str], tuple[str, list[str]]] = {}
    shares: dict[str, Decimal] = {}

    def add(partner_type: str, code: str, name: str, area: str) -> None:
        entry = found.setdefault((partner_type, code), (name, []))
        if area not in entry[1]:
            entry[1].append(area)

    for la in local_authorities:
        add(PartnerType.LOCAL_AUTHORITY, la.code, la.name, la.name)
        for overlap in la.icboverlap_set.all():
            add(PartnerType.ICB, overlap.icb_id, overlap.icb.name, la.name)
            shares[overlap.icb_id] = max(shares.get(overlap.icb_id, Decimal(0)), overlap.lsoa_share)
        for force in la.police_forces.all():
            add(PartnerType.POLICE, force.code, force.name, la.name)
    order = {PartnerType.LOCAL_AUTHORITY: 0, PartnerType.ICB: 1, PartnerType.POLICE: 2}
    return sorted(
        (
            ExpectedPartner(
                t, code, name, tuple(areas), shares.get(code) if t == PartnerType.ICB else None
            )
            for (t, code), (name, areas) in found.items()
        ),
        key=lambda e: (order[PartnerType(e.partner_type)], e.name),
    )


def geography_key(organisation: Organisation) -> str | None:
    """`partner_type:code` of the geography row the organisation stands for, if any."""
    if organisation.local_authority_id:
        return f"{PartnerType.LOCAL_AUTHORITY}:{organisation.local_authority_id}"
    if organisation.icb_id:
        return f"{PartnerType.ICB}:{organisation.icb_id}"
    if organisation.police_force_id:
        return f"{PartnerType.POLICE}:{organisation.police_force_id}"
    return None

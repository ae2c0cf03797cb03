"""Reads over the geography: which partnership covers each LA, police force area and ICB on a date,
and which police forces and ICBs are safeguarding partners for a set of LAs.

`coverage()` runs a fixed number of queries (seven) whatever the number of rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Final, Literal

from django.db.models import Max, Prefetch, Q

from masa.partnerships.models import Partnership, PartnershipArea

from .models import IcbOverlap, IntegratedCareBoard, LocalAuthority, PoliceForceArea

CoverageStatus = Literal["covered", "uncovered", "double_covered"]
COVERED: Final = "covered"
UNCOVERED: Final = "uncovered"
DOUBLE_COVERED: Final = "double_covered"


@dataclass(frozen=True)
class PartnershipRef:
    id: int
    slug: str
    name: str


@dataclass(frozen=True)
class LocalAuthorityCoverage:
    local_authority: LocalAuthority
    # The leaf partnership covering the LA and its parent chain (nearest first). Both empty when the
    # LA is uncovered or double-covered; `partnerships` then lists every covering leaf.
    partnership: PartnershipRef | None
    parents: tuple[PartnershipRef, ...]
    partnerships: tuple[PartnershipRef, ...]
    police_forces: tuple[PoliceForceArea, ...]
    icb_overlaps: tuple[IcbOverlap, ...]  # largest LSOA share first; `.icb` is loaded

    @property
    def status(self) -> CoverageStatus:
        if len(self.partnerships) > 1:
            return DOUBLE_COVERED
        return COVERED if self.partnerships else UNCOVERED

    @property
    def is_covered(self) -> bool:
        return bool(self.partnerships)


@dataclass(frozen=True)
class AreaCoverage:
    """A police force area or an ICB, the LAs it overlaps, and the leaf partnerships covering
    them."""

    area: PoliceForceArea | IntegratedCareBoard
    local_authorities: tuple[LocalAuthorityCoverage, ...]
    partnerships: tuple[PartnershipRef, ...]

    @property
    def covered(self) -> bool:
        """Every LA it overlaps is covered (an area with no LA at all is not)."""
        return bool(self.local_authorities) and all(la.is_covered for la in self.local_authorities)

    @property
    def uncovered_local_authorities(self) -> tuple[LocalAuthorityCoverage, ...]:
        return tuple(la for la in self.local_authorities if not la.is_covered)


@dataclass(frozen=True)
class Coverage:
    on: date
    local_authorities: tuple[LocalAuthorityCoverage, ...]
    police_force_areas: tuple[AreaCoverage, ...]
    icbs: tuple[AreaCoverage, ...]
    region_code: str = ""  # set by `in_region`

    @property
    def covered(self) -> tuple[LocalAuthorityCoverage, ...]:
        return tuple(la for la in self.local_authorities if la.is_covered)

    @property
    def uncovered(self) -> tuple[LocalAuthorityCoverage, ...]:
        return tuple(la for la in self.local_authorities if la.status == UNCOVERED)

    @property
    def double_covered(self) -> tuple[LocalAuthorityCoverage, ...]:
        return tuple(la for la in self.local_authorities if la.status == DOUBLE_COVERED)

    @property
    def covered_police_force_areas(self) -> tuple[AreaCoverage, ...]:
        return tuple(area for area in self.police_force_areas if area.covered)

    @property
    def covered_icbs(self) -> tuple[AreaCoverage, ...]:
        return tuple(area for area in self.icbs if area.covered)

    @property
    def uncovered_police_force_areas(self) -> tuple[AreaCoverage, ...]:
        return tuple(area for area in self.police_force_areas if not area.covered)

    @property
    def uncovered_icbs(self) -> tuple[AreaCoverage, ...]:
        return tuple(area for area in self.icbs if not area.covered)

    @property
    def regions(self) -> list[tuple[str, str]]:
        """(code, name) of every region with an LA, by name."""
        found = {la.local_authority.region_code: la.local_authority.region_name
                 for la in self.local_authorities}  # fmt: skip
        return sorted(found.items(), key=lambda item: item[1])

    def in_region(self, region_code: str) -> Coverage:
        """The LAs of one region, and the forces and ICBs overlapping any of them. A force's or an
        ICB's `covered` still looks at all its LAs, in whichever region."""
        las = tuple(
            la for la in self.local_authorities if la.local_authority.region_code == region_code
        )
        codes = {la.local_authority.code for la in las}

        def touches(area: AreaCoverage) -> bool:
            return any(la.local_authority.code in codes for la in area.local_authorities)

        return replace(
            self,
            local_authorities=las,
            police_force_areas=tuple(a for a in self.police_force_areas if touches(a)),
            icbs=tuple(a for a in self.icbs if touches(a)),
            region_code=region_code,
        )

    def by_region(self) -> list[tuple[str, list[LocalAuthorityCoverage]]]:
        """(region name, its LAs by name), regions by name: the tile map's groups."""
        groups: dict[str, list[LocalAuthorityCoverage]] = defaultdict(list)
        for la in self.local_authorities:
            groups[la.local_authority.region_name].append(la)
        return sorted(groups.items())


def coverage(*, on: date) -> Coverage:
    """Who covers every LA, police force area and ICB on `on`.

    An LA is covered by the partnerships with an area row current on that date. A partnership whose
    parent chain holds another covering partnership is the leaf (an area recorded on both BHR and
    Havering is covered by Havering, parent BHR). Two covering partnerships outside one chain make
    the LA double-covered: the database stops two open rows, but dated rows can still overlap."""
    chains = _parent_chains()
    covering: dict[str, set[int]] = defaultdict(set)
    for la_code, partnership_id in (
        PartnershipArea.objects.filter(start__lte=on)
        .filter(Q(end__isnull=True) | Q(end__gte=on))
        .order_by()
        .values_list("local_authority_id", "partnership_id")
    ):
        covering[la_code].add(partnership_id)

    las = []
    for la in LocalAuthority.objects.real().prefetch_related(
        "police_forces",
        Prefetch("icboverlap_set", queryset=IcbOverlap.objects.select_related("icb").order_by()),
    ):
        leaves = _leaves(covering.get(la.code, set()), chains)
        single = leaves[0] if len(leaves) == 1 else None
        las.append(
            LocalAuthorityCoverage(
                local_authority=la,
                partnership=single,
                parents=chains[single.id][1:] if single else (),
                partnerships=tuple(leaves),
                police_forces=tuple(la.police_forces.all()),
                icb_overlaps=tuple(
                    sorted(la.icboverlap_set.all(), key=lambda o: (-o.lsoa_share, o.icb.name))
                ),
            )
        )

    forces = defaultdict(list)
    icbs = defaultdict(list)
    for la_coverage in las:
        for force in la_coverage.police_forces:
            forces[force.code].append(la_coverage)
        for overlap in la_coverage.icb_overlaps:
            icbs[overlap.icb_id].append(la_coverage)
    return Coverage(
        on=on,
        local_authorities=tuple(las),
        police_force_areas=tuple(
            _area(force, forces[force.code]) for force in PoliceForceArea.objects.real()
        ),
        icbs=tuple(_area(icb, icbs[icb.code]) for icb in IntegratedCareBoard.objects.real()),
    )


def partners_expected_for(
    local_authorities: Iterable[LocalAuthority | str],
) -> dict[str, list]:
    """The police force areas and ICBs that are safeguarding partners for these LAs:
    `{"police": [PoliceForceArea…], "icbs": [IntegratedCareBoard…]}`, each by name. CA2004
    s.16E(3): every ICB, and the chief officer of police, for an area any part of which falls
    within the LA area.

    Each ICB carries `largest_lsoa_share` (the largest share of any given LA's LSOAs in it): under
    about 0.02 the overlap may be an artefact of the LSOA best fit — show it, flagged, for a person
    to confirm; do not drop it."""
    codes = [la.pk if isinstance(la, LocalAuthority) else la for la in local_authorities]
    police = PoliceForceArea.objects.filter(local_authorities__in=codes).distinct().order_by("name")
    icbs = (
        IntegratedCareBoard.objects.filter(icboverlap__local_authority__in=codes)
        .annotate(largest_lsoa_share=Max("icboverlap__lsoa_share"))
        .order_by("name")
    )
    return {"police": list(police), "icbs": list(icbs)}


def _parent_chains() -> dict[int, tuple[PartnershipRef, ...]]:
    """Each partnership id → (itself, parent, grandparent, …). One query; safe against cycles."""
    rows = {
        pk: (PartnershipRef(id=pk, slug=slug, name=name), parent_id)
        for pk, slug, name, parent_id in Partnership.objects.values_list(
            "id", "slug", "name", "parent_id"
        )
    }
    chains: dict[int, tuple[PartnershipRef, ...]] = {}
    for pk in rows:
        chain: list[PartnershipRef] = []
        current: int | None = pk
        while current is not None and current in rows and rows[current][0] not in chain:
            chain.append(rows[current][0])
            current = rows[current][1]
        chains[pk] = tuple(chain)
    return chains


def _leaves(ids: set[int], chains: dict[int, tuple[PartnershipRef, ...]]) -> list[PartnershipRef]:
    """The covering partnerships that are not a parent (at any depth) of another covering one."""
    ancestors = {pk: {ref.id for ref in chains[pk][1:]} for pk in ids}
    leaves = [pk for pk in ids if not any(pk in ancestors[other] for other in ids if other != pk)]
    return sorted((chains[pk][0] for pk in leaves or ids), key=lambda ref: ref.name.casefold())


def _area(
    area: PoliceForceArea | IntegratedCareBoard, las: list[LocalAuthorityCoverage]
) -> AreaCoverage:
    partnerships = {ref for la in las for ref in la.partnerships}
    return AreaCoverage(
        area=area,
        local_authorities=tuple(las),
        partnerships=tuple(sorted(partnerships, key=lambda ref: ref.name.casefold())),
    )

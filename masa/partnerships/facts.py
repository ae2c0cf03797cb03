"""What the registry records about a partnership on one day, gathered in a fixed number of queries.

`registry_facts` is the one read both the registry's findings and the compliance matrix derive
their statuses from, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from masa.geography.models import LocalAuthority

from .expected import ExpectedPartner, area_rows, expected_partners, geography_key
from .models import (
    Board,
    BoardKind,
    Partnership,
    PartnershipArea,
    PartnerType,
    Priority,
    RelevantAgency,
    RoleAssignment,
    RoleKind,
    StatutoryPartner,
)
from .periods import current_on
from .schedule import EDUCATION_PARAGRAPHS

STRATEGIC_KINDS = frozenset({BoardKind.STRATEGIC, BoardKind.EXECUTIVE})


def same_holder(a: RoleAssignment, b: RoleAssignment) -> bool:
    """The two posts are held by one person: same user, same name, or the same job title."""
    if a.user_id and b.user_id and a.user_id == b.user_id:
        return True
    if (
        a.person_name.strip()
        and a.person_name.strip().casefold() == b.person_name.strip().casefold()
    ):
        return True
    return a.job_title.strip().casefold() == b.job_title.strip().casefold()


@dataclass(frozen=True)
class RegistryFacts:
    """The registry on `on`. Tuples hold current rows only; dicts are keyed by PartnerType value
    and have a key for each of the three partners."""

    partnership: Partnership
    on: date
    guidance: str  # Guidance value: "wt2018" | "wt2023"
    areas: tuple[PartnershipArea, ...]  # its own and those of partnerships within it
    local_authorities: tuple[LocalAuthority, ...]
    partners: tuple[StatutoryPartner, ...]
    partners_by_type: dict[str, tuple[StatutoryPartner, ...]]
    expected_partners: tuple[ExpectedPartner, ...]  # what the areas call for (s.16E(3))
    missing_partners: tuple[ExpectedPartner, ...]  # expected, with no current partner row
    unexpected_partners: tuple[StatutoryPartner, ...]  # linked to a row no area calls for
    unlinked_partners: tuple[StatutoryPartner, ...]  # not linked to the geography registry
    lead_partners: dict[str, tuple[RoleAssignment, ...]]
    delegated_partners: dict[str, tuple[RoleAssignment, ...]]
    chairs: tuple[RoleAssignment, ...]
    scrutineers: tuple[RoleAssignment, ...]
    business_managers: tuple[RoleAssignment, ...]
    education_representatives: tuple[RoleAssignment, ...]
    boards: tuple[Board, ...]  # every board (boards are not dated)
    education_boards: tuple[Board, ...]  # strategic or executive, with education represented
    relevant_agencies: tuple[RelevantAgency, ...]
    education_agencies: tuple[RelevantAgency, ...]  # Schedule paragraphs 1–12
    agencies_without_reason: tuple[RelevantAgency, ...]
    priorities: tuple[Priority, ...]

    @property
    def chair(self) -> RoleAssignment | None:
        return self.chairs[0] if self.chairs else None

    @property
    def scrutineer(self) -> RoleAssignment | None:
        return self.scrutineers[0] if self.scrutineers else None

    @property
    def business_manager(self) -> RoleAssignment | None:
        return self.business_managers[0] if self.business_managers else None

    @property
    def partner_types_missing(self) -> frozenset[str]:
        return frozenset(e.partner_type for e in self.missing_partners)

    @property
    def has_all_partners(self) -> bool:
        return bool(self.areas) and not self.missing_partners

    @property
    def education_agency_count(self) -> int:
        return len(self.education_agencies)

    @property
    def education_at_strategic_level(self) -> bool:
        return bool(self.education_representatives or self.education_boards)

    @property
    def chair_is_delegate(self) -> bool:
        """The chair is held by a delegated partner of this partnership, current on `on`."""
        chair = self.chair
        if chair is None or chair.held_by_delegate is None:
            return False
        delegate = chair.held_by_delegate
        return (
            delegate.role == RoleKind.DELEGATED_PARTNER
            and delegate.partnership_id == self.partnership.pk
            and delegate.is_current(self.on)
        )

    @property
    def chair_is_scrutineer(self) -> bool:
        return bool(self.chair and self.scrutineer and same_holder(self.chair, self.scrutineer))

    @property
    def functions_distinct(self) -> bool:
        """Chair, business management and independent scrutiny are held by different people."""
        held = [r for r in (self.chair, self.business_manager, self.scrutineer) if r is not None]
        return not any(same_holder(a, b) for i, a in enumerate(held) for b in held[i + 1 :])

    def leads_complete(self) -> bool:
        return all(len(rows) == 1 for rows in self.lead_partners.values())

    def delegates_complete(self) -> bool:
        return all(len(rows) == 1 for rows in self.delegated_partners.values())


def _by_type(rows: list[RoleAssignment] | list[StatutoryPartner]) -> dict[str, tuple]:
    grouped: dict[str, list] = {t.value: [] for t in PartnerType}
    for row in rows:
        grouped.setdefault(row.partner_type, []).append(row)
    return {t: tuple(items) for t, items in grouped.items()}


def registry_facts(partnership: Partnership, on: date) -> RegistryFacts:
    """Everything the registry records for `partnership` on `on`, in about ten queries."""
    areas = tuple(area_rows(partnership, on))
    local_authorities = tuple(area.local_authority for area in areas)
    expected = tuple(expected_partners(local_authorities))
    partners = tuple(
        StatutoryPartner.objects.filter(partnership=partnership)
        .filter(current_on(on))
        .select_related("organisation")
        .order_by("partner_type", "organisation__name")
    )
    present = {geography_key(p.organisation) for p in partners}
    expected_keys = {e.key for e in expected}
    roles = list(
        RoleAssignment.objects.filter(partnership=partnership)
        .filter(current_on(on))
        .select_related("organisation", "held_by_delegate")
        .order_by("role", "-start", "pk")
    )

    def holders(role: str) -> list[RoleAssignment]:
        return [r for r in roles if r.role == role]

    agencies = tuple(
        RelevantAgency.objects.filter(partnership=partnership)
        .filter(current_on(on))
        .select_related("organisation")
        .order_by("organisation__name")
    )
    boards = tuple(Board.objects.filter(partnership=partnership).select_related("parent"))
    return RegistryFacts(
        partnership=partnership,
        on=on,
        guidance=partnership.guidance,
        areas=areas,
        local_authorities=local_authorities,
        partners=partners,
        partners_by_type=_by_type(list(partners)),
        expected_partners=expected,
        missing_partners=tuple(e for e in expected if e.key not in present),
        unexpected_partners=tuple(
            p
            for p in partners
            if geography_key(p.organisation) and geography_key(p.organisation) not in expected_keys
        ),
        unlinked_partners=tuple(p for p in partners if geography_key(p.organisation) is None),
        lead_partners=_by_type(holders(RoleKind.LEAD_PARTNER)),
        delegated_partners=_by_type(holders(RoleKind.DELEGATED_PARTNER)),
        chairs=tuple(holders(RoleKind.CHAIR)),
        scrutineers=tuple(holders(RoleKind.SCRUTINEER)),
        business_managers=tuple(holders(RoleKind.BUSINESS_MANAGER)),
        education_representatives=tuple(holders(RoleKind.EDUCATION_REPRESENTATIVE)),
        boards=boards,
        education_boards=tuple(
            b for b in boards if b.kind in STRATEGIC_KINDS and b.includes_education
        ),
        relevant_agencies=agencies,
        education_agencies=tuple(
            a for a in agencies if a.organisation.schedule_paragraph in EDUCATION_PARAGRAPHS
        ),
        agencies_without_reason=tuple(a for a in agencies if not a.why_chosen.strip()),
        priorities=tuple(
            Priority.objects.filter(partnership=partnership)
            .filter(current_on(on))
            .order_by("position", "title")
        ),
    )

"""Reads over the registry. Every function runs a fixed number of queries whatever the data size."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from masa.accounts.selectors import partnerships_visible_to
from masa.timeline.models import Event
from masa.timeline.selectors import case_event_counts, events_for_partnership, history_of

from .facts import RegistryFacts, registry_facts
from .findings import Finding, findings_for
from .models import (
    Board,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipArea,
    Priority,
    RelevantAgency,
    RoleAssignment,
    RoleKind,
    StatutoryPartner,
)
from .periods import current_on


def partnerships_for(user, *, on: date) -> QuerySet[Partnership]:
    """The partnerships the user may see, each with `current_areas` (areas on `on`) and
    `child_count`."""
    return (
        partnerships_visible_to(user)
        .select_related("parent")
        .annotate(child_count=Count("children"))
        .prefetch_related(
            Prefetch(
                "areas",
                queryset=PartnershipArea.objects.filter(current_on(on)).select_related(
                    "local_authority"
                ),
                to_attr="current_areas",
            )
        )
        .order_by("name")
    )


@dataclass(frozen=True)
class RoleGroup:
    role: str
    label: str
    current: tuple[RoleAssignment, ...]
    upcoming: tuple[RoleAssignment, ...]
    ended: tuple[RoleAssignment, ...]

    @property
    def rows(self) -> tuple[RoleAssignment, ...]:
        return self.current + self.upcoming + self.ended


def _role_rows(partnership: Partnership) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(partnership=partnership).select_related(
        "organisation", "held_by_delegate", "user"
    )


def roles_with_history(partnership: Partnership, on: date | None = None) -> list[RoleGroup]:
    """Every post by role (in RoleKind order): current holders on `on` (default today), then
    future ones, then ended ones, newest first. Roles with no rows have empty tuples. One query."""
    on = on or timezone.localdate()
    rows = list(_role_rows(partnership))
    groups = []
    for role in RoleKind:
        mine = [r for r in rows if r.role == role]
        current = sorted(
            (r for r in mine if r.is_current(on)),
            key=lambda r: (r.partner_type, -r.start.toordinal()),
        )
        upcoming = sorted((r for r in mine if r.start > on), key=lambda r: r.start)
        ended = sorted(
            (r for r in mine if r.end is not None and r.end < on),
            key=lambda r: (r.end, r.start),
            reverse=True,
        )
        groups.append(
            RoleGroup(role.value, role.label, tuple(current), tuple(upcoming), tuple(ended))
        )
    return groups


@dataclass(frozen=True)
class Overview:
    partnership: Partnership
    on: date
    facts: RegistryFacts
    findings: list[Finding]
    children: list[Partnership]
    events: list[Event]
    counts: dict[str, int] = field(default_factory=dict)
    hidden_case_events: list[tuple[str, int]] = field(default_factory=list)

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def people(self) -> list[tuple[str, list[RoleAssignment]]]:
        """Current post holders by role label, in RoleKind order; roles with nobody left out."""
        facts = self.facts
        by_role: list[tuple[str, list[RoleAssignment]]] = [
            (
                RoleKind.LEAD_PARTNER.label,
                [r for rows in facts.lead_partners.values() for r in rows],
            ),
            (
                RoleKind.DELEGATED_PARTNER.label,
                [r for rows in facts.delegated_partners.values() for r in rows],
            ),
            (RoleKind.CHAIR.label, list(facts.chairs)),
            (RoleKind.SCRUTINEER.label, list(facts.scrutineers)),
            (RoleKind.BUSINESS_MANAGER.label, list(facts.business_managers)),
            (RoleKind.EDUCATION_REPRESENTATIVE.label, list(facts.education_representatives)),
        ]
        return [(label, rows) for label, rows in by_role if rows]


def partnership_overview(
    partnership: Partnership, on: date, *, events: int = 10, case_details: bool = True
) -> Overview:
    """The overview on `on`; without `case_details` its latest events leave out those about case
    records and say how many there are instead."""
    facts = registry_facts(partnership, on)
    people = sum(
        len(rows) for _, rows in (*facts.lead_partners.items(), *facts.delegated_partners.items())
    ) + len(
        facts.chairs + facts.scrutineers + facts.business_managers + facts.education_representatives
    )
    return Overview(
        partnership=partnership,
        on=on,
        facts=facts,
        findings=findings_for(partnership, on=on, facts=facts),
        children=list(partnership.children.order_by("name")),
        events=list(
            events_for_partnership(partnership=partnership, limit=events, case_details=case_details)
        ),
        hidden_case_events=[] if case_details else case_event_counts(partnership=partnership),
        counts={
            "areas": len(facts.areas),
            "partners": len(facts.partners),
            "people": people,
            "relevant_agencies": len(facts.relevant_agencies),
            "education_agencies": facts.education_agency_count,
            "boards": len(facts.boards),
            "priorities": len(facts.priorities),
        },
    )


def areas_for(partnership: Partnership) -> QuerySet[PartnershipArea]:
    """Every area row, current and past, of the partnership and the partnerships within it."""
    return (
        PartnershipArea.objects.filter(
            Q(partnership=partnership)
            | Q(partnership__parent=partnership)
            | Q(partnership__parent__parent=partnership)
        )
        .select_related("local_authority", "partnership")
        .order_by("local_authority__name", "-start")
    )


def statutory_partners_for(partnership: Partnership) -> QuerySet[StatutoryPartner]:
    return (
        StatutoryPartner.objects.filter(partnership=partnership)
        .select_related(
            "organisation__local_authority", "organisation__icb", "organisation__police_force"
        )
        .order_by("partner_type", "-start", "organisation__name")
    )


def relevant_agencies_for(partnership: Partnership) -> QuerySet[RelevantAgency]:
    return (
        RelevantAgency.objects.filter(partnership=partnership)
        .select_related("organisation")
        .order_by(
            F("organisation__schedule_paragraph").asc(nulls_last=True),
            "organisation__name",
            "-start",
        )
    )


def boards_for(partnership: Partnership) -> list[tuple[Board, int]]:
    """Boards as an outline: each board then the groups reporting to it, with their depth."""
    boards = list(
        Board.objects.filter(partnership=partnership)
        .select_related("parent")
        .order_by("kind", "name")
    )
    children: dict[int | None, list[Board]] = {}
    known = {b.pk for b in boards}
    for board in boards:
        parent = board.parent_id if board.parent_id in known else None
        children.setdefault(parent, []).append(board)
    outline: list[tuple[Board, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for board in children.get(parent, []):
            if board.pk not in seen:
                seen.add(board.pk)
                outline.append((board, depth))
                walk(board.pk, depth + 1)

    walk(None, 0)
    outline.extend((b, 0) for b in boards if b.pk not in seen)  # cycles, should none exist
    return outline


def priorities_for(partnership: Partnership) -> QuerySet[Priority]:
    return Priority.objects.filter(partnership=partnership).order_by("position", "-start")


def organisations_of_kinds(kinds: Iterable[str]) -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind__in=list(kinds)).order_by("name")


def agency_organisations() -> QuerySet[Organisation]:
    """Organisations a partnership may name as a relevant agency."""
    return organisations_of_kinds([OrganisationKind.RELEVANT_AGENCY, OrganisationKind.OTHER])


def partnership_organisations(partnership: Partnership) -> QuerySet[Organisation]:
    """The partnership's statutory partner and relevant agency organisations (any date)."""
    return Organisation.objects.filter(
        Q(pk__in=StatutoryPartner.objects.filter(partnership=partnership).values("organisation_id"))
        | Q(pk__in=RelevantAgency.objects.filter(partnership=partnership).values("organisation_id"))
    ).order_by("name")


def delegates_for(partnership: Partnership) -> QuerySet[RoleAssignment]:
    """Delegated safeguarding partner rows not yet ended (for choosing who holds the chair)."""
    return RoleAssignment.objects.filter(
        partnership=partnership, role=RoleKind.DELEGATED_PARTNER, end__isnull=True
    ).order_by("partner_type", "-start")


def members_of(partnership: Partnership):
    """Users with an active membership of the partnership or its parent."""
    chain = [partnership.pk] + ([partnership.parent_id] if partnership.parent_id else [])
    return (
        get_user_model()
        .objects.filter(memberships__partnership_id__in=chain, memberships__is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def history_for(partnership: Partnership, *, case_details: bool = True) -> QuerySet[Event]:
    """Every event of the partnership, newest first; without `case_details`, none about a case."""
    return history_of(partnership=partnership, case_details=case_details)

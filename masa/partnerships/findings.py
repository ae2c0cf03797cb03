"""What a partnership's records show is missing or inconsistent, under the guidance it works to.

Findings never raise: a gap in the records is a finding. Severity follows the source's level:
`error` where the Act says *must* (the three partners, independent scrutiny), `warning` where the
guidance says *should*, `info` for good practice the partnership's guidance does not yet expect
(WT2023 expectations shown to a WT2018 partnership).

Each finding names the statute library derivation rule (`rule`) it bears on; `requirement_ids`
are the library's requirements with `evidence: derived:<rule>` in the partnership's frameworks.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from .facts import RegistryFacts, registry_facts, same_holder
from .models import Guidance, Partnership, PartnerType, RoleKind

__all__ = ["Finding", "RegistryFacts", "findings_for", "registry_facts"]

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | info
    message: str
    requirement_ids: tuple[str, ...]
    fix_url: str
    rule: str = ""  # statute library derivation rule, e.g. "three_partners_present"


@functools.lru_cache(maxsize=8)
def _requirements_by_rule(guidance: str) -> dict[str, tuple[str, ...]]:
    try:
        from masa.statute.loader import load_library

        library = load_library()
        frameworks = set(library.frameworks_for_guidance(guidance))
    except Exception:  # no library (or not this guidance yet): findings still stand
        return {}
    found: dict[str, list[str]] = {}
    for requirement in library.requirements.values():
        if requirement.framework in frameworks and requirement.derivation:
            found.setdefault(requirement.derivation, []).append(requirement.id)
    return {rule: tuple(ids) for rule, ids in found.items()}


def findings_for(
    partnership: Partnership, *, on: date, facts: RegistryFacts | None = None
) -> list[Finding]:
    """Findings on `on`, problems first. Pass `facts` if you already hold them."""
    facts = facts or registry_facts(partnership, on)
    slug = partnership.slug
    requirements = _requirements_by_rule(partnership.guidance)
    found: list[Finding] = []

    def url(name: str, query: str = "", pk: int | None = None) -> str:
        args = [slug] if pk is None else [slug, pk]
        return reverse(f"partnerships:{name}", args=args) + (f"?{query}" if query else "")

    def add(code: str, severity: str, rule: str, message: str, fix_url: str) -> None:
        found.append(Finding(code, severity, message, requirements.get(rule, ()), fix_url, rule))

    _partners(facts, add, url)
    if partnership.guidance == Guidance.WT2023:
        _wt2023_people(facts, add, url)
    else:
        _wt2018_people(facts, add, url)
    if not facts.scrutineers:
        add(
            "scrutineer_missing",
            ERROR,
            "scrutineer_appointed",
            "No independent scrutineer is recorded. The arrangements must include scrutiny of "
            "their effectiveness by an independent person (Children Act 2004 s.16G(3)).",
            url("role-add", "role=scrutineer"),
        )
    _agencies(facts, add, url)
    if not facts.priorities:
        add(
            "priorities_missing",
            WARNING if partnership.guidance == Guidance.WT2023 else INFO,
            "priorities_agreed",
            "No current shared priorities are recorded.",
            url("priority-add"),
        )
    return sorted(found, key=lambda f: SEVERITY_ORDER[f.severity])


Add = Callable[[str, str, str, str, str], None]
Url = Callable[..., str]


def _partners(facts: RegistryFacts, add: Add, url: Url) -> None:
    if not facts.areas:
        add(
            "no_area",
            ERROR,
            "areas_covered",
            "No local authority area is recorded, so MASA cannot tell which safeguarding "
            "partners the arrangements need.",
            url("area-add"),
        )
        return
    for expected in facts.missing_partners:
        areas = ", ".join(expected.local_authorities)
        if expected.marginal:
            add(
                "partner_missing_marginal",
                WARNING,
                "three_partners_present",
                f"{expected.name} is not recorded as a safeguarding partner. It overlaps "
                f"{areas} by less than 2% of the area, which may be a mapping artefact: "
                f"confirm whether it is a partner.",
                url("partner-suggestions"),
            )
            continue
        add(
            "partner_missing",
            ERROR,
            "three_partners_present",
            f"{expected.name} is not recorded as a safeguarding partner "
            f"({expected.type_label.lower()} for {areas}).",
            url("partner-suggestions"),
        )
    for partner in facts.unexpected_partners:
        add(
            "partner_outside_area",
            WARNING,
            "three_partners_present",
            f"{partner.organisation} is recorded as a safeguarding partner, but it does not "
            f"cover any of the partnership's areas.",
            url("partners"),
        )
    for partner in facts.unlinked_partners:
        add(
            "partner_unlinked",
            INFO,
            "three_partners_present",
            f"{partner.organisation} is not linked to the geography registry, so MASA cannot "
            f"check which area it is a partner for.",
            url("partners"),
        )


def _one_per_type(
    facts: RegistryFacts, add: Add, url: Url, *, role: str, rule: str, code: str, noun: str
) -> None:
    rows = facts.lead_partners if role == RoleKind.LEAD_PARTNER else facts.delegated_partners
    for partner_type in PartnerType:
        holders = rows.get(partner_type.value, ())
        query = f"role={role}&partner_type={partner_type.value}"
        if not holders:
            add(
                f"{code}_missing",
                WARNING,
                rule,
                f"No {noun} is recorded for the {partner_type.label.lower()}.",
                url("role-add", query),
            )
        elif len(holders) > 1:
            add(
                f"{code}_multiple",
                WARNING,
                rule,
                f"{len(holders)} {noun}s are recorded for the {partner_type.label.lower()}; "
                f"there should be one.",
                url("people"),
            )


def _wt2023_people(facts: RegistryFacts, add: Add, url: Url) -> None:
    _one_per_type(
        facts,
        add,
        url,
        role=RoleKind.LEAD_PARTNER,
        rule="lsps_named",
        code="lsp",
        noun="lead safeguarding partner",
    )
    _one_per_type(
        facts,
        add,
        url,
        role=RoleKind.DELEGATED_PARTNER,
        rule="dsps_named",
        code="dsp",
        noun="delegated safeguarding partner",
    )
    chair = facts.chair
    if chair is None:
        add(
            "chair_missing",
            WARNING,
            "chair_is_dsp",
            "No partnership chair is recorded. The lead partners should appoint one of the "
            "delegated safeguarding partners as chair.",
            url("role-add", "role=chair"),
        )
    elif chair.held_by_delegate is None:
        add(
            "chair_not_delegate",
            WARNING,
            "chair_is_dsp",
            f"The partnership chair ({chair.job_title}) is not recorded as one of the delegated "
            f"safeguarding partners; under Working Together 2023 the chair is a delegated "
            f"partner and there is no independent chair.",
            url("role-add", "role=chair"),
        )
    elif not facts.chair_is_delegate:
        add(
            "chair_delegate_not_current",
            WARNING,
            "chair_is_dsp",
            f"The partnership chair is held by {chair.held_by_delegate.job_title}, who is no "
            f"longer a current delegated safeguarding partner.",
            url("role-add", "role=chair"),
        )
    if facts.chair_is_scrutineer:
        add(
            "chair_is_scrutineer",
            WARNING,
            "chair_not_scrutineer",
            "The partnership chair and the independent scrutineer are the same person; the "
            "two functions should be separate and distinct.",
            url("people"),
        )
    if not facts.business_managers:
        add(
            "business_manager_missing",
            WARNING,
            "three_functions_distinct",
            "No business manager is recorded: the arrangements need a business management "
            "function beside the chair and independent scrutiny.",
            url("role-add", "role=business_manager"),
        )
    manager = facts.business_manager
    if manager is not None and any(
        other is not None and same_holder(manager, other)
        for other in (facts.chair, facts.scrutineer)
    ):
        add(
            "functions_not_distinct",
            WARNING,
            "three_functions_distinct",
            "The business manager also holds the chair or independent scrutiny; the three "
            "functions should be held separately.",
            url("people"),
        )
    if not facts.education_at_strategic_level:
        add(
            "education_strategic_missing",
            WARNING,
            "education_strategic",
            "No education representative at strategic level is recorded: record an education "
            "representative, or mark the strategic group on which education is represented.",
            url("role-add", "role=education_representative"),
        )


def _wt2018_people(facts: RegistryFacts, add: Add, url: Url) -> None:
    _one_per_type(
        facts,
        add,
        url,
        role=RoleKind.LEAD_PARTNER,
        rule="lsps_named",
        code="lead",
        noun="lead representative",
    )
    if not facts.education_at_strategic_level:
        add(
            "education_strategic_missing",
            INFO,
            "education_strategic",
            "No education representative at strategic level is recorded. Working Together "
            "2023 expects one.",
            url("role-add", "role=education_representative"),
        )


def _agencies(facts: RegistryFacts, add: Add, url: Url) -> None:
    if not facts.relevant_agencies:
        add(
            "agencies_none",
            WARNING,
            "relevant_agencies_named",
            "No relevant agencies are recorded. The published arrangements must set out which "
            "organisations the partners work with.",
            url("agency-add"),
        )
    if not facts.education_agencies:
        add(
            "schools_not_named",
            WARNING,
            "schools_named",
            "No schools or colleges (Schedule paragraphs 1 to 12) are named as relevant "
            "agencies; the partners are expected to name them.",
            url("agency-add"),
        )
    for agency in facts.agencies_without_reason:
        add(
            "agency_without_reason",
            WARNING,
            "relevant_agencies_named",
            f"Say why {agency.organisation} was chosen as a relevant agency.",
            url("agency-edit", pk=agency.pk),
        )

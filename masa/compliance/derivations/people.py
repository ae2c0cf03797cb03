"""Rules over the posts in the arrangements: lead and delegated partners, chair, scrutineer,
business manager, and the priorities the lead partners agree.

Each judges one partnership's registry facts; `nested` lets a parent partnership meet them through
the partnerships within it.
"""

from __future__ import annotations

from masa.partnerships.facts import RegistryFacts, same_holder
from masa.partnerships.models import Guidance, PartnerType, RoleAssignment

from ..models import Status
from .context import Derived
from .evidence import join, on, plural, priority_line, role_line


def _one_each(rows: dict[str, tuple[RoleAssignment, ...]], noun: str) -> Derived:
    evidence = [role_line(r) for t in PartnerType for r in rows.get(t.value, ())]
    problems = []
    for partner_type in PartnerType:
        holders = rows.get(partner_type.value, ())
        if not holders:
            problems.append(f"No {noun} is recorded for the {partner_type.label.lower()}.")
        elif len(holders) > 1:
            problems.append(
                f"{len(holders)} {noun}s are recorded for the {partner_type.label.lower()}; "
                f"there should be one."
            )
    if not problems:
        return Derived(
            Status.MET, [f"One {noun} is recorded for each of the three partners."], evidence
        )
    if not evidence:
        return Derived(
            Status.NOT_MET, [f"No {noun} is recorded for any of the three partners."], evidence
        )
    return Derived(Status.PARTLY_MET, problems, evidence)


def lsps_named(facts: RegistryFacts) -> Derived:
    """WT2018 ch3 paras 11-13 (lead representatives); WT2023 ch2 (lead safeguarding partners)."""
    noun = (
        "lead representative" if facts.guidance == Guidance.WT2018 else "lead safeguarding partner"
    )
    return _one_each(facts.lead_partners, noun)


def dsps_named(facts: RegistryFacts) -> Derived:
    """WT2023 ch2: each lead partner appoints a delegated safeguarding partner."""
    return _one_each(facts.delegated_partners, "delegated safeguarding partner")


def chair_is_dsp(facts: RegistryFacts) -> Derived:
    """WT2023 ch2: the lead partners appoint one of the delegated partners as partnership chair."""
    chair = facts.chair
    if chair is None:
        return Derived(Status.NOT_MET, ["No partnership chair is recorded."], [])
    evidence = [role_line(chair)]
    delegate = chair.held_by_delegate
    if delegate is None:
        return Derived(
            Status.NOT_MET,
            [f"The partnership chair ({chair.job_title}) is not recorded as one of the delegated "
             f"safeguarding partners."],
            evidence,
        )  # fmt: skip
    evidence.append(role_line(delegate))
    if not facts.chair_is_delegate:
        return Derived(
            Status.PARTLY_MET,
            [f"The chair is held by {delegate.job_title}, who is not a current delegated "
             f"safeguarding partner on {on(facts.on)}."],
            evidence,
        )  # fmt: skip
    return Derived(
        Status.MET,
        [f"The partnership chair is held by a delegated safeguarding partner "
         f"({delegate.job_title}, {delegate.get_partner_type_display().lower()})."],
        evidence,
    )  # fmt: skip


def chair_not_scrutineer(facts: RegistryFacts) -> Derived:
    """WT2023 ch2: the chair and independent scrutiny are separate and distinct."""
    chair, scrutineer = facts.chair, facts.scrutineer
    evidence = [role_line(r) for r in (chair, scrutineer) if r is not None]
    if chair is None or scrutineer is None:
        absent = join(
            name for name, row in (("partnership chair", chair), ("scrutineer", scrutineer))
            if row is None
        )  # fmt: skip
        return Derived(
            Status.NOT_ASSESSED,
            [f"No {absent} is recorded, so MASA cannot show the two are held separately."],
            evidence,
        )
    if same_holder(chair, scrutineer):
        return Derived(
            Status.NOT_MET,
            ["The partnership chair and the independent scrutineer are the same person."],
            evidence,
        )
    return Derived(
        Status.MET,
        ["The partnership chair and the independent scrutineer are held by different people."],
        evidence,
    )


def scrutineer_appointed(facts: RegistryFacts) -> Derived:
    """CA2004 s.16G(3): scrutiny by an independent person of the arrangements' effectiveness."""
    if not facts.scrutineers:
        return Derived(
            Status.NOT_MET,
            [f"No independent scrutineer is recorded on {on(facts.on)} (CA2004 s.16G(3))."],
            [],
        )
    return Derived(
        Status.MET,
        [f"{plural(len(facts.scrutineers), 'independent scrutineer')} recorded on "
         f"{on(facts.on)}."],
        [role_line(r) for r in facts.scrutineers],
    )  # fmt: skip


def three_functions_distinct(facts: RegistryFacts) -> Derived:
    """WT2023 ch2: the chair, business management and independent scrutiny are held separately."""
    posts = {
        "partnership chair": facts.chair,
        "business manager": facts.business_manager,
        "independent scrutineer": facts.scrutineer,
    }
    held = {name: row for name, row in posts.items() if row is not None}
    evidence = [role_line(row) for row in held.values()]
    items = list(held.items())
    clashes = [
        f"The {a} and the {b} are the same person."
        for i, (a, ra) in enumerate(items)
        for b, rb in items[i + 1 :]
        if same_holder(ra, rb)
    ]
    absent = [name for name in posts if name not in held]
    if clashes or not held:
        reasons = clashes or ["No partnership chair, business manager or scrutineer is recorded."]
        return Derived(Status.NOT_MET, reasons, evidence)
    if absent:
        return Derived(
            Status.PARTLY_MET,
            [f"No {join(absent)} is recorded; the three functions need three post holders."],
            evidence,
        )
    return Derived(
        Status.MET,
        ["The chair, business manager and independent scrutineer are three different people."],
        evidence,
    )


def priorities_agreed(facts: RegistryFacts) -> Derived:
    """WT2023 ch2: the lead partners set the strategic direction and agree shared priorities."""
    priorities = facts.priorities
    evidence = [priority_line(p) for p in priorities]
    if not priorities:
        return Derived(
            Status.NOT_MET, [f"No shared priorities are current on {on(facts.on)}."], evidence
        )
    count = plural(len(priorities), "shared priority", "shared priorities")
    if not facts.leads_complete():
        return Derived(
            Status.PARTLY_MET,
            [f"{count} current, but not every lead safeguarding partner is recorded, so MASA "
             f"cannot show all three agreed them."],
            evidence,
        )  # fmt: skip
    return Derived(
        Status.MET,
        [f"{count} current on {on(facts.on)}, with a lead safeguarding partner recorded for each "
         f"of the three partners."],
        evidence,
    )  # fmt: skip

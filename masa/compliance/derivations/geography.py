"""Rules over the areas a partnership covers and the partners those areas call for.

CA2004 s.16E(3): the partners for an LA area are the authority, every ICB and the chief officer of
every police force whose area overlaps it. A partnership with partnerships within it (BHR) is judged
over the union of their areas (`registry_facts` gathers them).
"""

from __future__ import annotations

from datetime import date

from masa.partnerships.expected import ExpectedPartner
from masa.partnerships.models import PartnerType, StatutoryPartner

from ..models import Status
from .context import Context, Derived
from .evidence import area_line, join, on, partner_line, plural

# Health and Care Act 2022: integrated care boards replaced clinical commissioning groups.
ICBS_FROM = date(2022, 7, 1)

NO_AREA = (
    "No local authority area is recorded on {day}, so MASA cannot tell which partners it needs."
)


def three_partners_present(ctx: Context) -> Derived:
    facts = ctx.facts
    if not facts.areas:
        return Derived(Status.NOT_MET, [NO_AREA.format(day=on(ctx.at))], [])
    evidence = [partner_line(p) for p in facts.partners]
    reasons: list[str] = []
    missing = [e for e in facts.missing_partners if not e.marginal]
    stand_ins = _ccg_stand_ins(ctx, missing)
    for icb, partner in stand_ins.items():
        missing.remove(icb)
        reasons.append(
            f"Before 1 July 2022 the health partner was a clinical commissioning group, which the "
            f"geography registry does not hold: {partner.organisation} is taken to stand for "
            f"{icb.name}'s area."
        )
    for marginal in facts.missing_partners:
        if marginal.marginal:
            reasons.append(
                f"{marginal.name} overlaps {join(marginal.local_authorities)} by less than 2% and "
                f"is not recorded as a partner: confirm whether it is one."
            )
    for partner in facts.unexpected_partners:
        reasons.append(f"{partner.organisation} is a partner but covers none of the areas.")
    expected = [e for e in facts.expected_partners if not e.marginal]
    if not missing:
        counts = _counts(expected)
        areas = "area calls" if len(facts.areas) == 1 else f"{len(facts.areas)} areas call"
        reasons.insert(
            0,
            f"Every safeguarding partner its {areas} for is recorded on {on(ctx.at)}: "
            f"{counts} (CA2004 s.16E(3)).",
        )
        return Derived(Status.MET, reasons, evidence)
    missing_reasons = [
        f"{e.name} is not recorded as a safeguarding partner ({e.type_label.lower()} for "
        f"{join(e.local_authorities)})."
        for e in missing
    ]
    status = Status.NOT_MET if len(missing) == len(expected) else Status.PARTLY_MET
    return Derived(status, missing_reasons + reasons, evidence)


def _ccg_stand_ins(
    ctx: Context, missing: list[ExpectedPartner]
) -> dict[ExpectedPartner, StatutoryPartner]:
    """Before ICBs existed, an ICB-type partner not linked to the geography (a CCG) stands in for a
    missing ICB. One CCG may stand for several ICB areas; the geography is not dated."""
    if ctx.at >= ICBS_FROM:
        return {}
    ccgs = [p for p in ctx.facts.unlinked_partners if p.partner_type == PartnerType.ICB]
    if not ccgs:
        return {}
    return {e: ccgs[0] for e in missing if e.partner_type == PartnerType.ICB}


def _counts(expected: list[ExpectedPartner]) -> str:
    by_type = {t: [e for e in expected if e.partner_type == t] for t in PartnerType}
    parts = [
        plural(len(by_type[PartnerType.LOCAL_AUTHORITY]), "local authority", "local authorities"),
        plural(len(by_type[PartnerType.ICB]), "integrated care board"),
        plural(len(by_type[PartnerType.POLICE]), "police force"),
    ]
    return join(parts)


def areas_covered(ctx: Context) -> Derived:
    facts = ctx.facts
    if not facts.areas:
        return Derived(Status.NOT_MET, [NO_AREA.format(day=on(ctx.at))], [])
    pk = ctx.partnership.pk
    evidence = [area_line(area, pk) for area in facts.areas]
    reasons = [
        f"Covers {plural(len(facts.areas), 'local authority area')} on {on(ctx.at)}: "
        f"{join(la.name for la in facts.local_authorities)}."
    ]
    covering = {area.partnership_id for area in facts.areas}
    bare = [child for child in ctx.children if child.pk not in covering]
    double = [la for la in facts.local_authorities if len(ctx.coverage.get(la.code, ())) > 1]
    for child in bare:
        reasons.append(f"{child} covers no local authority area on {on(ctx.at)}.")
    for la in double:
        reasons.append(
            f"{la.name} is covered by more than one partnership, so it is not clear which "
            f"arrangements cover it."
        )
    return Derived(Status.PARTLY_MET if bare or double else Status.MET, reasons, evidence)


def no_double_coverage(ctx: Context) -> Derived:
    facts = ctx.facts
    if not facts.areas:
        return Derived(Status.NOT_ASSESSED, [NO_AREA.format(day=on(ctx.at))], [])
    pk = ctx.partnership.pk
    evidence = [area_line(area, pk) for area in facts.areas]
    reasons = []
    for la in facts.local_authorities:
        covering = ctx.coverage.get(la.code, ())
        if len(covering) <= 1:
            continue
        others = [ref.name for ref in covering if ref.id not in ctx.tree_ids]
        names = others or [ref.name for ref in covering]
        reasons.append(
            f"{la.name} is also covered by {join(names)} on {on(ctx.at)}: a local authority area "
            f"can be in only one safeguarding partnership."
        )
    if reasons:
        return Derived(Status.NOT_MET, reasons, evidence)
    return Derived(
        Status.MET,
        [
            f"No other partnership covers "
            f"{'its area' if len(facts.areas) == 1 else f'any of its {len(facts.areas)} areas'} "
            f"on {on(ctx.at)}."
        ],
        evidence,
    )


def combined_area_agreement(ctx: Context) -> Derived:
    facts = ctx.facts
    las = facts.local_authorities
    pk = ctx.partnership.pk
    evidence = [area_line(area, pk) for area in facts.areas]
    if len(las) <= 1 and not ctx.children:
        covers = (
            f"Covers a single local authority area ({las[0].name})"
            if las
            else f"No local authority area is recorded on {on(ctx.at)}"
        )
        return Derived(
            Status.NOT_APPLICABLE,
            [f"{covers}: combining areas (CA2004 s.16J) applies only to two or more."],
            evidence,
        )
    if len(las) <= 1:
        return Derived(
            Status.PARTLY_MET if las else Status.NOT_MET,
            [
                f"The {plural(len(ctx.children), 'partnership')} within it record "
                f"{plural(len(las), 'local authority area')} on {on(ctx.at)}, so no combined "
                f"area is recorded."
            ],
            evidence,
        )
    councils = {
        p.organisation.local_authority_id
        for p in facts.partners_by_type.get(PartnerType.LOCAL_AUTHORITY, ())
        if p.organisation.local_authority_id
    }
    absent = [la.name for la in las if la.code not in councils]
    evidence += [
        partner_line(p) for p in facts.partners_by_type.get(PartnerType.LOCAL_AUTHORITY, ())
    ]
    if not absent:
        return Derived(
            Status.MET,
            [
                f"The areas of {join(la.name for la in las)} are treated as a single area, and "
                f"each local authority is a safeguarding partner of the combined arrangements "
                f"(CA2004 s.16J(1))."
            ],
            evidence,
        )
    status = Status.NOT_MET if len(absent) == len(las) else Status.PARTLY_MET
    return Derived(
        status,
        [
            f"{join(absent)} {'is' if len(absent) == 1 else 'are'} in the combined area but not "
            f"recorded as a safeguarding partner of it, so the agreement of every area's "
            f"partners is not shown (CA2004 s.16J(1))."
        ],
        evidence,
    )

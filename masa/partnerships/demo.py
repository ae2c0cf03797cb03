"""Demo partnerships: two real ones from the seed documents and one fictional one.

- `north-lincolnshire`: the Children's MARS arrangements (WT2018) as published on 30 September 2020
  (seeds 000 and 003), marked as a demonstration built from that public document. Posts are job
  titles only. Only the relevant agencies the text names are recorded: the full list is in
  appendices the seed does not include. The three delegated partners, who signed the 2020
  arrangements, are linked to demo sign-ins and record that signing was delegated to them.
- `bhr` with `barking-dagenham`, `havering`, `redbridge`: the BHR Safeguarding Partnership and its
  three local partnerships (WT2018) from the statutory accountabilities matrix (seed 004), which
  names no post holders and records no BHR-level independent scrutiny.
- `northshire`: fictional, WT2023, complete, on a fictional local authority, force and ICB whose
  codes start with X (outside the ONS ranges) so no real area is claimed.

Dates are those the seeds give, to the month where they give no day. The health partner is the
clinical commissioning group the seeds name until 30 June 2022 and the integrated care board the
geography registry gives for the area from 1 July 2022, when ICBs replaced CCGs. `demo_load` is
idempotent: it looks for each record before calling the service that creates it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from masa.core.errors import MasaError
from masa.geography.models import IcbOverlap, IntegratedCareBoard, LocalAuthority, PoliceForceArea

from . import services
from .demo_data import (
    BHR_CHILDREN,
    NL,
    NL_AGENCIES,
    NL_BOARDS,
    NL_PRIORITIES,
    NL_ROLES,
    NORTHSHIRE_AGENCIES,
    NORTHSHIRE_BOARDS,
    NORTHSHIRE_PRIORITIES,
    NORTHSHIRE_ROLES,
)
from .models import (
    Board,
    Guidance,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipArea,
    Priority,
    RelevantAgency,
    RoleAssignment,
    StatutoryPartner,
)

CCG_END = date(2022, 6, 30)  # Health and Care Act 2022: ICBs took over from CCGs on 1 July 2022
ICB_START = date(2022, 7, 1)
NL_START = date(2018, 10, 1)  # seed 000: arrangements published in October 2018
NL_PUBLISHED = date(2020, 9, 30)  # seed 003: published 30 September 2020
BHR_START = date(2019, 6, 1)  # seed 004: BHR arrangements published in June 2019
NORTHSHIRE_START = date(2024, 4, 1)

REAL_AREAS = {
    "E06000013": "North Lincolnshire",
    "E09000002": "Barking and Dagenham",
    "E09000016": "Havering",
    "E09000026": "Redbridge",
}

# Fictional geography: codes outside the ONS ranges (ONS codes start with E, W, S or N).
FICTIONAL_LA = ("X00000001", "Northshire (fictional)")
FICTIONAL_FORCE = ("X23000001", "Northshire Police (fictional)")
FICTIONAL_ICB = ("X54000001", "NHS Northshire ICB (fictional)")


@transaction.atomic
def demo_load(*, by: Any = None) -> str:
    """Load the demo partnerships (needs the geography loaded); returns a one-line summary."""
    missing = sorted(
        name
        for code, name in REAL_AREAS.items()
        if not LocalAuthority.objects.filter(pk=code).exists()
    )
    if missing:
        raise MasaError(f"Load the geography first: {', '.join(missing)} not found")
    _north_lincolnshire(by)
    _bhr(by)
    _northshire(by)
    return "north-lincolnshire; bhr (barking-dagenham, havering, redbridge); northshire (fictional)"


def fictional_northshire() -> Partnership:
    """The fictional partnership every case-level demo record belongs to; the other apps' demos
    need it loaded first."""
    northshire = Partnership.objects.filter(slug="northshire", is_fictional=True).first()
    if northshire is None:
        raise MasaError("Load the demo partnerships first: the fictional northshire is missing")
    return northshire


# Idempotent steps --------------------------------------------------------------------------------


def _partnership(slug: str, by: Any, **fields: Any) -> Partnership:
    existing = Partnership.objects.filter(slug=slug).first()
    if existing is None:
        return services.partnership_create(slug=slug, by=by, **fields)
    if existing.demo_source != fields.get("demo_source", ""):  # loaded before the notice existed
        return services.partnership_update(
            partnership=existing, demo_source=fields.get("demo_source", ""), by=by
        )
    return existing


def _organisation(name: str, kind: str, by: Any, **fields: Any) -> Organisation:
    links = {k: v for k, v in fields.items() if k in {"local_authority", "icb", "police_force"}}
    existing = Organisation.objects.filter(name=name).first()
    if existing is None and links:
        existing = Organisation.objects.filter(**links).first()
    return existing or services.organisation_create(name=name, kind=kind, by=by, **fields)


def _area(partnership: Partnership, la: LocalAuthority, start: date, by: Any) -> None:
    if not PartnershipArea.objects.filter(partnership=partnership, local_authority=la).exists():
        services.area_add(partnership=partnership, local_authority=la, start=start, by=by)


def _partner(
    partnership: Partnership,
    organisation: Organisation,
    start: date,
    by: Any,
    end: date | None = None,
) -> None:
    if not StatutoryPartner.objects.filter(
        partnership=partnership, organisation=organisation
    ).exists():
        services.statutory_partner_add(
            partnership=partnership, organisation=organisation, start=start, end=end, by=by
        )


def _signer(username: str | None) -> Any:
    """The demo sign-in a post is linked to, so the demo can sign documents as its holder."""
    if not username:
        return None
    from masa.accounts.demo import DEMO_LEAD_PARTNERS, DEMO_NL_DELEGATES, demo_user

    demo = next(d for d in (*DEMO_LEAD_PARTNERS, *DEMO_NL_DELEGATES) if d.username == username)
    return demo_user(demo.username, demo.job_title)


def _role(
    partnership: Partnership,
    by: Any,
    *,
    role: str,
    job_title: str,
    start: date,
    end: date | None = None,
    **fields: Any,
) -> RoleAssignment:
    fields["user"] = _signer(fields.pop("user", None))
    existing = RoleAssignment.objects.filter(
        partnership=partnership,
        role=role,
        job_title=job_title,
        start=start,
        partner_type=fields.get("partner_type", ""),
    ).first()
    if existing is not None:
        return existing
    assignment = services.role_assign(
        partnership=partnership, role=role, job_title=job_title, start=start, by=by, **fields
    )
    if end is not None:
        assignment = services.role_end(assignment=assignment, end=end, by=by)
    return assignment


def _agency(
    partnership: Partnership,
    organisation: Organisation,
    start: date,
    by: Any,
    why: str,
    contribution: str = "",
) -> None:
    if not RelevantAgency.objects.filter(
        partnership=partnership, organisation=organisation
    ).exists():
        services.relevant_agency_add(
            partnership=partnership,
            organisation=organisation,
            why_chosen=why,
            contribution=contribution,
            start=start,
            by=by,
        )


def _boards(partnership: Partnership, rows: list[dict[str, Any]], by: Any) -> None:
    for row in rows:
        fields = dict(row)
        parent_name = fields.pop("parent", None)
        if Board.objects.filter(partnership=partnership, name=fields["name"]).exists():
            continue
        parent = (
            Board.objects.get(partnership=partnership, name=parent_name) if parent_name else None
        )
        services.board_create(partnership=partnership, parent=parent, by=by, **fields)


def _priorities(
    partnership: Partnership, rows: list[tuple[str, str]], start: date, by: Any
) -> None:
    for title, description in rows:
        if not Priority.objects.filter(partnership=partnership, title=title).exists():
            services.priority_create(
                partnership=partnership, title=title, description=description, start=start, by=by
            )


def _agencies(partnership: Partnership, rows: list[dict[str, Any]], start: date, by: Any) -> None:
    for row in rows:
        organisation = _organisation(
            row["name"],
            OrganisationKind.RELEVANT_AGENCY,
            by,
            schedule_paragraph=row.get("paragraph"),
        )
        _agency(partnership, organisation, start, by, row["why"], row.get("contribution", ""))


def _geography_partners(
    la: LocalAuthority, by: Any
) -> tuple[Organisation, Organisation, Organisation]:
    """The LA, its (largest) ICB and its police force as organisations, named after the rows."""
    overlap = (
        IcbOverlap.objects.filter(local_authority=la)
        .select_related("icb")
        .order_by("-lsoa_share")
        .first()
    )
    force = la.police_forces.order_by("name").first()
    if overlap is None or force is None:
        raise MasaError(f"The geography has no ICB or police force for {la}")
    council = _organisation(la.name, OrganisationKind.LOCAL_AUTHORITY, by, local_authority=la)
    icb = _organisation(overlap.icb.name, OrganisationKind.ICB, by, icb=overlap.icb)
    police_name = force.name if "police" in force.name.lower() else f"{force.name} Police"
    police = _organisation(police_name, OrganisationKind.POLICE, by, police_force=force)
    return council, icb, police


# The partnerships -------------------------------------------------------------------------------


def _north_lincolnshire(by: Any) -> None:
    nl = _partnership("north-lincolnshire", by, **NL)
    la = LocalAuthority.objects.get(pk="E06000013")
    _area(nl, la, NL_START, by)
    council = _organisation(
        "North Lincolnshire Council", OrganisationKind.LOCAL_AUTHORITY, by, local_authority=la
    )
    _, icb, police = _geography_partners(la, by)
    ccg = _organisation(
        "NHS North Lincolnshire Clinical Commissioning Group", OrganisationKind.ICB, by
    )
    _partner(nl, council, NL_START, by)
    _partner(nl, ccg, NL_START, by, end=CCG_END)
    _partner(nl, icb, ICB_START, by)
    _partner(nl, police, NL_START, by)
    orgs = {"council": council, "ccg": ccg, "police": police}
    for row in NL_ROLES:
        fields = dict(row)
        organisation = orgs.get(fields.pop("org", ""))
        end = CCG_END if organisation == ccg else None
        _role(nl, by, start=NL_PUBLISHED, end=end, organisation=organisation, **fields)
    _agencies(nl, NL_AGENCIES, NL_PUBLISHED, by)
    _boards(nl, NL_BOARDS, by)
    _priorities(nl, NL_PRIORITIES, NL_PUBLISHED, by)


def _bhr(by: Any) -> None:
    bhr = _partnership(
        "bhr",
        by,
        name="Barking & Dagenham, Havering and Redbridge Safeguarding Partnership",
        short_name="BHR Safeguarding Partnership",
        guidance=Guidance.WT2018,
        summary="Three local authorities, the BHR CCG and the MPS East Area BCU work together at a "
        "strategic level and monitor the work delivered at a local level by the Local "
        "Safeguarding Children Partnerships in Barking & Dagenham, Havering and "
        "Redbridge. Arrangements published June 2019; statutory accountabilities matrix "
        "agreed 21 September 2020, which records no formal BHR-level arrangement for "
        "independent scrutiny and no funding for the BHR partnership itself.",
    )
    ccg = _organisation("BHR Clinical Commissioning Group", OrganisationKind.ICB, by)
    _boards(
        bhr,
        [
            {
                "name": "BHR Safeguarding Partnership",
                "kind": "strategic",
                "remit": "Works at a strategic level; monitors the work of the three LSCPs, "
                "retains overall responsibility for quality assurance and shared "
                "learning from child safeguarding practice reviews, and keeps a "
                "tracker of rapid reviews.",
            }
        ],
        by,
    )
    for slug, code, name in BHR_CHILDREN:
        la = LocalAuthority.objects.get(pk=code)
        child = _partnership(
            slug,
            by,
            name=name,
            guidance=Guidance.WT2018,
            parent=bhr,
            summary=f"The Local Safeguarding Children Partnership for {la.name}, within the BHR "
            f"Safeguarding Partnership: the safeguarding partners take the lead and "
            f"responsibility at this level (statutory accountabilities matrix, 2020).",
        )
        _area(child, la, BHR_START, by)
        council, icb, police = _geography_partners(la, by)
        for partnership in (bhr, child):
            _partner(partnership, council, BHR_START, by)
            _partner(partnership, ccg, BHR_START, by, end=CCG_END)
            _partner(partnership, icb, ICB_START, by)
            _partner(partnership, police, BHR_START, by)
        _boards(
            child,
            [
                {
                    "name": f"{la.name} Local Safeguarding Children Partnership",
                    "kind": "strategic",
                    "includes_education": True,
                    "remit": "The safeguarding partners working at local authority level; "
                    "education services and schools are represented.",
                }
            ],
            by,
        )


def _fictional_geography() -> LocalAuthority:
    force, _ = PoliceForceArea.objects.get_or_create(
        code=FICTIONAL_FORCE[0], defaults={"name": FICTIONAL_FORCE[1]}
    )
    icb, _ = IntegratedCareBoard.objects.get_or_create(
        code=FICTIONAL_ICB[0], defaults={"name": FICTIONAL_ICB[1]}
    )
    la, _ = LocalAuthority.objects.get_or_create(
        code=FICTIONAL_LA[0],
        defaults={
            "name": FICTIONAL_LA[1],
            "region_code": "X12000001",
            "region_name": "Fictional",
            "la_type": "Fictional",
        },
    )
    la.police_forces.add(force)
    IcbOverlap.objects.get_or_create(
        local_authority=la, icb=icb, defaults={"lsoa_share": Decimal("1.000")}
    )
    return la


def _northshire(by: Any) -> None:
    la = _fictional_geography()
    northshire = _partnership(
        "northshire",
        by,
        name="Northshire Safeguarding Children Partnership (fictional)",
        short_name="Northshire (fictional)",
        guidance=Guidance.WT2023,
        is_fictional=True,
        summary="A fictional partnership for demonstration: every organisation, post and record "
        "in it is made up. It shows a complete Working Together 2023 structure.",
    )
    _area(northshire, la, NORTHSHIRE_START, by)
    council = _organisation(
        "Northshire Council (fictional)", OrganisationKind.LOCAL_AUTHORITY, by, local_authority=la
    )
    icb = _organisation(FICTIONAL_ICB[1], OrganisationKind.ICB, by, icb=la.icbs.get())
    police = _organisation(
        FICTIONAL_FORCE[1], OrganisationKind.POLICE, by, police_force=la.police_forces.get()
    )
    for organisation in (council, icb, police):
        _partner(northshire, organisation, NORTHSHIRE_START, by)
    orgs = {"council": council, "icb": icb, "police": police}
    delegates: dict[str, RoleAssignment] = {}
    for row in NORTHSHIRE_ROLES:
        fields = dict(row)
        post_organisation = orgs.get(fields.pop("org", ""))
        start = fields.pop("start", NORTHSHIRE_START)
        held_by = fields.pop("held_by", None)
        assignment = _role(
            northshire,
            by,
            start=start,
            organisation=post_organisation,
            held_by_delegate=delegates.get(held_by) if held_by else None,
            **fields,
        )
        if assignment.role == "delegated_partner":
            delegates[assignment.partner_type] = assignment
    _agencies(northshire, NORTHSHIRE_AGENCIES, NORTHSHIRE_START, by)
    _boards(northshire, NORTHSHIRE_BOARDS, by)
    _priorities(northshire, NORTHSHIRE_PRIORITIES, NORTHSHIRE_START, by)

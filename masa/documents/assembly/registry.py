"""Assemblers over the partnership registry: who the partners are and who leads, the area, the
relevant agencies, education, scrutiny, the groups and priorities. Each returns blocks; a part the
registry does not hold gives a plain Note saying so."""

from __future__ import annotations

from masa.partnerships.models import (
    Partnership,
    PartnerType,
    Priority,
    RelevantAgency,
    RoleAssignment,
)
from masa.partnerships.periods import format_day, overlapping
from masa.partnerships.schedule import CHILDCARE_PARAGRAPHS, EDUCATION_PARAGRAPHS, schedule

from ..content import Block, Facts, Note, Table
from ..models import PublicationSettings
from .records import Records


def post(role: RoleAssignment) -> str:
    """A post as published: its job title, and the person's name only where one is recorded."""
    if role.person_name.strip():
        return f"{role.person_name.strip()}, {role.job_title}"
    return role.job_title


def _posts(rows: tuple[RoleAssignment, ...]) -> str:
    return "; ".join(post(r) for r in rows) or "None recorded"


def partners(records: Records) -> tuple[Block, ...]:
    facts = records.facts
    if not facts.partners:
        return (Note("No safeguarding partners are recorded for the partnership."),)
    rows = []
    for partner_type in PartnerType:
        organisations = facts.partners_by_type.get(partner_type.value, ())
        rows.append(
            (
                partner_type.label,
                "; ".join(p.organisation.name for p in organisations) or "None recorded",
                _posts(facts.lead_partners.get(partner_type.value, ())),
                _posts(facts.delegated_partners.get(partner_type.value, ())),
            )
        )
    blocks: list[Block] = [
        Table(
            caption=f"The safeguarding partners on {format_day(records.on)}",
            headers=(
                "Partner",
                "Organisation",
                "Lead safeguarding partner",
                "Delegated safeguarding partner",
            ),
            rows=tuple(rows),
        )
    ]
    chair = facts.chair
    if chair is None:
        blocks.append(Note("No partnership chair is recorded."))
    else:
        held = ""
        if chair.held_by_delegate is not None and chair.held_by_delegate.partner_type:
            label = PartnerType(chair.held_by_delegate.partner_type).label.lower()
            held = f" (the delegated safeguarding partner for the {label})"
        blocks.append(Facts((("Partnership chair", post(chair) + held),)))
    return tuple(blocks)


def geography(records: Records) -> tuple[Block, ...]:
    partnership: Partnership = records.partnership
    facts = records.facts
    blocks: list[Block] = []
    if facts.areas:
        nested = any(a.partnership_id != partnership.pk for a in facts.areas)
        headers: tuple[str, ...] = ("Local authority", "ONS code", "Region")
        if nested:
            headers += ("Local partnership",)
        rows = []
        for area in facts.areas:
            la = area.local_authority
            row: tuple[str, ...] = (la.name, la.code, la.region_name)
            if nested:
                row += (area.partnership.name,)
            rows.append(row)
        blocks.append(
            Table(
                caption=f"Local authority areas covered on {format_day(records.on)}",
                headers=headers,
                rows=tuple(rows),
            )
        )
    else:
        blocks.append(Note("No local authority area is recorded for the partnership."))
    items = []
    if partnership.parent is not None:
        items.append(("Part of", partnership.parent.name))
    children = [c.name for c in partnership.children.order_by("name")]
    if children:
        items.append(("Local partnerships within these arrangements", "; ".join(children)))
    if items:
        blocks.append(Facts(tuple(items)))
    return tuple(blocks)


def _paragraph(agency: RelevantAgency) -> str:
    number = agency.organisation.schedule_paragraph
    if number is None:
        return "Not in the regulations"
    found = schedule().get(number)
    return found.label if found else f"Paragraph {number}"


def relevant_agencies(records: Records) -> tuple[Block, ...]:
    agencies = records.facts.relevant_agencies
    if not agencies:
        return (Note("No relevant agencies are recorded for the partnership."),)
    return (
        Table(
            caption="Relevant agencies (SI 2018/789 Schedule)",
            headers=("Agency", "Schedule paragraph", "Why chosen", "Contribution"),
            rows=tuple(
                (
                    a.organisation.name,
                    _paragraph(a),
                    a.why_chosen.strip(),
                    a.contribution.strip() or "Not recorded",
                )
                for a in agencies
            ),
        ),
    )


def education(records: Records) -> tuple[Block, ...]:
    facts = records.facts
    settings = [
        a
        for a in facts.relevant_agencies
        if a.organisation.schedule_paragraph in EDUCATION_PARAGRAPHS | CHILDCARE_PARAGRAPHS
    ]
    blocks: list[Block] = []
    if settings:
        blocks.append(
            Table(
                caption="Schools, colleges and early years settings named as relevant agencies",
                headers=("Setting or agency", "Schedule paragraph"),
                rows=tuple((a.organisation.name, _paragraph(a)) for a in settings),
            )
        )
    else:
        blocks.append(
            Note("No school, college or early years setting is named as a relevant agency.")
        )
    blocks.append(
        Facts(
            (
                ("Education representative", _posts(facts.education_representatives)),
                (
                    "Strategic groups with education represented",
                    "; ".join(b.name for b in facts.education_boards) or "None recorded",
                ),
            )
        )
    )
    return tuple(blocks)


def scrutiny(records: Records) -> tuple[Block, ...]:
    rows = records.facts.scrutineers
    if not rows:
        return (Note("No independent scrutineer is recorded."),)
    return (
        Table(
            caption="Independent scrutiny",
            headers=("Post", "Organisation", "Since"),
            rows=tuple(
                (post(r), r.organisation.name if r.organisation else "", format_day(r.start))
                for r in rows
            ),
        ),
    )


def _priorities(records: Records) -> tuple[Priority, ...]:
    if records.period_start is not None:
        rows = Priority.objects.filter(partnership=records.partnership).filter(
            overlapping(records.period_start, records.period_end)
        )
        return tuple(rows.order_by("position", "title"))
    return records.facts.priorities


def priorities(records: Records) -> tuple[Block, ...]:
    rows = _priorities(records)
    if not rows:
        return (Note(f"No priorities are recorded {records.period_words}."),)
    return (
        Table(
            caption="The partnership's priorities",
            headers=("Priority", "Description", "Agreed"),
            rows=tuple(
                (
                    p.title,
                    p.description.strip(),
                    format_day(p.start) + (f", ended {format_day(p.end)}" if p.end else ""),
                )
                for p in rows
            ),
        ),
    )


def boards(records: Records) -> tuple[Block, ...]:
    groups = sorted(records.facts.boards, key=lambda b: (b.kind, b.name))
    blocks: list[Block] = []
    if groups:
        blocks.append(
            Table(
                caption="Boards and groups",
                headers=("Group", "Kind", "Reports to", "Chaired by", "Meets"),
                rows=tuple(
                    (
                        b.name,
                        b.get_kind_display(),
                        b.parent.name if b.parent else "",
                        b.chair_title,
                        b.meets,
                    )
                    for b in groups
                ),
            )
        )
    else:
        blocks.append(Note("No boards or groups are recorded for the partnership."))
    return (*blocks, *priorities(records))


def secure_establishments(records: Records) -> tuple[Block, ...]:
    found = (
        PublicationSettings.objects.filter(partnership=records.partnership)
        .values_list("secure_establishments", flat=True)
        .first()
    )
    if not (found or "").strip():
        return (Note("No secure establishment in the area is recorded."),)
    return (Facts((("Secure establishments in the area", found.strip()),)),)  # type: ignore[union-attr]

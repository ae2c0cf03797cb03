"""How a record is named in a row's evidence list, and small phrasing helpers for the reasons.

Evidence lines say which record was read and for which dates, for example
`Role: Independent scrutineer — Independent Scrutineer (from 1 Apr 2024)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from masa.partnerships.models import (
    Board,
    PartnershipArea,
    Priority,
    RelevantAgency,
    RoleAssignment,
    StatutoryPartner,
)

from ..periods import format_day, short_day


def dates(start: date, end: date | None) -> str:
    return f"from {short_day(start)}" + (f" to {short_day(end)}" if end else "")


def role_line(role: RoleAssignment) -> str:
    label = role.get_role_display()
    if role.partner_type:
        label += f" ({role.get_partner_type_display().lower()})"
    who = role.person_name or role.job_title
    return f"Role: {label} — {who} ({dates(role.start, role.end)})"


def partner_line(partner: StatutoryPartner) -> str:
    return (
        f"Partner: {partner.organisation} — {partner.get_partner_type_display().lower()} "
        f"({dates(partner.start, partner.end)})"
    )


def area_line(area: PartnershipArea, partnership_id: int) -> str:
    through = "" if area.partnership_id == partnership_id else f", through {area.partnership}"
    return f"Area: {area.local_authority.name} ({dates(area.start, area.end)}{through})"


def agency_line(agency: RelevantAgency) -> str:
    paragraph = agency.organisation.schedule_paragraph
    where = f"Schedule paragraph {paragraph}" if paragraph else "not named in the regulations"
    return f"Relevant agency: {agency.organisation} — {where} ({dates(agency.start, agency.end)})"


def board_line(board: Board) -> str:
    education = ", education represented" if board.includes_education else ""
    return f"Board: {board.name} — {board.get_kind_display().lower()}{education}"


def priority_line(priority: Priority) -> str:
    return f"Priority: {priority.title} ({dates(priority.start, priority.end)})"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def join(names: Iterable[object]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    items = [str(name) for name in names]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def on(day: date) -> str:
    return format_day(day)

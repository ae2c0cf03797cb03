"""Posts held in the arrangements, dated so rotation keeps its history.

One post holder at a time for the partnership chair, the independent scrutineer and the business
manager, and for the lead and the delegated safeguarding partner of each of the three partners
(WT2023 ch2). Assigning a new holder ends the previous one the day before; nothing is overwritten.
Education representatives may be several.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from masa.core.errors import Conflict
from masa.core.versioning import UNCHECKED, version_claim
from masa.timeline.services import event_record

from ..models import Organisation, Partnership, PartnerType, RoleAssignment, RoleKind
from ..periods import format_day, overlapping
from .organisations import PARTNER_TYPE_FOR_KIND
from .validate import check_end, optional_text, refuse, required_date, required_text

SINGLE_HOLDER_ROLES = frozenset({RoleKind.CHAIR, RoleKind.SCRUTINEER, RoleKind.BUSINESS_MANAGER})
PARTNER_ROLES = frozenset({RoleKind.LEAD_PARTNER, RoleKind.DELEGATED_PARTNER})


def is_single_holder(role: str) -> bool:
    return role in SINGLE_HOLDER_ROLES or role in PARTNER_ROLES


def holder_label(assignment: RoleAssignment) -> str:
    return assignment.person_name or assignment.job_title


def _role_label(role: str, partner_type: str) -> str:
    label = RoleKind(role).label.lower()
    if partner_type:
        return f"{label} for the {PartnerType(partner_type).label.lower()}"
    return label


def _check_delegate(
    partnership: Partnership, role: str, held_by_delegate: Any, start: date
) -> RoleAssignment | None:
    if held_by_delegate is None:
        return None
    if role != RoleKind.CHAIR:
        raise refuse(
            "held_by_delegate",
            "Only the partnership chair is held by a delegated safeguarding partner",
        )
    if (
        not isinstance(held_by_delegate, RoleAssignment)
        or held_by_delegate.partnership_id != partnership.pk
        or held_by_delegate.role != RoleKind.DELEGATED_PARTNER
    ):
        raise refuse(
            "held_by_delegate", "Select one of this partnership's delegated safeguarding partners"
        )
    if not held_by_delegate.is_current(start):
        raise refuse(
            "held_by_delegate",
            f"{holder_label(held_by_delegate)} is not a delegated "
            f"safeguarding partner on {format_day(start)}",
        )
    return held_by_delegate


@transaction.atomic
def role_assign(
    *,
    partnership: Partnership,
    role: str,
    job_title: str,
    start: date,
    by: Any,
    person_name: str = "",
    organisation: Organisation | None = None,
    partner_type: str = "",
    held_by_delegate: RoleAssignment | None = None,
    user: Any = None,
    signs_documents: bool = False,
    note: str = "",
) -> RoleAssignment:
    """Record a post holder from `start`. For the chair, `held_by_delegate` names the delegated
    partner who holds it; job title, name, organisation and user default to theirs.
    `signs_documents` records that a lead partner delegated signing the documents to this
    delegated partner (masa.accounts.signing)."""
    if role not in RoleKind.values:
        raise refuse("role", "Select the role")
    start = required_date(start, field="start", message="Enter the date the role starts")
    partner_type = partner_type or ""
    if role in PARTNER_ROLES:
        if partner_type not in PartnerType.values:
            raise refuse(
                "partner_type", "Select which of the three safeguarding partners they stand for"
            )
    elif partner_type:
        raise refuse(
            "partner_type",
            "Only lead and delegated safeguarding partners stand for one of the three partners",
        )
    if signs_documents and role != RoleKind.DELEGATED_PARTNER:
        raise refuse(
            "signs_documents",
            "Only a delegated safeguarding partner signs the documents by delegation",
        )
    delegate = _check_delegate(partnership, role, held_by_delegate, start)
    if delegate is not None:
        job_title = job_title or delegate.job_title
        person_name = person_name or delegate.person_name
        organisation = organisation or delegate.organisation
        user = user or delegate.user
    job_title = required_text(job_title, field="job_title", message="Enter the job title")
    person_name = optional_text(person_name, field="person_name", label="Name")
    if organisation is not None:
        if not isinstance(organisation, Organisation):
            raise refuse("organisation", "Select the organisation")
        kind_type = PARTNER_TYPE_FOR_KIND.get(organisation.kind)  # type: ignore[call-overload]
        if role in PARTNER_ROLES and kind_type != partner_type:
            raise refuse(
                "organisation", f"{organisation} is not a {PartnerType(partner_type).label.lower()}"
            )
    if user is not None and not isinstance(user, get_user_model()):
        raise refuse("user", "Select a MASA user")

    ended = _rotate(partnership, role, partner_type, start, job_title, person_name)
    assignment = RoleAssignment.objects.create(
        partnership=partnership,
        role=role,
        job_title=job_title,
        person_name=person_name,
        organisation=organisation,
        partner_type=partner_type,
        held_by_delegate=delegate,
        user=user,
        signs_documents=bool(signs_documents),
        note=(note or "").strip(),
        start=start,
    )
    label = _role_label(role, partner_type)
    message = f"{holder_label(assignment)} is {label} of {partnership} from {format_day(start)}"
    if delegate is not None:
        message += " (held by a delegated safeguarding partner)"
    if assignment.signs_documents:
        message += ", signing the published arrangements and yearly reports for their partner"
    if ended:
        message += "; " + "; ".join(
            f"{holder_label(row)} stopped after {format_day(start - timedelta(days=1))}"
            for row in ended
        )
    event_record(
        by=by,
        verb="role.assigned",
        message=message,
        subject=assignment,
        partnership=partnership,
        data={
            "role": role,
            "partner_type": partner_type,
            "start": start.isoformat(),
            "ended": [row.pk for row in ended],
        },
    )
    return assignment


def _rotate(
    partnership: Partnership,
    role: str,
    partner_type: str,
    start: date,
    job_title: str,
    person_name: str,
) -> list[RoleAssignment]:
    """End the holders the new one replaces (single-holder posts) the day before `start`."""
    slot = (
        RoleAssignment.objects.select_for_update(of=("self",))
        .filter(partnership=partnership, role=role, partner_type=partner_type)
        .filter(overlapping(start, None))
    )
    label = _role_label(role, partner_type)
    if not is_single_holder(role):
        same = slot.filter(Q(job_title__iexact=job_title) & Q(person_name__iexact=person_name))
        if same.exists():
            raise Conflict(
                f"{person_name or job_title} is already recorded as {label} on that date",
                {"job_title": [f"Already recorded as {label} on that date"]},
            )
        return []
    holders = list(slot.order_by("start"))
    later = [row for row in holders if row.start >= start]
    if later:
        row = later[0]
        message = (
            f"{holder_label(row)} is recorded as {label} from {format_day(row.start)}. "
            f"A new holder must start after that date; end or correct that record first"
        )
        raise Conflict(message, {"start": [message]})
    for row in holders:
        row.end = start - timedelta(days=1)
        row.save(update_fields=["end", "updated_at"])
    return holders


@transaction.atomic
def role_end(
    *, assignment: RoleAssignment, end: date, by: Any, expected_version: Any = UNCHECKED
) -> RoleAssignment:
    assignment = (
        RoleAssignment.objects.select_for_update(of=("self",))
        .select_related("partnership")
        .get(pk=assignment.pk)
    )
    version_claim(assignment, expected_version, yours={"end": end})
    assignment.end = check_end(assignment, end, what="role")
    assignment.save(update_fields=["end", "updated_at"])
    label = _role_label(assignment.role, assignment.partner_type)
    event_record(
        by=by,
        verb="role.ended",
        message=f"{holder_label(assignment)} stopped being {label} of {assignment.partnership} "
        f"after {format_day(assignment.end)}",
        subject=assignment,
        partnership=assignment.partnership,
        data={"role": assignment.role, "end": assignment.end.isoformat()},
    )
    return assignment

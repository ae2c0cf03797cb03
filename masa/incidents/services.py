"""Writes for serious incident notifications. Every check runs before anything is written, so a
refusal (InvalidInput, TransitionNotAllowed) leaves the database as it was."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from masa.core.clocks.engine import long_date
from masa.core.errors import refuse
from masa.core.versioning import UNCHECKED, version_claim
from masa.geography.models import LocalAuthority
from masa.partnerships.models import Guidance, Partnership, PartnershipArea
from masa.timeline.services import event_record

from . import workflow
from .models import (
    MAX_CHILDREN,
    AbuseOrNeglect,
    IncidentChild,
    Outcome,
    SeriousIncident,
    Sex,
    Where,
)
from .workflow import Status

# A reference, not a name: letters, digits and hyphens with at least one digit ("NS-24-0007-A"),
# or "Child A" as the Panel's reports write it.
_REFERENCE = re.compile(r"(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|Child [A-Z]")
SENT = {
    "panel": ("panel_notified_on", "the Panel"),
    "partners": ("partners_notified_on", "the safeguarding partners"),
    "sos_ofsted": ("sos_ofsted_notified_on", "the Secretary of State and Ofsted"),
}
DATE_LABELS = {
    "incident_date": "The incident date",
    "became_aware_on": "The date the local authority became aware",
    "panel_notified_on": "The date the Panel was notified",
    "partners_notified_on": "The date the partners were told",
    "sos_ofsted_notified_on": "The date the Secretary of State and Ofsted were told",
}
FIELDS = (
    "local_authority",
    "incident_date",
    "became_aware_on",
    "abuse_or_neglect",
    "outcome",
    "where",
    "looked_after_child",
    "care_leaver",
    "panel_notified_on",
    "partners_notified_on",
    "sos_ofsted_notified_on",
    "other_areas_informed",
    "summary",
)


def sos_ofsted_applies(
    *, outcome: str, looked_after_child: bool, care_leaver: bool, guidance: str
) -> bool:
    """WT2018 ch4 / WT2023 ch5: a looked-after child's death goes to the Secretary of State and
    Ofsted; WT2023 adds a care leaver's death (up to and including age 24)."""
    if outcome != Outcome.DIED:
        return False
    return looked_after_child or (care_leaver and guidance == Guidance.WT2023)


def areas_of(partnership: Partnership) -> Q:
    return (
        Q(partnership=partnership)
        | Q(partnership__parent=partnership)
        | Q(partnership__parent__parent=partnership)
    )


def _choice(value: Any, choices: type[models.TextChoices], field: str, message: str) -> str:
    if value not in choices.values:
        raise refuse(field, message)
    return str(value)


def _checked(partnership: Partnership, data: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The notification's fields, checked together; InvalidInput names the first field at fault."""
    la = data.get("local_authority")
    if not isinstance(la, LocalAuthority):
        raise refuse("local_authority", "Select the local authority that notified")
    if not PartnershipArea.objects.filter(areas_of(partnership), local_authority=la).exists():
        raise refuse("local_authority", f"{la} is not one of {partnership}'s areas")
    clean: dict[str, Any] = {"local_authority": la}
    for field, label in DATE_LABELS.items():
        value = data.get(field)
        if value is None and field not in ("incident_date", "became_aware_on"):
            clean[field] = None
            continue
        if not isinstance(value, date):
            raise refuse(field, f"Enter {label[0].lower()}{label[1:]}")
        if value > today:
            raise refuse(field, f"{label} must be today or in the past")
        clean[field] = value
    aware = clean["became_aware_on"]
    if clean["incident_date"] > aware:
        raise refuse(
            "incident_date",
            f"The incident date must be on or before the date the local authority became aware, "
            f"{long_date(aware)}",
        )
    for field, _who in SENT.values():
        if clean[field] is not None and clean[field] < aware:
            raise refuse(
                field,
                f"{DATE_LABELS[field]} must be on or after the date the local authority became "
                f"aware, {long_date(aware)}",
            )
    clean["abuse_or_neglect"] = _choice(
        data.get("abuse_or_neglect"), AbuseOrNeglect, "abuse_or_neglect",
        "Select whether abuse or neglect is known or suspected",
    )  # fmt: skip
    clean["outcome"] = _choice(
        data.get("outcome"),
        Outcome,
        "outcome",
        "Select whether the child died or was seriously harmed",
    )
    clean["where"] = _choice(data.get("where"), Where, "where", "Select where it happened")
    clean["looked_after_child"] = data.get("looked_after_child") is True
    clean["care_leaver"] = data.get("care_leaver") is True
    if clean["looked_after_child"] and clean["care_leaver"]:
        raise refuse("care_leaver", "A child cannot be both looked after and a care leaver")
    applies = sos_ofsted_applies(
        outcome=clean["outcome"],
        looked_after_child=clean["looked_after_child"],
        care_leaver=clean["care_leaver"],
        guidance=partnership.guidance,
    )
    if clean["abuse_or_neglect"] == AbuseOrNeglect.NEITHER and not applies:
        raise refuse(
            "abuse_or_neglect",
            "Select known or suspected: without abuse or neglect a notification is only for the "
            "death of a looked-after child"
            + (" or care leaver" if partnership.guidance == Guidance.WT2023 else "")
            + " (Children Act 2004 s.16C(1))",
        )
    if clean["sos_ofsted_notified_on"] is not None and not applies:
        raise refuse(
            "sos_ofsted_notified_on",
            "The Secretary of State and Ofsted are told only of the death of a looked-after child"
            + (" or care leaver" if partnership.guidance == Guidance.WT2023 else ""),
        )
    summary = str(data.get("summary") or "").strip()
    if not summary:
        raise refuse("summary", "Enter a short summary (no names)")
    if len(summary) > 500:
        raise refuse("summary", "The summary must be 500 characters or fewer")
    clean["summary"] = summary
    other = str(data.get("other_areas_informed") or "").strip()
    if len(other) > 2000:
        raise refuse("other_areas_informed", "Other areas must be 2000 characters or fewer")
    clean["other_areas_informed"] = other
    return clean


def _checked_children(children: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if not children:
        raise refuse("children", "Enter at least one child's pseudonymous reference")
    if len(children) > MAX_CHILDREN:
        raise refuse(
            "children", f"A notification lists at most {MAX_CHILDREN} children; make another one"
        )
    clean = []
    seen = set()
    for position, child in enumerate(children, start=1):
        ref = str(child.get("pseudonymous_ref") or "").strip()
        field = f"child_{position}_ref"
        if not ref:
            raise refuse(field, f"Enter child {position}'s pseudonymous reference")
        if len(ref) > 40 or not _REFERENCE.fullmatch(ref):
            raise refuse(
                field,
                f"Child {position}'s reference must be a reference, not a name: letters, digits "
                f"and hyphens with at least one digit, like NS-24-0007-A, or 'Child A'",
            )
        if ref.lower() in seen:
            raise refuse(field, f"Child {position}'s reference is already listed")
        seen.add(ref.lower())
        age = child.get("age_years")
        if age is not None and (
            isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 24
        ):
            raise refuse(f"child_{position}_age", f"Child {position}'s age must be 0 to 24")
        sex = child.get("sex") or Sex.NOT_KNOWN
        if sex not in Sex.values:
            raise refuse(f"child_{position}_sex", f"Select child {position}'s sex")
        clean.append({"position": position, "pseudonymous_ref": ref, "age_years": age, "sex": sex})
    return clean


def _next_reference(partnership: Partnership, year: int) -> str:
    prefix = f"SIN-{year}-"
    taken = SeriousIncident.objects.filter(
        partnership=partnership, reference__startswith=prefix
    ).values_list("reference", flat=True)
    numbers = [int(ref[len(prefix) :]) for ref in taken if ref[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


@transaction.atomic
def incident_record(
    *,
    partnership: Partnership,
    by: Any,
    children: Sequence[Mapping[str, Any]],
    today: date | None = None,
    **data: Any,
) -> SeriousIncident:
    """A new notification with its children (1 to 4), in one transaction."""
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    today = today or timezone.localdate()
    clean = _checked(partnership, data, today)
    kids = _checked_children(children)
    # Lock the partnership row so two notifications cannot take the same number (PostgreSQL).
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    status = Status.NOTIFIED if _notified(clean) else Status.DRAFT
    incident = SeriousIncident.objects.create(
        partnership=partnership,
        reference=_next_reference(partnership, clean["became_aware_on"].year),
        created_by=by if getattr(by, "is_authenticated", False) else None,
        status=status,
        **clean,
    )
    IncidentChild.objects.bulk_create(IncidentChild(incident=incident, **kid) for kid in kids)
    event_record(
        by=by,
        verb="incident.recorded",
        message=f"Recorded serious incident notification {incident.reference} "
        f"({len(kids)} {'child' if len(kids) == 1 else 'children'}), became aware "
        f"{long_date(incident.became_aware_on)}",
        subject=incident,
        partnership=partnership,
    )
    return incident


def _notified(fields: Mapping[str, Any]) -> bool:
    """Sent to the Panel; or, for a death with no abuse or neglect known or suspected (which the
    Panel does not consider), to the Secretary of State and Ofsted."""
    if fields["abuse_or_neglect"] == AbuseOrNeglect.NEITHER:
        return fields["sos_ofsted_notified_on"] is not None
    return fields["panel_notified_on"] is not None


def _open(incident: SeriousIncident) -> None:
    if incident.status == Status.CLOSED:
        raise refuse("__all__", f"{incident.reference} is closed: it can no longer be changed")


@transaction.atomic
def incident_update(
    *,
    incident: SeriousIncident,
    by: Any,
    today: date | None = None,
    expected_version: Any = UNCHECKED,
    **changes: Any,
) -> SeriousIncident:
    """Change the notification's own fields (not its children); the whole record is re-checked.
    StaleRecord if someone changed it since the form was opened at `expected_version`."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _open(incident)
    current = {field: getattr(incident, field) for field in FIELDS}
    clean = _checked(incident.partnership, {**current, **changes}, today or timezone.localdate())
    changed = [field for field in FIELDS if clean[field] != current[field]]
    if not changed:
        return incident
    version_claim(incident, expected_version, yours={field: clean[field] for field in changed})
    for field in changed:
        setattr(incident, field, clean[field])
    incident.save()
    event_record(
        by=by,
        verb="incident.updated",
        message=f"Changed {incident.reference}: {', '.join(f.replace('_', ' ') for f in changed)}",
        subject=incident,
        partnership=incident.partnership,
        data={"fields": changed},
    )
    return incident


@transaction.atomic
def notification_record(
    *, incident: SeriousIncident, which: str, on: date, by: Any, today: date | None = None
) -> SeriousIncident:
    """Record the date the notification went to the Panel, the partners, or the Secretary of State
    and Ofsted. Recording the Panel's date moves a draft to notified."""
    if which not in SENT:
        raise refuse("which", "Choose who was notified")
    field, who = SENT[which]
    _open(incident)
    # The edit form carries these dates too: move the version on so that one opened before this
    # is refused rather than writing its older date back (ADR 0018).
    version_claim(incident, UNCHECKED, yours={})
    current = {f: getattr(incident, f) for f in FIELDS}
    clean = _checked(incident.partnership, {**current, field: on}, today or timezone.localdate())
    setattr(incident, field, clean[field])
    moved = incident.status == Status.DRAFT and _notified({f: getattr(incident, f) for f in FIELDS})
    if moved:
        workflow.check_transition(incident.status, Status.NOTIFIED)
        incident.status = Status.NOTIFIED
    incident.save()
    event_record(
        by=by,
        verb="incident.notification_recorded",
        message=f"Recorded that {incident.reference} was sent to {who} on {long_date(clean[field])}"
        + (", so it is now notified" if moved else ""),
        subject=incident,
        partnership=incident.partnership,
        data={"which": which, "on": clean[field].isoformat()},
    )
    return incident


@transaction.atomic
def incident_transition(*, incident: SeriousIncident, to: str, by: Any) -> SeriousIncident:
    workflow.check_transition(incident.status, to)
    if to == Status.NOTIFIED and not _notified({f: getattr(incident, f) for f in FIELDS}):
        if incident.abuse_or_neglect == AbuseOrNeglect.NEITHER:
            raise refuse(
                "__all__", "Record the date the Secretary of State and Ofsted were told first"
            )
        raise refuse("__all__", "Record the date the Panel was notified first")
    before = incident.get_status_display().lower()
    incident.status = to
    incident.save(update_fields=["status", "updated_at"])
    event_record(
        by=by,
        verb="incident.transitioned",
        message=f"Moved {incident.reference} from {before} to {incident.get_status_display().lower()}",
        subject=incident,
        partnership=incident.partnership,
        data={"to": to},
    )
    return incident

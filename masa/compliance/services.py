"""Writes for the compliance matrix: record an assessment, add or remove an evidence link.

Each service is atomic, takes the acting user and appends a timeline event. A requirement whose
status a derivation rule gives (`Requirement.derivation`) accepts narratives and evidence but no
status of its own: its assessment keeps `not_assessed` and the matrix shows the rule's verdict
(ADR 0008).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from masa.core.errors import Conflict, refuse
from masa.core.versioning import UNCHECKED, version_claim
from masa.partnerships.models import Partnership
from masa.statute.models import Requirement
from masa.timeline.services import event_record

from .models import Assessment, EvidenceLink, Status
from .periods import Period, format_day, twelve_months_from

NARRATIVE_MAX = 10_000
GUIDANCE = "guidance"


def _actor(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def _save(instance: Any, by: Any) -> None:
    if _actor(by) is not None:
        instance._history_user = by  # read by simple_history
    instance.save()


def _text(value: str | None, *, field: str, label: str, max_length: int) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise refuse(field, f"{label} must be {max_length:,} characters or fewer")
    return text


def check_requirement(partnership: Partnership, requirement: Any) -> Requirement:
    """The requirement applies to the partnership: current, and an Act, Regulations or the
    partnership's own edition of the guidance."""
    if not isinstance(requirement, Requirement):
        raise refuse("requirement", "Select the requirement")
    if requirement.retired:
        raise refuse("requirement", f"{requirement.pk} has been retired from the statute library")
    framework = requirement.framework
    if framework.kind == GUIDANCE and framework.pk != partnership.guidance:
        raise refuse(
            "requirement",
            f"{requirement.pk} is in {framework.short_title}, but {partnership} works to "
            f"{partnership.get_guidance_display()}",
        )
    return requirement


@transaction.atomic
def assessment_record(
    *,
    partnership: Partnership,
    requirement: Requirement,
    period_start: date,
    status: str,
    partnership_level: str,
    local_authority_level: str,
    by: Any,
    period_end: date | None = None,
    expected_version: Any = UNCHECKED,
) -> Assessment:
    """Create or update the assessment of `requirement` for the period starting `period_start`
    (twelve months unless `period_end` is given). Raises InvalidInput naming the form field, and
    StaleRecord when `expected_version` (the form's) is not the assessment's for that period."""
    requirement = check_requirement(partnership, requirement)
    if not isinstance(period_start, date):
        raise refuse("period_start", "Enter the date the reporting period starts")
    period = twelve_months_from(period_start)
    if period_end is not None:
        if not isinstance(period_end, date) or period_end < period_start:
            raise refuse(
                "period_end",
                f"The period must end on or after it starts, {format_day(period_start)}",
            )
        period = Period(period_start, period_end)
    status = status or Status.NOT_ASSESSED
    if status not in Status.values:
        raise refuse("status", "Select whether the duty is met")
    if status != Status.NOT_ASSESSED and not requirement.in_force_on(period.end):
        # e.g. CWSA 2026 s.3 (CA2004 s.16EA): commencement by regulations, not yet confirmed
        raise refuse(
            "status",
            "This duty is not yet in force (commencement by regulations, not yet confirmed), so "
            "it cannot be assessed: record how the partnership is preparing instead",
        )
    if requirement.derivation and status != Status.NOT_ASSESSED:
        raise refuse(
            "status",
            f"The status of this duty comes from the registry records (rule "
            f"'{requirement.derivation.replace('_', ' ')}'), so it cannot be set by hand: record "
            f"how it is discharged and link evidence instead",
        )
    fields = {
        "period_end": period.end,
        "status": status,
        "partnership_level": _text(
            partnership_level,
            field="partnership_level",
            label="At partnership level",
            max_length=NARRATIVE_MAX,
        ),
        "local_authority_level": _text(
            local_authority_level,
            field="local_authority_level",
            label="At local-authority level",
            max_length=NARRATIVE_MAX,
        ),
    }
    clash = (
        Assessment.objects.filter(partnership=partnership, requirement=requirement)
        .exclude(period_start=period.start)
        .filter(period_start__lte=period.end, period_end__gte=period.start)
        .first()
    )
    if clash is not None:
        message = (
            f"An assessment for {Period(clash.period_start, clash.period_end).long_label} "
            f"already covers part of this period"
        )
        raise Conflict(message, {"period_start": [message]})
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .filter(partnership=partnership, requirement=requirement, period_start=period.start)
        .first()
    )
    created = assessment is None
    if assessment is None:
        assessment = Assessment(
            partnership=partnership, requirement=requirement, period_start=period.start
        )
    elif all(getattr(assessment, name) == value for name, value in fields.items()):
        return assessment  # nothing to write, so nothing anyone saved can be lost
    version_claim(assessment, expected_version, yours=fields)
    for name, value in fields.items():
        setattr(assessment, name, value)
    assessment.assessed_by = _actor(by)
    assessment.assessed_at = timezone.now()
    _save(assessment, by)
    label = Status(status).label.lower()
    event_record(
        by=by,
        verb="assessment.recorded" if created else "assessment.updated",
        message=f"{'Recorded' if created else 'Updated'} the assessment of {requirement.pk} "
        f"({requirement.citation}) for {period.label}: {label}",
        subject=assessment,
        partnership=partnership,
        data={
            "requirement": requirement.pk,
            "period_start": period.start.isoformat(),
            "period_end": period.end.isoformat(),
            "status": status,
        },
    )
    return assessment


@transaction.atomic
def evidence_link_add(
    *, assessment: Assessment, title: str, by: Any, url: str = "", note: str = ""
) -> EvidenceLink:
    """Link a document or record (a web address, a note, or both) to an assessment."""
    title = (title or "").strip()
    if not title:
        raise refuse("title", "Enter a title for the evidence")
    if len(title) > 200:
        raise refuse("title", "The title must be 200 characters or fewer")
    url = (url or "").strip()
    note = _text(note, field="note", label="The note", max_length=NARRATIVE_MAX)
    if not url and not note:
        raise refuse("url", "Enter a web address or a note saying where the evidence is")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise refuse(
                "url", "Enter a web address starting https:// or http://, like https://example.org"
            ) from None
        if len(url) > 500:
            raise refuse("url", "The web address must be 500 characters or fewer")
    link = EvidenceLink(
        assessment=assessment, title=title, url=url, note=note, added_by=_actor(by),
        added_at=timezone.now(),
    )  # fmt: skip
    _save(link, by)
    event_record(
        by=by,
        verb="evidence.added",
        message=f"Linked evidence '{title}' to the assessment of {assessment.requirement_id}",
        subject=link,
        partnership=assessment.partnership,
        data={"assessment": assessment.pk, "url": url},
    )
    return link


@transaction.atomic
def evidence_link_remove(*, link: EvidenceLink, by: Any) -> None:
    """Remove a link; its history keeps it."""
    assessment = link.assessment
    title = link.title
    if _actor(by) is not None:
        link._history_user = by  # type: ignore[attr-defined]  # read by simple_history
    link.delete()
    event_record(
        by=by,
        verb="evidence.removed",
        message=f"Removed evidence '{title}' from the assessment of {assessment.requirement_id}",
        subject=assessment,
        partnership=assessment.partnership,
        data={"assessment": assessment.pk},
    )

"""Light read-only rows for the matrix: requirements, assessments and evidence links as plain
objects built from `values_list`, with the attribute names of the models they stand for.

A matrix can hold several hundred rows; building model instances for each requirement, assessment
and link cost more than the rest of the page (bench/compliance_matrix.py), so the matrix reads
these instead. Pages and exports use them exactly like the models (`.pk`, `.summary`, …).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from masa.accounts.models import User
from masa.partnerships.models import Partnership
from masa.statute.models import Framework
from masa.statute.selectors import requirements_for_frameworks

from .models import Assessment, EvidenceLink


@dataclass(frozen=True, slots=True)
class RequirementRow:
    id: str
    framework: Framework
    level: str
    holder: str
    topic: str
    summary: str
    citation: str
    derivation: str
    evidence: str
    commencement: str = ""
    commenced_on: date | None = None

    @property
    def pk(self) -> str:
        return self.id

    @property
    def framework_id(self) -> str:
        return self.framework.pk

    def in_force_on(self, day: date) -> bool:
        """As `statute.models.Requirement.in_force_on`: not while awaiting regulations."""
        if self.commencement == "awaiting_regulations":
            return False
        return self.commenced_on is None or self.commenced_on <= day


@dataclass(frozen=True, slots=True)
class LinkRow:
    id: int
    title: str
    url: str
    note: str

    @property
    def pk(self) -> int:
        return self.id

    @property
    def as_text(self) -> str:
        return " — ".join(part for part in (self.title, self.url or self.note) if part)


@dataclass(frozen=True, slots=True)
class AssessmentRow:
    id: int
    requirement_id: str
    status: str
    partnership_level: str
    local_authority_level: str
    period_start: date
    period_end: date
    assessed_at: datetime
    assessed_by: str  # the user's name as `User.__str__` gives it, or ""
    evidence_links: tuple[LinkRow, ...] = ()
    version: int = 1  # what the edit form carries (optimistic locking)

    @property
    def pk(self) -> int:
        return self.id


REQUIREMENT_FIELDS = (
    "id", "framework_id", "level", "holder", "topic", "summary", "citation", "derivation",
    "evidence", "commencement", "commenced_on",
)  # fmt: skip


def requirement_rows(
    frameworks: tuple[Framework, ...],
    *,
    topic: str | None,
    level: str | None,
    framework: str | None,
) -> list[RequirementRow]:
    """Current requirements of `frameworks` in their order, then file order. One query."""
    by_id = {f.pk: f for f in frameworks}
    ids = [f.pk for f in frameworks if not framework or f.pk == framework]
    rows = requirements_for_frameworks(ids).select_related(None)
    if topic:
        rows = rows.filter(topic=topic)
    if level:
        rows = rows.filter(level=level)
    return [
        RequirementRow(rid, by_id[fid], *rest)
        for rid, fid, *rest in rows.values_list(*REQUIREMENT_FIELDS)
    ]


def requirement_count(frameworks: tuple[Framework, ...]) -> int:
    """How many current requirements `frameworks` hold, unfiltered. One query."""
    return requirements_for_frameworks([f.pk for f in frameworks]).count()


def assessment_rows(
    *, partnership: Partnership, at: date, requirement_id: str | None = None
) -> dict[str, AssessmentRow]:
    """requirement id → the assessment whose period contains `at` (the latest-starting one if
    periods overlap), with its evidence links. Two queries."""
    current = {
        "partnership": partnership,
        "period_start__lte": at,
        "period_end__gte": at,
    }
    if requirement_id is not None:
        current["requirement_id"] = requirement_id
    links: dict[int, list[LinkRow]] = {}
    for link_id, assessment_id, *rest in (
        EvidenceLink.objects.filter(**{f"assessment__{k}": v for k, v in current.items()})
        .order_by("added_at", "id")
        .values_list("id", "assessment_id", "title", "url", "note")
    ):
        links.setdefault(assessment_id, []).append(LinkRow(link_id, *rest))
    names: dict[int, str] = {}
    found: dict[str, AssessmentRow] = {}
    for row in (
        Assessment.objects.filter(**current)
        .order_by("requirement_id", "period_start")
        .values_list(
            "id", "requirement_id", "status", "partnership_level", "local_authority_level",
            "period_start", "period_end", "assessed_at", "assessed_by_id",
            "assessed_by__username", "assessed_by__first_name", "assessed_by__last_name",
            "assessed_by__job_title", "version",
        )
    ):  # fmt: skip
        (pk, requirement, status, partnership_level, local_authority_level, start, end,
         assessed_at, user_id, username, first, last, job, version) = row  # fmt: skip
        if user_id and user_id not in names:
            names[user_id] = str(
                User(username=username, first_name=first, last_name=last, job_title=job)
            )
        # Later periods overwrite earlier ones.
        found[requirement] = AssessmentRow(
            pk, requirement, status, partnership_level, local_authority_level, start, end,
            assessed_at, names.get(user_id, ""), tuple(links.get(pk, ())), version,
        )  # fmt: skip
    return found

"""Reads for the compliance matrix: one row per requirement, with its status, why, and evidence.

`matrix_for` runs a fixed number of queries whatever the number of requirements or assessments:
frameworks, requirements, assessments, evidence links, and the registry facts the
derivation rules read (built once, see `derivations.context`).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils import timezone

from masa.partnerships.models import Partnership
from masa.statute.models import Framework, Requirement
from masa.statute.schema import LEVELS, TOPICS

from .derivations import Context, Derived
from .derivations.cases import CASE_RULES, CaseRecords
from .derivations.evidence import plural
from .models import Assessment, Status
from .periods import Period, financial_year, format_day
from .records import (
    AssessmentRow,
    LinkRow,
    RequirementRow,
    assessment_rows,
    requirement_count,
    requirement_rows,
)

STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
COUNTS_ONLY = (
    "Duties judged from serious incident notifications and reviews show counts only: their "
    "references and dates are shown only to the partnership's case roles."
)
GUIDANCE = "guidance"
# A row for a provision enacted but not yet commenced: shown, never derived, assessed or counted.
NOT_IN_FORCE = "awaiting_regulations"
NOT_IN_FORCE_REASON = (
    "Not yet in force: commencement by regulations, not yet confirmed. It is shown so the "
    "partnership can prepare, and is not assessed or counted until it commences."
)


@dataclass(frozen=True)
class MatrixRow:
    requirement: Requirement | RequirementRow  # with `framework` loaded
    status: str
    derived: bool  # the status comes from a derivation rule over the records
    rule: str  # the derivation rule, or ""
    reasons: tuple[str, ...]
    evidence: tuple[str, ...]  # records the rule read, then the evidence links as text
    assessment: AssessmentRow | None  # the manual assessment for the period containing `at`
    evidence_links: tuple[LinkRow, ...] = ()

    @property
    def framework(self) -> Framework:
        return self.requirement.framework

    @property
    def level(self) -> str:
        return self.requirement.level

    @property
    def topic(self) -> str:
        return self.requirement.topic

    @property
    def partnership_level(self) -> str:
        return self.assessment.partnership_level if self.assessment else ""

    @property
    def local_authority_level(self) -> str:
        return self.assessment.local_authority_level if self.assessment else ""

    @property
    def records_read(self) -> tuple[str, ...]:
        """The evidence lines the derivation rule read (without the evidence links)."""
        return self.evidence[: len(self.evidence) - len(self.evidence_links)]

    @property
    def source(self) -> str:
        """`derived`, `assessed`, or empty when nothing is recorded: the page's label for the row."""
        if self.derived:
            return "derived"
        return "assessed" if self.assessment else ""


@dataclass(frozen=True)
class Matrix:
    partnership: Partnership
    at: date
    period: Period  # the financial year containing `at`
    frameworks: tuple[Framework, ...]
    rows: tuple[MatrixRow, ...]  # after every filter
    summary: dict[str, int]  # status → rows, over the rows matching topic/level/framework
    by_level: dict[str, dict[str, int]]  # level → status → rows, likewise
    filters: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    case_details: bool = True  # False: case rows give counts only (the viewer reads no cases)
    unfiltered: int = 0  # every current requirement of the frameworks, whatever the filters

    @property
    def total(self) -> int:
        return sum(self.summary.values())

    @property
    def shown(self) -> int:
        return len(self.rows)

    def groups(self) -> list[tuple[str, str, list[MatrixRow]]]:
        """(topic, topic label, rows) in the statute vocabulary's order."""
        order = {topic: index for index, topic in enumerate(TOPICS)}
        grouped: dict[str, list[MatrixRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.topic, []).append(row)
        return [
            (topic, TOPICS.get(topic, topic.replace("_", " ").capitalize()), rows)
            for topic, rows in sorted(grouped.items(), key=lambda i: (order.get(i[0], 99), i[0]))
        ]


def frameworks_for(partnership: Partnership, at: date) -> tuple[Framework, ...]:
    """The Acts and Regulations in force on `at`, then the partnership's edition of the guidance if
    it had come into force. The edition is the partnership's own choice (it may keep following
    WT2018 after WT2023 replaced it), so its `in_force_until` does not drop it."""
    in_force = Q(in_force_from__lte=at) & (
        Q(in_force_until__isnull=True) | Q(in_force_until__gte=at)
    )
    rows = Framework.objects.filter(
        (~Q(kind=GUIDANCE) & in_force) | Q(pk=partnership.guidance, in_force_from__lte=at)
    ).order_by("in_force_from", "id")
    return tuple(sorted(rows, key=lambda f: f.kind == GUIDANCE))


def matrix_for(
    *,
    partnership: Partnership,
    at: date,
    topic: str | None = None,
    level: str | None = None,
    status: str | None = None,
    framework: str | None = None,
    context: Context | None = None,
    case_details: bool = True,
) -> Matrix:
    """The matrix for `partnership` on `at`: a row per current requirement of its frameworks.

    A requirement with a derivation rule takes the rule's status (the manual assessment's narratives
    and links still show); otherwise the assessment for the period containing `at`; otherwise
    `not_assessed`. Empty filters are ignored. Without `case_details` (a viewer who may not read case
    records) the rows judged from case records give counts only: no reference, date or child."""
    frameworks = frameworks_for(partnership, at)
    requirements = requirement_rows(frameworks, topic=topic, level=level, framework=framework)
    assessments = assessment_rows(partnership=partnership, at=at)
    context = context or Context(partnership, at)
    period = financial_year(at)
    rows = [_row(r, assessments.get(r.pk), context, period, case_details) for r in requirements]
    counted = [row for row in rows if row.status != NOT_IN_FORCE]
    summary = Counter(row.status for row in counted)
    by_level: dict[str, dict[str, int]] = {lv: dict.fromkeys(STATUSES, 0) for lv in LEVELS}
    for row in counted:
        by_level.setdefault(row.level, dict.fromkeys(STATUSES, 0))[row.status] += 1
    if status:
        rows = [row for row in rows if row.status == status]
    filters = {"topic": topic, "level": level, "status": status, "framework": framework}
    narrowed = topic or level or framework
    return Matrix(
        partnership=partnership,
        at=at,
        period=period,
        frameworks=frameworks,
        rows=tuple(rows),
        summary={s: summary.get(s, 0) for s in STATUSES},
        by_level=by_level,
        filters={k: v for k, v in filters.items() if v},
        notes=_notes(partnership, at, frameworks) + (() if case_details else (COUNTS_ONLY,)),
        case_details=case_details,
        unfiltered=requirement_count(frameworks) if narrowed else len(requirements),
    )


def matrix_row(
    *,
    partnership: Partnership,
    requirement: Requirement,
    at: date,
    case_details: bool = True,
    context: Context | None = None,
) -> MatrixRow:
    """One requirement's row, as the matrix shows it on `at` (only its own rule is evaluated)."""
    assessment = assessment_rows(partnership=partnership, at=at, requirement_id=requirement.pk)
    context = context or Context(partnership, at)
    return _row(
        requirement, assessment.get(requirement.pk), context, financial_year(at), case_details
    )


def case_records_read(context: Context) -> list[Any]:
    """The notifications and practice reviews the context's case rules read (none if no case rule
    was evaluated), without running a query."""
    found: list[Any] = []
    for value in context.__dict__.values():
        if isinstance(value, CaseRecords):
            found += value.__dict__.get("incidents", [])
            found += value.__dict__.get("practice_reviews", [])
    return found


def _counts_only(derived: Derived, context: Context) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A case rule's reasons and evidence for a viewer who may not read case records: the rule's
    counts-only summary, and any line naming a case read left out whatever the rule gave."""
    named = {
        word
        for record in case_records_read(context)
        for word in (record.reference, getattr(record, "title", ""))
        if word
    }
    lines = derived.summary if derived.summary is not None else derived.reasons
    reasons = tuple(line for line in lines if not any(word in line for word in named))
    evidence = (
        (
            f"{plural(len(derived.evidence), 'case record')} read: their details are shown only "
            "to the partnership's case roles.",
        )
        if derived.evidence
        else ()
    )
    return reasons, evidence


def _row(
    requirement: Requirement | RequirementRow,
    assessment: AssessmentRow | None,
    context: Context,
    period: Period,
    case_details: bool = True,
) -> MatrixRow:
    links = assessment.evidence_links if assessment else ()
    link_lines = tuple(f"Evidence: {link.as_text}" for link in links)
    if not requirement.in_force_on(context.at):
        return MatrixRow(requirement, NOT_IN_FORCE, False, "", (NOT_IN_FORCE_REASON,), (), None)
    rule = requirement.derivation
    if rule:
        derived = context.derive(rule)
        reasons, evidence = tuple(derived.reasons), tuple(derived.evidence)
        if rule in CASE_RULES and not case_details:
            reasons, evidence = _counts_only(derived, context)
        return MatrixRow(
            requirement, derived.status, True, rule, reasons, evidence + link_lines, assessment,
            links,
        )  # fmt: skip
    if assessment is None:
        reason = f"No assessment recorded for {period.long_label}."
        return MatrixRow(requirement, Status.NOT_ASSESSED, False, "", (reason,), (), None)
    return MatrixRow(
        requirement, assessment.status, False, "", (_assessed(assessment),), link_lines,
        assessment, links,
    )  # fmt: skip


def _assessed(assessment: AssessmentRow) -> str:
    who = f" by {assessment.assessed_by}" if assessment.assessed_by else ""
    return (
        f"Assessed as {_STATUS_WORDS[assessment.status]} for "
        f"{_period_label(assessment.period_start, assessment.period_end)}{who} on "
        f"{_day(timezone.localtime(assessment.assessed_at).date())}."
    )


_STATUS_WORDS = {s.value: s.label.lower() for s in Status}


@functools.lru_cache(maxsize=256)
def _period_label(start: date, end: date) -> str:
    return Period(start, end).label


@functools.lru_cache(maxsize=1024)
def _day(day: date) -> str:
    return format_day(day)


def _notes(
    partnership: Partnership, at: date, frameworks: tuple[Framework, ...]
) -> tuple[str, ...]:
    guidance = next((f for f in frameworks if f.kind == GUIDANCE), None)
    label = partnership.get_guidance_display()
    if guidance is None:
        return (f"{label} was not in force on {format_day(at)}: only the Acts and Regulations "
                f"in force are shown.",)  # fmt: skip
    if guidance.replaced_on and guidance.replaced_on <= at:
        return (
            f"{guidance.short_title} was replaced on "
            f"{format_day(guidance.replaced_on)}; this partnership is recorded as still "
            f"working to it.",
        )
    return ()


def filter_choices(frameworks: tuple[Framework, ...]) -> dict[str, list[tuple[str, str]]]:
    """The options of the matrix page's filter selects."""
    return {
        "topic": list(TOPICS.items()),
        "level": list(LEVELS.items()),
        "status": [(s.value, s.label) for s in Status],
        "framework": [(f.pk, f.short_title) for f in frameworks],
    }


def history_for(*, partnership: Partnership, requirement: Requirement) -> list[dict[str, Any]]:
    """Every saved version of the partnership's assessments of `requirement`, newest first, each
    with what changed from the version before: `{"when", "who", "period", "status", "changes"}`."""
    records = list(
        Assessment.history.filter(partnership_id=partnership.pk, requirement_id=requirement.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    fields = {
        "status": "status",
        "partnership_level": "partnership level",
        "local_authority_level": "local-authority level",
        "period_end": "period end",
    }
    previous: dict[int, Any] = {}
    out = []
    for record in records:
        before = previous.get(record.id)
        if record.history_type == "+" or before is None:
            changes = ["recorded"]
        elif record.history_type == "-":
            changes = ["deleted"]
        else:
            changes = [label for name, label in fields.items()
                       if getattr(record, name) != getattr(before, name)] or ["saved unchanged"]  # fmt: skip
        previous[record.id] = record
        out.append(
            {
                "when": record.history_date,
                "who": record.history_user,
                "period": Period(record.period_start, record.period_end),
                "status": record.status,
                "changes": changes,
            }
        )
    return out[::-1]

"""Validation of statute YAML entries: one parse function per entry kind (see `references` for
the checks across entries and files).

Each function appends `StatuteError`s and carries on, so `masa statute check` reports every
problem at once. Entries that are too broken to build are skipped (their errors are reported).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from masa.core.clocks.rules import ClockRule, Unit

from .library import Framework, RelevantAgencyCategory, Requirement, StatuteError
from .schema import (
    CATEGORY_KEYS,
    CLOCK_KEYS,
    CLOCK_UNITS,
    COMMENCEMENT_KEYS,
    COMMENCEMENT_STATUSES,
    CONFIDENCES,
    CONTENT_LISTS,
    DERIVATION_RULES,
    DERIVED_PREFIX,
    EVIDENCE_KINDS,
    FRAMEWORK_ID_PATTERN,
    FRAMEWORK_KEYS,
    FRAMEWORK_KINDS,
    HOLDERS,
    ID_PATTERN,
    LEVELS,
    LINEAGE_CHANGES,
    LINEAGE_KEYS,
    REQUIREMENT_KEYS,
    SCHEDULE_HEADINGS,
    TOPICS,
)
from .yamlio import LineMap

T = TypeVar("T")
_ID = re.compile(ID_PATTERN)
_FRAMEWORK_ID = re.compile(FRAMEWORK_ID_PATTERN)
_MISSING = object()


@dataclass(frozen=True)
class Located(Generic[T]):
    value: T
    file: str
    line: int
    lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Checker:
    """Field checks for one file. Each returns a usable value or a neutral one and records errors."""

    def __init__(self, file: str, errors: list[StatuteError]) -> None:
        self.file = file
        self.errors = errors

    def error(self, line: int, message: str) -> None:
        self.errors.append(StatuteError(self.file, line, message))

    def keys(
        self, mapping: LineMap, spec: tuple[tuple[str, ...], tuple[str, ...]], what: str
    ) -> None:
        required, optional = spec
        for key in mapping:
            if key not in required and key not in optional:
                allowed = ", ".join((*required, *optional))
                self.error(
                    mapping.line_of(key), f"unknown key '{key}' in {what} (allowed: {allowed})"
                )
        for key in required:
            if key not in mapping:
                self.error(mapping.line, f"{what} is missing '{key}'")

    def text(self, m: LineMap, key: str, what: str, *, required: bool = True) -> str:
        value = m.get(key, _MISSING)
        if value is _MISSING or value is None:
            return ""  # a missing required key is reported by keys()
        if not isinstance(value, str) or not value.strip():
            self.error(m.line_of(key), f"{what} '{key}' must be a non-empty string")
            return ""
        return value.strip()

    def choice(
        self, m: LineMap, key: str, vocabulary: Mapping[str, str] | tuple[str, ...], what: str
    ) -> str:
        value = m.get(key, _MISSING)
        if value is _MISSING:
            return ""
        if value not in vocabulary:
            allowed = ", ".join(vocabulary)
            self.error(m.line_of(key), f"{what} has unknown {key} '{value}' (allowed: {allowed})")
            return ""
        return str(value)

    def day(self, m: LineMap, key: str, what: str) -> date | None:
        value = m.get(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.error(m.line_of(key), f"{what} '{key}' is not a date (YYYY-MM-DD): {value!r}")
            return None

    def integer(self, m: LineMap, key: str, what: str, low: int, high: int) -> int | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error(
                m.line_of(key), f"{what} '{key}' must be a whole number {low}–{high}: {value!r}"
            )
            return None
        return value

    def ident(self, m: LineMap, what: str, pattern: re.Pattern[str], owner: str | None) -> str:
        value = m.get("id")
        if value is None:
            return ""
        if not isinstance(value, str) or not pattern.match(value):
            self.error(m.line_of("id"), f"{what} id {value!r} must be lowercase, dotted or dashed")
            return ""
        if owner is not None and not value.startswith(owner + "."):
            self.error(m.line_of("id"), f"{what} id '{value}' must start with '{owner}.'")
        return value


def _mapping(check: Checker, raw: Any, line: int, what: str) -> LineMap | None:
    if not isinstance(raw, LineMap):
        check.error(line, f"{what} must be a mapping")
        return None
    return raw


def parse_framework(check: Checker, raw: Any, line: int) -> Located[Framework] | None:
    m = _mapping(check, raw, line, "framework")
    if m is None:
        return None
    check.keys(m, FRAMEWORK_KEYS, "framework")
    fid = m.get("id")
    if not isinstance(fid, str) or not _FRAMEWORK_ID.match(fid):
        check.error(
            m.line_of("id"), f"framework id {fid!r} must be lowercase letters, digits, dashes"
        )
        return None
    in_force_from = check.day(m, "in_force_from", "framework")
    in_force_until = check.day(m, "in_force_until", "framework")
    if in_force_from and in_force_until and in_force_until < in_force_from:
        check.error(m.line_of("in_force_until"), "framework in_force_until is before in_force_from")
    supersedes = m.get("supersedes")
    if supersedes is not None and not isinstance(supersedes, str):
        check.error(m.line_of("supersedes"), "framework 'supersedes' must be a framework id")
        supersedes = None
    framework = Framework(
        id=fid,
        title=check.text(m, "title", "framework"),
        short_title=check.text(m, "short_title", "framework"),
        kind=check.choice(m, "kind", FRAMEWORK_KINDS, "framework"),
        in_force_from=in_force_from or date.min,
        in_force_until=in_force_until,
        supersedes=supersedes,
        url=check.text(m, "url", "framework"),
        note=check.text(m, "note", "framework", required=False),
    )
    return Located(framework, check.file, m.line, m.key_lines)


def parse_clock(check: Checker, raw: Any, line: int, owner: str) -> Located[ClockRule] | None:
    m = _mapping(check, raw, line, "clock")
    if m is None:
        return None
    check.keys(m, CLOCK_KEYS, "clock")
    cid = check.ident(m, "clock", _ID, owner)
    unit = check.choice(m, "unit", CLOCK_UNITS, "clock")
    if not cid or not unit:
        return None
    what = f"clock '{cid}'"
    amount = check.integer(m, "amount", what, 0, 1000)
    month = check.integer(m, "month", what, 1, 12)
    day = check.integer(m, "day", what, 1, 31)
    period_end_month = check.integer(m, "period_end_month", what, 1, 12)
    if unit == Unit.BY_DATE:
        for key in ("month", "day", "period_end_month"):
            if key not in m:
                check.error(m.line, f"{what} is by_date and needs '{key}'")
        if month and day:
            try:
                date(2001, month, day)
            except ValueError:
                check.error(m.line_of("day"), f"{what} has no day {day} in month {month}")
        if amount:
            check.error(m.line_of("amount"), f"{what} is by_date: 'amount' is not used")
    else:
        if not amount:
            check.error(m.line_of("amount"), f"{what} needs a positive 'amount' of {unit}")
        for key in ("month", "day", "period_end_month"):
            if key in m:
                check.error(m.line_of(key), f"{what}: '{key}' is only for by_date clocks")
    before = m.get("before", False)
    if not isinstance(before, bool):
        check.error(m.line_of("before"), f"{what} 'before' must be true or false")
        before = False
    statutory = m.get("statutory", True)
    if not isinstance(statutory, bool):
        check.error(m.line_of("statutory"), f"{what} 'statutory' must be true or false")
        statutory = True
    not_later_than = check.day(m, "not_later_than", what)
    if not_later_than and (before or unit == Unit.BY_DATE):
        check.error(
            m.line_of("not_later_than"), f"{what}: 'not_later_than' is only for clocks counting on"
        )
    rule = ClockRule(
        id=cid,
        unit=Unit(unit),
        amount=amount or 0,
        trigger=check.text(m, "trigger", what),
        summary=check.text(m, "summary", what),
        citation=check.text(m, "citation", what),
        month=month,
        day=day,
        period_end_month=period_end_month,
        before=before,
        not_later_than=not_later_than,
        statutory=statutory,
    )
    return Located(rule, check.file, m.line, m.key_lines)


def parse_requirement(
    check: Checker, raw: Any, line: int, owner: str, position: int
) -> Located[Requirement] | None:
    m = _mapping(check, raw, line, "requirement")
    if m is None:
        return None
    check.keys(m, REQUIREMENT_KEYS, "requirement")
    rid = check.ident(m, "requirement", _ID, owner)
    if not rid:
        return None
    what = f"requirement '{rid}'"
    evidence = m.get("evidence", "")
    if "evidence" in m and evidence not in EVIDENCE_KINDS:
        if isinstance(evidence, str) and evidence.startswith(DERIVED_PREFIX):
            rules = ", ".join(DERIVATION_RULES)
            check.error(
                m.line_of("evidence"),
                f"{what} names unknown derivation rule '{evidence}' (known: {rules})",
            )
        else:
            check.error(
                m.line_of("evidence"),
                f"{what} has unknown evidence '{evidence}' (allowed: manual, record, derived:<rule>)",
            )
        evidence = ""
    clock = m.get("clock")
    if clock is not None and not isinstance(clock, str):
        check.error(m.line_of("clock"), f"{what} 'clock' must be a clock id")
        clock = None
    content_of = check.choice(m, "content_of", CONTENT_LISTS, what) or None
    lines = dict(m.key_lines)
    lineage_from, lineage_change = None, None
    if "lineage" in m:
        lineage = _mapping(check, m["lineage"], m.line_of("lineage"), f"{what} lineage")
        if lineage is not None:
            check.keys(lineage, LINEAGE_KEYS, f"{what} lineage")
            lineage_change = (
                check.choice(lineage, "change", LINEAGE_CHANGES, f"{what} lineage") or None
            )
            lineage_from = lineage.get("from")
            lines["lineage.from"] = lineage.line_of("from")
            if lineage_from is not None and not isinstance(lineage_from, str):
                check.error(
                    lineage.line_of("from"), f"{what} lineage 'from' must be a requirement id"
                )
                lineage_from = None
            if lineage_change in ("same", "changed") and lineage_from is None:
                check.error(lineage.line, f"{what} lineage '{lineage_change}' needs 'from'")
            if lineage_change in ("new", "removed") and lineage_from is not None:
                check.error(
                    lineage.line_of("from"), f"{what} lineage '{lineage_change}' has no 'from'"
                )
    commencement, commenced_on, commencement_note = "", None, ""
    if "commencement" in m:
        c = _mapping(check, m["commencement"], m.line_of("commencement"), f"{what} commencement")
        if c is not None:
            check.keys(c, COMMENCEMENT_KEYS, f"{what} commencement")
            commencement = check.choice(c, "status", COMMENCEMENT_STATUSES, f"{what} commencement")
            commenced_on = check.day(c, "commenced_on", f"{what} commencement")
            commencement_note = check.text(c, "note", f"{what} commencement", required=False)
            if commencement == "commenced" and commenced_on is None:
                check.error(c.line, f"{what} commencement 'commenced' needs 'commenced_on'")
            if commencement == "awaiting_regulations" and "commenced_on" in c:
                check.error(
                    c.line_of("commenced_on"),
                    f"{what} commencement awaiting regulations has no 'commenced_on'",
                )
    requirement = Requirement(
        id=rid,
        framework=owner,
        level=check.choice(m, "level", LEVELS, what),
        holder=check.choice(m, "holder", HOLDERS, what),
        topic=check.choice(m, "topic", TOPICS, what),
        summary=check.text(m, "summary", what),
        citation=check.text(m, "citation", what),
        clock=clock,
        content_of=content_of,
        evidence=evidence,
        confidence=check.choice(m, "confidence", CONFIDENCES, what),
        lineage_from=lineage_from,
        lineage_change=lineage_change,
        note=check.text(m, "note", what, required=False),
        position=position,
        commencement=commencement,
        commenced_on=commenced_on,
        commencement_note=commencement_note,
    )
    return Located(requirement, check.file, m.line, lines)


def parse_category(check: Checker, raw: Any, line: int) -> Located[RelevantAgencyCategory] | None:
    m = _mapping(check, raw, line, "relevant-agency category")
    if m is None:
        return None
    check.keys(m, CATEGORY_KEYS, "relevant-agency category")
    paragraph = check.integer(m, "paragraph", "relevant-agency category", 1, 999)
    if paragraph is None:
        return None
    what = f"relevant-agency category {paragraph}"
    citation = check.text(m, "citation", what)
    expected = f"SI 2018/789 Sch para {paragraph}"
    if citation and citation != expected:
        check.error(m.line_of("citation"), f"{what} citation must read '{expected}'")
    category = RelevantAgencyCategory(
        paragraph=paragraph,
        heading=check.choice(m, "heading", SCHEDULE_HEADINGS, what),
        description=check.text(m, "description", what),
        citation=citation,
    )
    return Located(category, check.file, m.line, m.key_lines)

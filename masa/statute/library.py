"""The statute library as loaded from YAML: frozen dataclasses, no Django.

`masa.statute.loader.load_library()` builds a `Library`; everything else reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from masa.core.clocks.rules import ClockRule
from masa.core.errors import MasaError

from .schema import DERIVED_PREFIX, SCHEDULE_HEADINGS


class StatuteError(MasaError):
    """One problem in a statute YAML file, located so an editor can jump to it."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(message)
        self.file = file
        self.line = line

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def __repr__(self) -> str:
        return f"StatuteError({self.file!r}, {self.line!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StatuteError):
            return NotImplemented
        return (self.file, self.line, self.message) == (other.file, other.line, other.message)

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.message))


class LibraryInvalid(MasaError):
    """Raised by `load_library` when `check_library` would report errors."""

    def __init__(self, errors: list[StatuteError]) -> None:
        super().__init__(f"{len(errors)} error(s) in the statute library; first: {errors[0]}")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    title: str
    short_title: str
    kind: str  # act | regulations | guidance
    in_force_from: date
    in_force_until: date | None
    supersedes: str | None
    url: str
    note: str = ""

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from <= day and (
            self.in_force_until is None or day <= self.in_force_until
        )

    @property
    def replaced_on(self) -> date | None:
        """The day it stopped applying: the day after `in_force_until`, its last day in force
        (WT2018: in force until 14 December 2023, replaced by WT2023 on 15 December 2023)."""
        return self.in_force_until + timedelta(days=1) if self.in_force_until else None


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    framework: str
    level: str
    holder: str
    topic: str
    summary: str
    citation: str
    clock: str | None
    content_of: str | None
    evidence: str  # manual | record | derived:<rule>
    confidence: str
    lineage_from: str | None
    lineage_change: str | None
    note: str
    position: int  # 1-based order within its framework's file
    commencement: str = ""  # "" (in force with its framework), awaiting_regulations, commenced
    commenced_on: date | None = None
    commencement_note: str = ""

    def in_force_on(self, day: date) -> bool:
        """False while commencement awaits regulations, or before the commencement day."""
        if self.commencement == "awaiting_regulations":
            return False
        return self.commenced_on is None or self.commenced_on <= day

    @property
    def derivation(self) -> str:
        """The derivation rule name after `derived:`, or "" for manual/record evidence."""
        if self.evidence.startswith(DERIVED_PREFIX):
            return self.evidence[len(DERIVED_PREFIX) :]
        return ""


@dataclass(frozen=True, slots=True)
class RelevantAgencyCategory:
    paragraph: int
    heading: str  # a SCHEDULE_HEADINGS key: "education_and_childcare", …
    description: str
    citation: str

    @property
    def heading_label(self) -> str:
        """The Schedule's own heading: "Education and childcare"."""
        return SCHEDULE_HEADINGS.get(self.heading, self.heading)


@dataclass(frozen=True)
class Library:
    frameworks: dict[str, Framework]
    requirements: dict[str, Requirement]  # in file order
    clocks: dict[str, ClockRule]
    relevant_agency_categories: tuple[RelevantAgencyCategory, ...] = field(default=())

    def for_frameworks(self, framework_ids: Iterable[str]) -> list[Requirement]:
        """Requirements of the given frameworks, in the order the ids are given, then file order."""
        order = {fid: index for index, fid in enumerate(framework_ids)}
        chosen = [r for r in self.requirements.values() if r.framework in order]
        return sorted(chosen, key=lambda r: (order[r.framework], r.position))

    def content_list(self, framework_id: str, document: str) -> list[Requirement]:
        return [
            r
            for r in self.requirements.values()
            if r.framework == framework_id and r.content_of == document
        ]

    def successors(self, requirement_id: str) -> list[Requirement]:
        return [r for r in self.requirements.values() if r.lineage_from == requirement_id]

    def frameworks_for_guidance(self, guidance_id: str) -> list[str]:
        """The frameworks a partnership working to `guidance_id` is assessed against.

        Every Act and set of Regulations in the library, then the one edition of the guidance:
        a WT2023 partnership gets ca2004 + si2018-789 + wt2023.
        """
        guidance = self.frameworks.get(guidance_id)
        if guidance is None or guidance.kind != "guidance":
            known = sorted(f.id for f in self.frameworks.values() if f.kind == "guidance")
            raise KeyError(f"{guidance_id!r} is not a guidance framework; known: {known}")
        law = [f.id for f in self.frameworks.values() if f.kind != "guidance"]
        return [*law, guidance_id]

"""What changed between two versions of a document, section by section: the readable difference on
the public version history ("What changed since version 2") and between one year's report and the
last ("What changed since last year's report").

Sections are matched by key. A section's text is `SectionContent.text()` (the narrative, tables,
charts' data and facts as plain lines); lines inserted and deleted come from difflib."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from django.template.loader import render_to_string

from .content import DocumentContent, SectionContent

Status = Literal["added", "removed", "changed", "unchanged"]


@dataclass(frozen=True)
class LineChange:
    kind: Literal["inserted", "deleted"]
    text: str


@dataclass(frozen=True)
class SectionChange:
    key: str
    heading: str
    status: Status
    lines: tuple[LineChange, ...] = ()
    old_heading: str = ""  # set when the section was renamed

    @property
    def inserted(self) -> int:
        return sum(1 for line in self.lines if line.kind == "inserted")

    @property
    def deleted(self) -> int:
        return sum(1 for line in self.lines if line.kind == "deleted")


def _lines(section: SectionContent) -> list[str]:
    # Whitespace is not a change a reader can see.
    return [" ".join(line.split()) for line in section.text().splitlines() if line.strip()]


def _changes(old: list[str], new: list[str]) -> tuple[LineChange, ...]:
    found: list[LineChange] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            found.extend(LineChange("deleted", line) for line in old[old_from:old_to])
        if tag in ("replace", "insert"):
            found.extend(LineChange("inserted", line) for line in new[new_from:new_to])
    return tuple(found)


def difference(old: DocumentContent | None, new: DocumentContent) -> list[SectionChange]:
    """Every section of `new` in its order with what changed since `old`, then the sections `old`
    had and `new` does not. With no `old` (a first version) every section is added."""
    before = {s.key: s for s in old.sections} if old else {}
    result: list[SectionChange] = []
    for section in new.sections:
        previous = before.get(section.key)
        if previous is None:
            lines = tuple(LineChange("inserted", line) for line in _lines(section))
            result.append(SectionChange(section.key, section.heading, "added", lines))
            continue
        lines = _changes(_lines(previous), _lines(section))
        renamed = previous.heading if previous.heading != section.heading else ""
        status: Status = "changed" if lines or renamed else "unchanged"
        result.append(SectionChange(section.key, section.heading, status, lines, renamed))
    kept = {s.key for s in new.sections}
    for section in old.sections if old else ():
        if section.key not in kept:
            lines = tuple(LineChange("deleted", line) for line in _lines(section))
            result.append(SectionChange(section.key, section.heading, "removed", lines))
    return result


def since(old: DocumentContent, new: DocumentContent) -> str:
    """'since version 2', or 'since last year's report (2023-24)' between yearly reports."""
    if new.kind == "yearly_report" and old.period and old.period != new.period:
        return f"since last year’s report ({old.period})"
    return f"since version {old.version}"


def render_difference(
    old: DocumentContent, new: DocumentContent, *, heading_level: int = 2, heading_id: str = ""
) -> str:
    """'What changed since …' as a GOV.UK fragment: per changed section its inserted and deleted
    lines (<ins>/<del>, with 'added'/'removed' said to screen readers), then the unchanged ones."""
    changes = difference(old, new)
    return render_to_string(
        "documents/render/difference.html",
        {
            "since": since(old, new),
            "changed": [c for c in changes if c.status != "unchanged"],
            "unchanged": [c for c in changes if c.status == "unchanged"],
            "level": min(max(heading_level, 2), 5),
            "heading_id": heading_id or f"changes-{new.version}",
        },
    )

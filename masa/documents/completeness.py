"""Is every statutory content item answered? One item per content requirement of the version's
framework (the statute library's `content_of` list), each `present`, `thin` or `missing`:

- present: the section answering it has a narrative of at least 40 words, or has data from the
  records where the records alone answer the item (the outline marks those: who the partners
  are, the area, the relevant agencies);
- thin: something is there, but less: a shorter narrative, or data only where the item asks for
  analysis the records cannot give (how effective, what impact);
- missing: nothing but "not written" or "none recorded" notes.

A missing `must` item blocks sign-off and publication (`blocking`). The check reads the content
(`masa.documents.assembly.content_for`), so a published version is checked as it was frozen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from masa.statute.loader import load_library

from .assembly import content_for
from .content import Chart, DocumentContent, Facts, Prose, SectionContent, Table
from .models import DocumentVersion
from .outline import sections_for

PRESENT, THIN, MISSING = "present", "thin", "missing"
STATES = (PRESENT, THIN, MISSING)
WORDS_FOR_PRESENT = 40
STATE_TAGS = {PRESENT: "govuk-tag--green", THIN: "govuk-tag--yellow", MISSING: "govuk-tag--red"}
STATE_LABELS = {PRESENT: "Present", THIN: "Thin", MISSING: "Missing"}


@dataclass(frozen=True)
class Item:
    requirement: str
    level: str
    state: str
    where: str  # the section heading that answers it (or should)
    anchor: str = ""  # the section key, for links
    summary: str = ""
    citation: str = ""
    words: int = 0

    def as_json(self) -> dict[str, str]:
        return {
            "requirement": self.requirement,
            "level": self.level,
            "state": self.state,
            "where": self.where,
        }

    @property
    def tag_class(self) -> str:
        return STATE_TAGS[self.state]

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class Completeness:
    framework: str
    items: list[Item] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"framework": self.framework, "items": [i.as_json() for i in self.items]}

    def count(self, state: str) -> int:
        return sum(1 for i in self.items if i.state == state)


def narrative_words(section: SectionContent) -> int:
    text = " ".join(b.html for b in section.blocks if isinstance(b, Prose))
    return len(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", text)))


def has_data(section: SectionContent) -> bool:
    """Data from the records: a table, chart or list of facts (a Note is only "none recorded")."""
    return any(isinstance(b, Table | Chart | Facts) for b in section.blocks)


def state_of(section: SectionContent | None, *, data_answers: bool) -> tuple[str, int]:
    if section is None:
        return MISSING, 0
    words = narrative_words(section)
    data = has_data(section)
    if words >= WORDS_FOR_PRESENT or (data and data_answers):
        return PRESENT, words
    if words or data:
        return THIN, words
    return MISSING, 0


def check_content(content: DocumentContent) -> Completeness:
    library = load_library()
    outline = {s.key: s for s in sections_for(content.kind, content.framework)}
    by_requirement = {rid: s for s in content.sections for rid in s.requirements}
    items = []
    for requirement in library.content_list(content.framework, content.kind):
        section = by_requirement.get(requirement.id)
        plan = outline.get(section.key) if section else None
        state, words = state_of(section, data_answers=bool(plan and plan.data_answers))
        items.append(
            Item(
                requirement=requirement.id,
                level=requirement.level,
                state=state,
                where=section.heading if section else "",
                anchor=section.key if section else "",
                summary=requirement.summary,
                citation=requirement.citation,
                words=words,
            )
        )
    return Completeness(framework=content.framework, items=items)


def check(version: DocumentVersion) -> Completeness:
    return check_content(content_for(version))


def blocking(completeness: Completeness) -> list[Item]:
    """The missing `must` items: while there is one, nobody can sign or publish."""
    return [i for i in completeness.items if i.level == "must" and i.state == MISSING]

"""The sections of each document, per framework.

The statutory content list comes from the statute library (`content_of` = the document kind, for
the version's framework): this module adds only headings, order, grouping and which assembler
fills a section from the records. A requirement the framework does not have is dropped, and a
section left with none is left out (WT2018's arrangements have no information-sharing item), so
the outline can never claim a duty the framework does not impose.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from masa.statute.loader import load_library

from .models import DocumentKind


@dataclass(frozen=True)
class OutlineSection:
    key: str
    heading: str
    requirements: tuple[str, ...]  # statute library ids, in library order
    guidance: str  # what the section must answer, in the library's words, with citations
    data: str | None  # the assembler (masa.documents.assembly) that fills it from records
    # Completeness: whether the records alone answer the requirements (a list of who and what),
    # or the requirements ask for analysis that only the narrative can give.
    data_answers: bool = False


@dataclass(frozen=True)
class _Plan:
    key: str
    heading: str
    suffixes: tuple[str, ...]  # requirement ids without the framework prefix
    data: str | None = None
    data_answers: bool = False
    note: str = ""  # said to the author beneath the requirements
    always: bool = False  # kept without requirements (the introduction)


NO_RECORDS = (
    "MASA holds no {what} records yet (they arrive with the partnership business records): "
    "write this section as narrative."
)
INTRODUCTION = (
    "Introduce the document: whose arrangements these are, when they took effect and how to "
    "contact the partnership. No statutory item is answered here."
)

_ARRANGEMENTS = (
    _Plan("introduction", "About this document", (), note=INTRODUCTION, always=True),
    _Plan(
        "partners",
        "The safeguarding partners and who leads",
        ("published-arrangements.partners",),
        data="partners",
        data_answers=True,
    ),
    _Plan(
        "geography",
        "The area the arrangements cover",
        ("published-arrangements.geography",),
        data="geography",
        data_answers=True,
    ),
    _Plan(
        "working-together",
        "How the partners work together",
        ("published-arrangements.identify-respond",),
        data="boards",
        note="The boards, groups and priorities below come from the records; describe how they "
        "identify and respond to children's needs.",
    ),
    _Plan(
        "relevant-agencies",
        "Relevant agencies",
        ("published-arrangements.relevant-agencies",),
        data="relevant_agencies",
        data_answers=True,
    ),
    _Plan(
        "education",
        "Schools, colleges and early years",
        ("published-arrangements.education",),
        data="education",
    ),
    _Plan(
        "secure-establishments",
        "Youth custody and residential homes",
        ("published-arrangements.youth-custody-residential",),
        data="secure_establishments",
    ),
    _Plan(
        "scrutiny",
        "Independent scrutiny",
        ("published-arrangements.scrutiny",),
        data="scrutiny",
        note="The scrutineer's post comes from the records; describe how scrutiny works.",
    ),
    _Plan(
        "reviews",
        "Child safeguarding practice reviews",
        ("published-arrangements.commissioning-reviews", "published-arrangements.review-process"),
    ),
    _Plan(
        "data",
        "Sharing information and using data",
        ("published-arrangements.information-sharing", "published-arrangements.data-intelligence"),
        note=NO_RECORDS.format(what="performance data"),
    ),
    _Plan(
        "training",
        "Training and multi-agency audits",
        ("published-arrangements.training-audits",),
        note=NO_RECORDS.format(what="training or audit"),
    ),
    _Plan(
        "voice",
        "The voice of children and families",
        ("published-arrangements.voice",),
        note=NO_RECORDS.format(what="voice of children and families"),
    ),
    _Plan("thresholds", "Thresholds for help", ("published-arrangements.thresholds",)),
    _Plan(
        "funding",
        "Funding",
        ("published-arrangements.funding",),
        note=NO_RECORDS.format(what="funding"),
    ),
)

_YEARLY_REPORT = (
    _Plan("introduction", "About this report", (), note=INTRODUCTION, always=True),
    _Plan(
        "partners",
        "The partners and what each contributed",
        ("yearly-report.partner-contributions",),
        data="partners",
        note="The partners and their leads come from the records; say what each contributed.",
    ),
    _Plan(
        "what-done",
        "What the partnership has done",
        ("yearly-report.what-done",),
        data="reviews",
        note="The rapid and practice reviews of the year come from the records.",
    ),
    _Plan(
        "effectiveness",
        "How effective the arrangements have been",
        ("yearly-report.effectiveness",),
        data="notifications",
        note="Notification timeliness comes from the records; analyse what it and other "
        "evidence say about effectiveness.",
    ),
    _Plan(
        "decisions-actions",
        "Decisions, recommendations and actions",
        ("yearly-report.decisions-actions", "yearly-report.review-recommendations"),
        data="actions",
    ),
    _Plan(
        "impact",
        "The impact on children and families",
        ("yearly-report.impact-evidence",),
        note=NO_RECORDS.format(what="training"),
    ),
    _Plan(
        "priorities",
        "Progress on priorities",
        ("yearly-report.little-progress",),
        data="priorities",
    ),
    _Plan(
        "learning",
        "Learning from serious incidents",
        ("yearly-report.serious-incident-learning",),
        data="themes",
    ),
    _Plan(
        "scrutiny",
        "Independent scrutiny: themes and impact",
        ("yearly-report.scrutiny-themes", "yearly-report.scrutiny-impact"),
        data="scrutiny",
    ),
    _Plan(
        "education",
        "Education at operational and strategic levels",
        ("yearly-report.education-representation",),
        data="education",
    ),
    _Plan(
        "voice",
        "Feedback from children and families",
        ("yearly-report.feedback-children-families",),
        note=NO_RECORDS.format(what="voice of children and families"),
    ),
    _Plan(
        "data",
        "How data is used",
        ("yearly-report.data-use",),
        note=NO_RECORDS.format(what="performance data"),
    ),
    _Plan(
        "funding",
        "Costs and contributions",
        ("yearly-report.costs-breakdown",),
        note=NO_RECORDS.format(what="funding"),
    ),
    _Plan(
        "arrangement-updates",
        "Updates to the published arrangements",
        ("yearly-report.arrangement-updates",),
    ),
    _Plan(
        "reforms",
        "National reforms implemented",
        ("yearly-report.reforms-implemented",),
    ),
)

PLANS = {DocumentKind.ARRANGEMENTS: _ARRANGEMENTS, DocumentKind.YEARLY_REPORT: _YEARLY_REPORT}


@functools.cache
def sections_for(kind: str, framework: str) -> tuple[OutlineSection, ...]:
    """The sections of a `kind` document answering `framework`, in reading order. Raises KeyError
    for an unknown kind."""
    library = load_library()
    sections = []
    for plan in PLANS[DocumentKind(kind)]:
        ids = tuple(
            rid
            for suffix in plan.suffixes
            if (rid := f"{framework}.{suffix}") in library.requirements
            and library.requirements[rid].content_of == kind
        )
        if not ids and not plan.always:
            continue
        lines = [
            f"{library.requirements[rid].summary} ({library.requirements[rid].citation})"
            for rid in ids
        ]
        if plan.note:
            lines.append(plan.note)
        sections.append(
            OutlineSection(
                key=plan.key,
                heading=plan.heading,
                requirements=ids,
                guidance="\n".join(lines),
                data=plan.data,
                data_answers=plan.data_answers,
            )
        )
    return tuple(sections)


def section_for(kind: str, framework: str, key: str) -> OutlineSection | None:
    return next((s for s in sections_for(kind, framework) if s.key == key), None)

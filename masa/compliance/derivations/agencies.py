"""Rules over the relevant agencies, schools and education's place in the arrangements.

Each judges one partnership's registry facts; `nested` lets a parent partnership meet them through
the partnerships within it.
"""

from __future__ import annotations

from masa.partnerships.facts import RegistryFacts

from ..models import Status
from .context import Derived
from .evidence import agency_line, board_line, join, plural, role_line


def relevant_agencies_named(facts: RegistryFacts) -> Derived:
    """CA2004 s.16E(1)(b); WT2018 ch3 para 18: the arrangements name the relevant agencies."""
    agencies = facts.relevant_agencies
    evidence = [agency_line(a) for a in agencies]
    if not agencies:
        return Derived(Status.NOT_MET, ["No relevant agencies are recorded."], evidence)
    without = facts.agencies_without_reason
    if without:
        return Derived(
            Status.PARTLY_MET,
            [
                f"{plural(len(agencies), 'relevant agency', 'relevant agencies')} named, but "
                f"{plural(len(without), 'has', 'have')} no reason recorded for choosing it: "
                f"{join(a.organisation for a in without)}."
            ],
            evidence,
        )
    return Derived(
        Status.MET,
        [
            f"{plural(len(agencies), 'relevant agency', 'relevant agencies')} named, each with "
            f"why it was chosen."
        ],
        evidence,
    )


def schools_named(facts: RegistryFacts) -> Derived:
    """WT2018 ch3 para 26: schools, colleges and other education providers named as agencies."""
    schools = facts.education_agencies
    if schools:
        named = plural(
            len(schools),
            "school, college or other education provider",
            "schools, colleges or other education providers",
        )
        return Derived(
            Status.MET,
            [f"{named} named as relevant agencies (Schedule paragraphs 1 to 12)."],
            [agency_line(a) for a in schools],
        )
    engaged = [role_line(r) for r in facts.education_representatives] + [
        board_line(b) for b in facts.boards if b.includes_education
    ]
    reason = (
        "No school, college or other education provider (Schedule paragraphs 1 to 12) is named "
        "as a relevant agency."
    )
    if engaged:
        return Derived(
            Status.PARTLY_MET,
            [reason + " Education is represented in the arrangements, but not named this way."],
            engaged,
        )
    return Derived(Status.NOT_MET, [reason], [])


def education_strategic(facts: RegistryFacts) -> Derived:
    """WT2023 ch2: education is represented at strategic level."""
    strategic = [role_line(r) for r in facts.education_representatives] + [
        board_line(b) for b in facts.education_boards
    ]
    if strategic:
        return Derived(
            Status.MET,
            ["Education is represented at strategic level."],
            strategic,
        )
    elsewhere = [b for b in facts.boards if b.includes_education]
    if elsewhere or facts.education_agencies:
        evidence = [board_line(b) for b in elsewhere] + [
            agency_line(a) for a in facts.education_agencies
        ]
        return Derived(
            Status.PARTLY_MET,
            [
                "Education takes part (on a subgroup or as named agencies), but no education "
                "representative at strategic level is recorded."
            ],
            evidence,
        )
    return Derived(
        Status.NOT_MET,
        ["No education representative at strategic level is recorded."],
        [],
    )

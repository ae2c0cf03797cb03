"""The Schedule to SI 2018/789: the 38 paragraphs that make a body a relevant agency (reg 18).

Headings come from the statute library when it is installed; the paragraph numbers and which of
them are schools and colleges are fixed by the Schedule itself.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

PARAGRAPHS = range(1, 39)
# Education and childcare (paras 1–14); 1–12 are schools, colleges and other education providers,
# 13–14 early years and childcare (Childcare Act 2006) and children's centres.
EDUCATION_PARAGRAPHS = frozenset(range(1, 13))
CHILDCARE_PARAGRAPHS = frozenset({13, 14})


@dataclass(frozen=True)
class ScheduleParagraph:
    paragraph: int
    heading: str  # the Schedule's heading: "Education and childcare", …
    description: str

    @property
    def label(self) -> str:
        if self.description:
            return f"{self.paragraph}. {self.description}"
        return f"Paragraph {self.paragraph}"


@functools.lru_cache(maxsize=1)
def schedule() -> dict[int, ScheduleParagraph]:
    """Paragraph number → heading and description (empty text if the library is unavailable)."""
    headings: Mapping[str, str] = {}
    try:
        from masa.statute.loader import load_library
        from masa.statute.schema import SCHEDULE_HEADINGS

        categories = load_library().relevant_agency_categories
        headings = SCHEDULE_HEADINGS
    except Exception:  # the library is optional here: numbers alone still validate
        categories = ()
    found = {
        c.paragraph: ScheduleParagraph(
            c.paragraph, headings.get(c.heading, c.heading), c.description
        )
        for c in categories
    }
    return {n: found.get(n, ScheduleParagraph(n, "", "")) for n in PARAGRAPHS}


def paragraph(number: int | None) -> ScheduleParagraph | None:
    if number is None:
        return None
    return schedule().get(number)


def choices() -> list[tuple[str, str]]:
    """Form choices: "not in the regulations" then each paragraph with its description."""
    options = [("", "Not named in the regulations")]
    for number, entry in schedule().items():
        heading = f" ({entry.heading})" if entry.heading else ""
        options.append((str(number), f"{entry.label}{heading}"[:180]))
    return options

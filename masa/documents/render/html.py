"""A document's content as HTML: the GOV.UK fragment the web pages embed (`render_html`) and the
standalone page the PDF is printed from and `masa document build --format html` writes
(`render_standalone`). Both read only a `DocumentContent`, so a published version renders from its
frozen snapshot exactly as it was signed."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from masa.documents.content import (
    Block,
    Chart,
    DocumentContent,
    Facts,
    Note,
    Prose,
    SectionContent,
    Table,
)
from masa.partnerships.periods import format_day
from masa.statute.loader import load_library

from .charts import chart_svg, describe


@dataclass(frozen=True)
class ShownBlock:
    """A block ready for a template: a chart carries its drawn SVG and its data table."""

    kind: str
    block: Block
    svg: SafeString | None = None
    table: Table | None = None
    html: SafeString | None = None

    @property
    def svg_data_uri(self) -> str:
        """The chart as an image URL, for the print page: WeasyPrint draws an SVG image without
        reading its styles as the page's own."""
        return "data:image/svg+xml;base64," + base64.b64encode(str(self.svg).encode()).decode()

    @property
    def description(self) -> str:
        return describe(self.block) if isinstance(self.block, Chart) else ""


@dataclass(frozen=True)
class ShownSection:
    key: str
    heading: str
    requirements: tuple[str, ...]
    blocks: tuple[ShownBlock, ...]


def day(value: str) -> str:
    """An ISO date or date-time from the content as '3 September 2025'; '' stays ''."""
    if not value:
        return ""
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return format_day(parsed)


def framework_title(framework: str) -> str:
    found = load_library().frameworks.get(framework)
    return found.short_title if found else framework


def _shown_block(block: Block, *, id_prefix: str) -> ShownBlock:
    if isinstance(block, Prose):
        # Sanitised by masa.documents.markdown when assembled (and frozen so in the snapshot).
        return ShownBlock("prose", block, html=mark_safe(block.html))
    if isinstance(block, Chart):
        svg = mark_safe(chart_svg(block, id_prefix=id_prefix))  # matplotlib output; text escaped
        return ShownBlock("chart", block, svg=svg, table=block.table())
    if isinstance(block, Table):
        return ShownBlock("table", block, table=block)
    if isinstance(block, Facts):
        return ShownBlock("facts", block)
    if isinstance(block, Note):
        return ShownBlock("note", block)
    raise TypeError(f"Not a block: {block!r}")


def shown_sections(content: DocumentContent) -> tuple[ShownSection, ...]:
    return tuple(_shown_section(section) for section in content.sections)


def _shown_section(section: SectionContent) -> ShownSection:
    return ShownSection(
        key=section.key,
        heading=section.heading,
        requirements=section.requirements,
        blocks=tuple(
            _shown_block(block, id_prefix=f"chart-{section.key}-{index}")
            for index, block in enumerate(section.blocks)
        ),
    )


def about(content: DocumentContent) -> list[tuple[str, str]]:
    """The facts printed under the title: what, which period, which edition, under which guidance."""
    rows = [("Partnership", content.partnership)]
    if content.period_label:
        rows.append(("Period covered", content.period_label))
    rows.append(("Version", str(content.version)))
    if content.published_on:
        rows.append(("Published", day(content.published_on)))
    if content.effective_from:
        rows.append(("In effect from", day(content.effective_from)))
    rows.append(("Written under", framework_title(content.framework)))
    return rows


def signed(content: DocumentContent) -> list[tuple[str, str, str]]:
    """(partner, who signed, date signed) per signatory: the job title, with the partner's
    organisation when the title does not name it, and the role when it was signed by delegation."""
    rows = []
    for s in content.signatories:
        who = s.job_title
        if s.organisation and s.organisation not in who:
            who += f", {s.organisation}"
        if s.role and s.role != "Lead safeguarding partner":
            who += f" ({s.role.lower()})"
        rows.append((s.partner, who, day(s.signed_at)))
    return rows


def signed_sentence(content: DocumentContent) -> str:
    if any(s.role and s.role != "Lead safeguarding partner" for s in content.signatories):
        return (
            "Each safeguarding partner signed this version, through its lead safeguarding "
            "partner or the delegated safeguarding partner to whom the lead partner delegated "
            "signing."
        )
    return "Each lead safeguarding partner signed this version."


DEMO_SOURCE = (
    "Demonstration: this record was built in MASA from a public document ({source}). It is not "
    "the partnership's own publication, and it is not kept up to date."
)


def demo_notice(content: DocumentContent) -> str:
    return DEMO_SOURCE.format(source=content.demo_source) if content.demo_source else ""


def _context(content: DocumentContent, **more: Any) -> dict[str, Any]:
    return {
        "content": content,
        "sections": shown_sections(content),
        "about": about(content),
        "signed": signed(content),
        "signed_sentence": signed_sentence(content),
        "demo_notice": demo_notice(content),
        "is_draft": content.status == "draft",
        **more,
    }


def render_html(content: DocumentContent, *, public: bool) -> str:
    """The GOV.UK fragment: facts, contents, sections (h2 with id=key), signatories. The page around
    it gives the h1. `public=False` (the staff preview) also names the requirements each section
    answers."""
    return render_to_string("documents/render/document.html", _context(content, public=public))


def render_standalone(content: DocumentContent) -> str:
    """A whole HTML page with its own print CSS and nothing fetched: the PDF's source, and a file
    that opens anywhere."""
    generated = datetime.now().astimezone().date()
    return render_to_string(
        "documents/render/print.html", _context(content, generated=format_day(generated))
    )

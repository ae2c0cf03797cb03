"""The assembled content of a document version: what every renderer (web page, Word, PDF) and the
difference between versions read. Plain dataclasses, so a published version's content can be frozen
as JSON (`as_json` / `from_json`) and rendered later exactly as it was signed.

Blocks:
- `Prose`: sanitised HTML from a section's Markdown narrative (masa.documents.markdown).
- `Table`: a caption, column headings and rows of plain strings.
- `Chart`: a bar chart described by its data; renderers draw it as SVG and always show the table.
- `Facts`: a short list of label → value pairs (a GOV.UK summary list on the web).
- `Note`: one plain sentence, used for an honest empty section ("No practice reviews were
  published in 2024-25.").
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from html import unescape
from typing import Any, Literal


@dataclass(frozen=True)
class Prose:
    html: str
    kind: Literal["prose"] = "prose"


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: Literal["table"] = "table"


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str  # what the bars count, e.g. "notifications"
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (series name, one value per label)
    kind: Literal["chart"] = "chart"

    def table(self) -> Table:
        """The chart's data as a table: every chart is shown with one."""
        headers = ("", *(name for name, _ in self.series))
        rows = tuple(
            (label, *(_number(values[i]) for _, values in self.series))
            for i, label in enumerate(self.labels)
        )
        return Table(caption=f"{self.title}: the data", headers=headers, rows=rows)


@dataclass(frozen=True)
class Facts:
    items: tuple[tuple[str, str], ...]
    kind: Literal["facts"] = "facts"


@dataclass(frozen=True)
class Note:
    text: str
    kind: Literal["note"] = "note"


Block = Prose | Table | Chart | Facts | Note


@dataclass(frozen=True)
class SectionContent:
    key: str
    heading: str
    requirements: tuple[str, ...]  # statute library ids the section answers
    blocks: tuple[Block, ...] = ()

    def text(self) -> str:
        """The section as plain text, for differences and search."""
        return "\n".join(_block_text(b) for b in self.blocks)


@dataclass(frozen=True)
class Signatory:
    partner: str  # "Local authority"
    job_title: str
    signed_at: str  # ISO date-time
    organisation: str = ""  # the partner's organisation on the day
    role: str = ""  # "Lead safeguarding partner" or "Delegated safeguarding partner"


@dataclass(frozen=True)
class DocumentContent:
    partnership: str
    kind: str  # published_arrangements | yearly_report
    title: str
    framework: str  # wt2018 | wt2023
    version: int
    status: str
    period: str = ""  # "2024-25" for a yearly report
    period_label: str = ""  # "1 April 2024 to 31 March 2025"
    effective_from: str = ""
    published_on: str = ""
    sections: tuple[SectionContent, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    fictional: bool = False
    demo_source: str = ""  # a demonstration record built from this public document
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentContent:
        sections = tuple(
            SectionContent(
                key=s["key"],
                heading=s["heading"],
                requirements=tuple(s["requirements"]),
                blocks=tuple(_block(b) for b in s["blocks"]),
            )
            for s in data.get("sections", ())
        )
        signatories = tuple(Signatory(**s) for s in data.get("signatories", ()))
        rest = {k: v for k, v in data.items() if k not in {"sections", "signatories"}}
        return cls(**rest, sections=sections, signatories=signatories)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _block(data: dict[str, Any]) -> Block:
    kind = data["kind"]
    if kind == "prose":
        return Prose(html=data["html"])
    if kind == "table":
        return Table(
            caption=data["caption"],
            headers=tuple(data["headers"]),
            rows=tuple(tuple(r) for r in data["rows"]),
        )
    if kind == "chart":
        return Chart(
            title=data["title"],
            unit=data["unit"],
            labels=tuple(data["labels"]),
            series=tuple((name, tuple(values)) for name, values in data["series"]),
        )
    if kind == "facts":
        return Facts(items=tuple(tuple(i) for i in data["items"]))  # type: ignore[misc]
    if kind == "note":
        return Note(text=data["text"])
    raise ValueError(f"Unknown block kind {kind!r}")


def _block_text(block: Block) -> str:
    if isinstance(block, Prose):
        return unescape(re.sub(r"<[^>]+>", " ", block.html)).strip()
    if isinstance(block, Table | Chart):
        table = block if isinstance(block, Table) else block.table()
        lines = [table.caption, " | ".join(table.headers)]
        return "\n".join(lines + [" | ".join(r) for r in table.rows])
    if isinstance(block, Facts):
        return "\n".join(f"{k}: {v}" for k, v in block.items)
    return block.text

"""A document version as a Word file (python-docx), from the same content as the web page.

Built-in styles throughout, so the file reads back and navigates properly: the title in "Title",
each section in "Heading 1", a narrative's own headings (h3, h4) in "Heading 2" and "Heading 3",
lists in "List Bullet"/"List Number", quotes in "Quote". Tables have a repeated header row. A
chart is a PNG picture with alternative text, followed by its data table."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from typing import Any

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph

from masa.documents.content import Chart, DocumentContent, Facts, Note, Prose, Table

from .charts import chart_png, describe
from .html import about, demo_notice, signed, signed_sentence

LINK_COLOUR = RGBColor(0x1D, 0x70, 0xB8)
FICTIONAL = (
    "Fictional demonstration data: {partnership} is not a real partnership and nothing in this "
    "document describes real children, families or services."
)


def render_docx(content: DocumentContent) -> bytes:
    word = _Word(new_document())
    _setup(word.document, content)
    word.heading(content.title, 0)
    if content.demo_source:
        word.paragraph().add_run(demo_notice(content)).bold = True
    if content.fictional:
        warning = word.paragraph()
        warning.add_run(FICTIONAL.format(partnership=content.partnership)).bold = True
    if content.status == "draft":
        word.paragraph(
            "Draft: this version has not been published. What comes from the records is shown "
            "as it stood when this file was made.",
            "Intense Quote",
        )
    word.table("About this document", ("", ""), about(content), header=False)
    for section in content.sections:
        word.heading(section.heading, 1)
        for block in section.blocks:
            if isinstance(block, Prose):
                _Prose(word).feed(block.html)
            elif isinstance(block, Chart):
                _chart(word, block)
            elif isinstance(block, Table):
                word.table(block.caption, block.headers, block.rows)
            elif isinstance(block, Facts):
                word.table("", ("", ""), block.items, header=False)
            elif isinstance(block, Note):
                word.paragraph(block.text)
    if content.signatories:
        word.heading("Signed by", 1)
        word.paragraph(signed_sentence(content))
        word.table("", ("Partner", "Signed by", "Date"), signed(content))
    buffer = io.BytesIO()
    word.document.save(buffer)
    return buffer.getvalue()


def _setup(document: Document, content: DocumentContent) -> None:
    properties = document.core_properties
    properties.title = content.title
    properties.author = content.partnership
    properties.subject = content.period_label or content.title
    properties.language = "en-GB"
    properties.comments = f"Version {content.version} ({content.status}), made by MASA"
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for side in ("left_margin", "right_margin"):
        setattr(document.sections[0], side, Cm(2))


class _Word:
    """Adds paragraphs, headings and tables to a Word document. Styles are set by id, looked up
    once per name: python-docx's own lookup by name scans every style on each call, which made a
    long report take seconds."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._ids: dict[str, str] = {}

    def _style_id(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self.document.styles[name].style_id
        return self._ids[name]

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        paragraph = self.document.add_paragraph(text)
        if style:
            paragraph._p.style = self._style_id(style)
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def table(
        self,
        caption: str,
        headers: tuple[str, ...],
        rows: Any,
        *,
        header: bool = True,
    ) -> WordTable:
        if caption:
            self.paragraph(caption, "Caption")
        body = [tuple(str(cell) for cell in row) for row in rows]
        lines = [tuple(headers), *body] if header else body
        table = self.document.add_table(rows=len(lines), cols=max(len(headers), 1))
        table._tbl.tblStyle_val = self._style_id("Table Grid")
        for index, (row, line) in enumerate(zip(table.rows, lines, strict=True)):
            for column, (cell, text) in enumerate(zip(row.cells, line, strict=False)):
                run = cell.paragraphs[0].add_run(text)
                # The header row, or the label column of a list of facts, is bold.
                if (header and index == 0) or (not header and column == 0):
                    run.bold = True
        if header:
            _repeat_as_header(table.rows[0])
        self.paragraph()
        return table


def _repeat_as_header(row: Any) -> None:
    """Mark a row as the table's header: Word repeats it on every page and reads it as one."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _chart(word: _Word, chart: Chart) -> None:
    word.document.add_picture(io.BytesIO(chart_png(chart)), width=Cm(16))
    picture = word.document.inline_shapes[-1]
    picture._inline.docPr.set("descr", f"{chart.title}. {describe(chart)}")
    picture._inline.docPr.set("title", chart.title)
    word.paragraph(chart.title, "Caption")
    table = chart.table()
    word.table(table.caption, tuple(h or "Row" for h in table.headers), table.rows)


class _Prose(HTMLParser):
    """Write a narrative's sanitised HTML (masa.documents.markdown's allow-list) into Word."""

    HEADINGS = {"h1": 2, "h2": 2, "h3": 2, "h4": 3, "h5": 3, "h6": 3}

    def __init__(self, word: _Word) -> None:
        super().__init__(convert_charrefs=True)
        self.word = word
        self.paragraph: Paragraph | None = None
        self.bold = 0
        self.italic = 0
        self.code = 0
        self.href: str | None = None
        self.lists: list[str] = []  # "ul" / "ol", innermost last
        self.quote = 0
        self.table: list[list[str]] | None = None
        self.table_header_rows = 0
        self.cell: list[str] | None = None

    # block structure ---------------------------------------------------------------------------

    def _start_paragraph(self, style: str | None = None) -> Paragraph:
        self.paragraph = self.word.paragraph(style=style)
        return self.paragraph

    def _list_style(self) -> str:
        base = "List Number" if self.lists[-1] == "ol" else "List Bullet"
        depth = min(len(self.lists), 3)
        return base if depth == 1 else f"{base} {depth}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.table is not None:
            if tag == "tr":
                self.table.append([])
            elif tag in ("td", "th"):
                self.cell = []
            return
        if tag in self.HEADINGS:
            self.paragraph = self.word.heading("", self.HEADINGS[tag])
        elif tag == "p":
            self._start_paragraph("Quote" if self.quote else None)
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            self._start_paragraph(self._list_style())
        elif tag == "blockquote":
            self.quote += 1
        elif tag == "table":
            self.table = []
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "code":
            self.code += 1
        elif tag == "a":
            self.href = dict(attrs).get("href")
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break(WD_BREAK.LINE)

    def handle_endtag(self, tag: str) -> None:
        if self.table is not None:
            if tag in ("td", "th") and self.cell is not None and self.table:
                self.table[-1].append(" ".join("".join(self.cell).split()))
                self.cell = None
            elif tag == "thead":
                self.table_header_rows = len(self.table)
            elif tag == "table":
                self._write_table()
            return
        if tag in self.HEADINGS or tag in ("p", "li"):
            self.paragraph = None
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
        elif tag in ("strong", "b"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)
        elif tag == "code":
            self.code = max(self.code - 1, 0)
        elif tag == "a":
            self.href = None

    def _write_table(self) -> None:
        rows = [row for row in self.table or [] if row]
        self.table, self.cell = None, None
        if not rows:
            return
        headed = self.table_header_rows > 0
        self.table_header_rows = 0
        width = max(len(r) for r in rows)
        body = [tuple(r) + ("",) * (width - len(r)) for r in rows]
        if headed:
            self.word.table("", body[0], body[1:])
        else:
            self.word.table("", ("",) * width, body, header=False)

    # text ---------------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.table is not None:
            if self.cell is not None:
                self.cell.append(data)
            return
        if self.paragraph is None:
            if not data.strip():
                return  # whitespace between blocks
            self._start_paragraph("Quote" if self.quote else None)
        assert self.paragraph is not None
        if self.href and self.href.startswith(("http://", "https://", "mailto:")):
            _hyperlink(self.paragraph, data, self.href)
            return
        run = self.paragraph.add_run(data)
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None
        if self.code:
            run.font.name = "Courier New"


def _hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A real, clickable link (python-docx has no public call for one)."""
    part = paragraph.part
    relationship = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(LINK_COLOUR))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    for element in (style, colour, underline):
        properties.append(element)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)

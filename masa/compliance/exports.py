"""The matrix as JSON, CSV, Excel and Word: the `masa compliance` contract (DESIGN.md) and the
page's downloads.

JSON keys are a stable interface; add keys, never rename or remove them. The CSV has the same
columns as the JSON rows, with the fixed status words, plus `status_label` in the page's words
("Partly met"). Excel and Word are for people only: headings and values in the page's words.
Every CSV and Excel cell goes through masa.core.spreadsheets (formula injection, no "None").

    {"partnership", "at", "rows": [{"requirement", "framework", "level", "status", "derived",
     "reasons", "evidence", "summary", "citation", "topic", "partnership_level",
     "local_authority_level", …}], …}
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import IO, Any

from masa.core.presentation import status_label
from masa.core.spreadsheets import spreadsheet_row
from masa.statute.schema import HOLDERS, TOPICS

from .models import Status
from .periods import format_day
from .selectors import NOT_IN_FORCE, Matrix, MatrixRow

CSV_COLUMNS = (
    "requirement", "framework", "level", "topic", "holder", "citation", "summary", "status",
    "status_label", "derived", "reasons", "evidence", "partnership_level", "local_authority_level",
    "in_force",
)  # fmt: skip
# (heading, width, value) of each Excel column, in the words of the matrix page.
XLSX_COLUMNS: tuple[tuple[str, int, Callable[[MatrixRow], object]], ...] = (
    ("Requirement", 34, lambda row: row.requirement.pk),
    ("Source", 14, lambda row: row.framework.short_title),
    ("Level", 8, lambda row: status_label(row.level)),
    ("Topic", 22, lambda row: TOPICS.get(row.topic, row.topic)),
    ("Who holds the duty", 22, lambda row: HOLDERS.get(row.requirement.holder, "")),
    ("Citation", 24, lambda row: row.requirement.citation),
    ("Duty", 60, lambda row: row.requirement.summary),
    ("Status", 14, lambda row: status_label(row.status)),
    ("From records", 9, lambda row: row.derived),
    ("Reasons", 60, lambda row: list(row.reasons)),
    ("Evidence", 50, lambda row: list(row.evidence)),
    ("Partnership level", 60, lambda row: row.partnership_level),
    ("Local-authority level", 60, lambda row: row.local_authority_level),
)
XLSX_FILLS = {
    "met": "CCE2D8",
    "partly_met": "FFF7BF",
    "not_met": "F4CDC6",
    "not_applicable": "E5E6E7",
    "not_assessed": "D2E2F1",
}  # fmt: skip; a provision not yet in force is filled as not applicable
DOCX_COLUMNS = ("Duty", "Source", "Status", "Partnership level", "Local-authority level")
CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FORMATS = tuple(CONTENT_TYPES)


def row_json(row: MatrixRow) -> dict[str, Any]:
    requirement = row.requirement
    assessment = row.assessment
    return {
        "requirement": requirement.pk,
        "framework": requirement.framework_id,
        "level": requirement.level,
        # A provision awaiting commencement is shown but never judged: its code stays one of the
        # fixed status words, and `in_force` says why.
        "status": Status.NOT_APPLICABLE if row.status == NOT_IN_FORCE else row.status,
        "in_force": row.status != NOT_IN_FORCE,
        "derived": row.derived,
        "reasons": list(row.reasons),
        "evidence": list(row.evidence),
        "summary": requirement.summary,
        "citation": requirement.citation,
        "topic": requirement.topic,
        "partnership_level": row.partnership_level,
        "local_authority_level": row.local_authority_level,
        # Extras
        "holder": requirement.holder,
        "rule": row.rule,
        "evidence_links": [
            {"title": link.title, "url": link.url, "note": link.note} for link in row.evidence_links
        ],
        "assessment_period": (
            {"start": assessment.period_start.isoformat(), "end": assessment.period_end.isoformat()}
            if assessment
            else None
        ),
    }


def matrix_json(matrix: Matrix) -> dict[str, Any]:
    return {
        "partnership": matrix.partnership.slug,
        "at": matrix.at.isoformat(),
        "rows": [row_json(row) for row in matrix.rows],
        # Extras
        "partnership_name": matrix.partnership.name,
        "guidance": matrix.partnership.guidance,
        "period": {"start": matrix.period.start.isoformat(), "end": matrix.period.end.isoformat()},
        "frameworks": [f.pk for f in matrix.frameworks],
        "status_counts": dict(matrix.summary),
        "filters": dict(matrix.filters),
        "notes": list(matrix.notes),
    }


def _cells(row: MatrixRow) -> list[str]:
    data = row_json(row) | {"status_label": status_label(row.status)}
    return spreadsheet_row(data[column] for column in CSV_COLUMNS)


def matrix_csv(matrix: Matrix, out: IO[str]) -> None:
    """One row per requirement; reasons and evidence are one per line inside their cell."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in matrix.rows:
        writer.writerow(_cells(row))


def title_of(matrix: Matrix) -> str:
    return f"Statutory accountabilities: {matrix.partnership.name}"


def matrix_xlsx(matrix: Matrix, out: IO[bytes]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Matrix"
    sheet.append([heading for heading, _, _ in XLSX_COLUMNS])
    header_fill = PatternFill("solid", fgColor="0B0C0C")
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    status_column = [heading for heading, _, _ in XLSX_COLUMNS].index("Status") + 1
    fills = {status: PatternFill("solid", fgColor=colour) for status, colour in XLSX_FILLS.items()}
    wrap = Alignment(vertical="top", wrap_text=True)
    for row in matrix.rows:
        sheet.append(spreadsheet_row(value(row) for _, _, value in XLSX_COLUMNS))
        cells = sheet[sheet.max_row]
        for cell in cells:
            cell.alignment = wrap
        cells[status_column - 1].fill = fills.get(row.status, fills["not_applicable"])
    for index, (_, width, _) in enumerate(XLSX_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(XLSX_COLUMNS))}{max(sheet.max_row, 1)}"

    about = workbook.create_sheet("About")
    about.append(spreadsheet_row([title_of(matrix)]))
    about["A1"].font = Font(bold=True, size=14)
    about.append(spreadsheet_row(["Partnership", matrix.partnership.name]))
    about.append(spreadsheet_row(["On", format_day(matrix.at)]))
    about.append(spreadsheet_row(["Reporting period", matrix.period.long_label]))
    about.append(spreadsheet_row(["Sources", ", ".join(f.short_title for f in matrix.frameworks)]))
    for status, count in matrix.summary.items():
        about.append([status_label(status), count])
    for note in matrix.notes:
        about.append(spreadsheet_row(["Note", note]))
    about.column_dimensions["A"].width = 20
    about.column_dimensions["B"].width = 80
    workbook.save(out)


def matrix_docx(matrix: Matrix, out: IO[bytes]) -> None:
    """A table like the BHR statutory accountabilities matrix (seed 004), grouped by topic."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.add_heading(title_of(matrix), level=1)
    document.add_paragraph(
        f"On {format_day(matrix.at)}, reporting period {matrix.period.long_label}. Frameworks: "
        f"{', '.join(f.short_title for f in matrix.frameworks)}."
    )
    counts = ", ".join(f"{status_label(s)}: {n}" for s, n in matrix.summary.items())
    document.add_paragraph(counts)
    for note in matrix.notes:
        document.add_paragraph(note)
    table = document.add_table(rows=1, cols=len(DOCX_COLUMNS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, DOCX_COLUMNS, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for _, label, rows in matrix.groups():
        heading = table.add_row().cells
        merged = heading[0].merge(heading[-1])
        merged.text = ""
        merged.paragraphs[0].add_run(label).bold = True
        for row in rows:
            cells = table.add_row().cells
            status = status_label(row.status) + (" (from records)" if row.derived else "")
            values = (
                row.requirement.summary, row.requirement.citation, status,
                row.partnership_level, row.local_authority_level,
            )  # fmt: skip
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
    widths = (Cm(8), Cm(3.5), Cm(2.5), Cm(6.5), Cm(6.5))
    for table_row in table.rows:
        for cell, width in zip(table_row.cells, widths, strict=False):
            cell.width = width
    style = document.styles["Normal"]
    style.font.size = Pt(9)
    document.save(out)


def render(matrix: Matrix, fmt: str) -> bytes:
    """The matrix in `fmt` (json, csv, xlsx or docx) as bytes."""
    import json

    if fmt == "json":
        return json.dumps(matrix_json(matrix), indent=2, ensure_ascii=False).encode()
    if fmt == "csv":
        text = io.StringIO()
        matrix_csv(matrix, text)
        return text.getvalue().encode()
    binary = io.BytesIO()
    if fmt == "xlsx":
        matrix_xlsx(matrix, binary)
    elif fmt == "docx":
        matrix_docx(matrix, binary)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return binary.getvalue()


def filename(matrix: Matrix, fmt: str) -> str:
    return f"compliance-{matrix.partnership.slug}-{matrix.at.isoformat()}.{fmt}"

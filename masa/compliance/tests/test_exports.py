"""The four exports: JSON keys as the contract says, CSV, and Excel and Word files re-opened."""

import csv
import io
import json

import pytest
from docx import Document
from openpyxl import load_workbook

from masa.compliance import exports
from masa.compliance.selectors import matrix_for

from .conftest import ON
from .factories import AssessmentFactory, EvidenceLinkFactory, RequirementFactory

pytestmark = pytest.mark.django_db

CONTRACT = {"requirement", "framework", "level", "status", "derived", "reasons", "evidence"}
BRIEF = {"summary", "citation", "topic", "partnership_level", "local_authority_level"}


@pytest.fixture
def matrix(partnership, library):
    assessment = AssessmentFactory(
        partnership=partnership, requirement=library["manual"], status="partly_met",
        partnership_level="No formal arrangement at partnership level.",
        local_authority_level="Each local partnership has one.",
    )  # fmt: skip
    EvidenceLinkFactory(assessment=assessment, title="Matrix row 14")
    return matrix_for(partnership=partnership, at=ON)


def test_json(matrix):
    data = json.loads(exports.render(matrix, "json"))
    assert {"partnership", "at", "rows"} <= set(data)
    assert (data["partnership"], data["at"]) == ("testshire", "2025-06-02")
    assert len(data["rows"]) == 4
    row = next(r for r in data["rows"] if r["requirement"] == "ca2004.manual")
    assert set(row) >= CONTRACT | BRIEF
    assert row["status"] == "partly_met" and row["derived"] is False
    assert row["partnership_level"] == "No formal arrangement at partnership level."
    assert row["local_authority_level"] == "Each local partnership has one."
    assert row["evidence_links"][0]["title"] == "Matrix row 14"
    assert data["status_counts"]["partly_met"] == 1
    derived = next(r for r in data["rows"] if r["requirement"] == "ca2004.scrutiny")
    assert derived["derived"] is True and derived["rule"] == "scrutineer_appointed"
    assert derived["evidence"][0].startswith("Role: Independent scrutineer")


def test_csv(matrix):
    rows = list(csv.DictReader(io.StringIO(exports.render(matrix, "csv").decode())))
    assert list(rows[0]) == list(exports.CSV_COLUMNS)
    assert [r["requirement"] for r in rows] == [row.requirement.pk for row in matrix.rows]
    manual = next(r for r in rows if r["requirement"] == "ca2004.manual")
    # The fixed status word for scripts, and the page's words beside it.
    assert (manual["status"], manual["status_label"], manual["derived"]) == (
        "partly_met", "Partly met", "No",
    )  # fmt: skip
    assert manual["local_authority_level"] == "Each local partnership has one."
    assert "None" not in exports.render(matrix, "csv").decode()


def test_xlsx(matrix):
    book = load_workbook(io.BytesIO(exports.render(matrix, "xlsx")))
    sheet = book["Matrix"]
    header = [cell.value for cell in sheet[1]]
    assert header == [heading for heading, _, _ in exports.XLSX_COLUMNS]
    assert header[7:9] == ["Status", "From records"]
    assert sheet[1][0].font.bold
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:M5"
    assert sheet.column_dimensions["G"].width == 60
    assert sheet.max_row == 5
    values = {row[0]: dict(zip(header, row, strict=True)) for row in
              sheet.iter_rows(min_row=2, values_only=True)}  # fmt: skip
    manual = values["ca2004.manual"]
    assert manual["Partnership level"] == "No formal arrangement at partnership level."
    # The words of the matrix page, not the codes
    assert (manual["Status"], manual["From records"], manual["Level"]) == (
        "Partly met",
        "No",
        "Must",
    )
    assert manual["Topic"] == "Publication of arrangements"
    assert manual["Source"] == next(r.framework.short_title for r in matrix.rows)
    derived = values["ca2004.scrutiny"]
    assert (derived["Status"], derived["From records"]) == ("Met", "Yes")
    assert book["About"]["B2"].value == "Testshire Safeguarding Children Partnership"
    cells = [c for s in book for row in s.iter_rows(values_only=True) for c in row]
    assert "None" not in cells and None not in values["ca2004.manual"].values()
    assert not {"met", "partly_met", "not_met", "not_assessed", "must", "yes", "no"} & set(cells)


def test_text_from_the_records_cannot_run_as_a_formula(partnership, library):
    AssessmentFactory(
        partnership=partnership, requirement=library["manual"], status="met",
        partnership_level='=HYPERLINK("http://evil.example","x")', local_authority_level="@SUM(1)",
    )  # fmt: skip
    matrix = matrix_for(partnership=partnership, at=ON)
    rows = list(csv.DictReader(io.StringIO(exports.render(matrix, "csv").decode())))
    manual = next(r for r in rows if r["requirement"] == "ca2004.manual")
    assert manual["partnership_level"] == '\'=HYPERLINK("http://evil.example","x")'
    assert manual["local_authority_level"] == "'@SUM(1)"
    book = load_workbook(io.BytesIO(exports.render(matrix, "xlsx")))
    texts = [c for row in book["Matrix"].iter_rows(values_only=True) for c in row]
    assert "'@SUM(1)" in texts
    assert not any(isinstance(c, str) and c.startswith(("=", "@")) for c in texts)
    assert all(cell.data_type != "f" for row in book["Matrix"].iter_rows() for cell in row)


def test_docx(matrix):
    document = Document(io.BytesIO(exports.render(matrix, "docx")))
    assert document.paragraphs[0].text == (
        "Statutory accountabilities: Testshire Safeguarding Children Partnership"
    )
    assert document.paragraphs[0].style.name == "Heading 1"
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(exports.DOCX_COLUMNS)
    texts = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    headings = [cells[0] for cells in texts if len(set(cells)) == 1]
    assert headings == ["Arrangements", "Independent scrutiny", "Funding",
                        "Publication of arrangements"]  # fmt: skip
    manual = next(cells for cells in texts if cells[1] == library_citation(matrix))
    assert manual[2] == "Partly met"
    assert manual[3:] == ["No formal arrangement at partnership level.",
                          "Each local partnership has one."]  # fmt: skip
    derived = next(cells for cells in texts if cells[2].endswith("(from records)"))
    assert derived[2] == "Met (from records)"


def library_citation(matrix):
    return next(r.requirement.citation for r in matrix.rows if r.requirement.pk == "ca2004.manual")


def test_unknown_format(matrix):
    with pytest.raises(ValueError, match="unknown format"):
        exports.render(matrix, "pdf")


def test_a_provision_not_yet_in_force_keeps_the_fixed_status_words_in_every_export(
    partnership, library
):
    # CA2004 s.16EA (inserted by the Children's Wellbeing and Schools Act 2026 s.3) awaits
    # commencement by regulations: shown in every export, never judged, and the status codes stay
    # the five fixed words; `in_force` says why.
    RequirementFactory(
        id="ca2004.s16ea.child-protection-teams",
        framework=library["manual"].framework,
        commencement="awaiting_regulations",
    )
    matrix = matrix_for(partnership=partnership, at=ON)
    data = json.loads(exports.render(matrix, "json"))
    row = next(r for r in data["rows"] if r["requirement"] == "ca2004.s16ea.child-protection-teams")
    assert (row["status"], row["in_force"]) == ("not_applicable", False)
    assert {r["status"] for r in data["rows"]} <= {
        "met", "partly_met", "not_met", "not_applicable", "not_assessed",
    }  # fmt: skip
    assert all(r["in_force"] for r in data["rows"] if r is not row)
    assert sum(data["status_counts"].values()) == len(data["rows"]) - 1
    lines = list(csv.DictReader(io.StringIO(exports.render(matrix, "csv").decode())))
    line = next(r for r in lines if r["requirement"] == "ca2004.s16ea.child-protection-teams")
    assert (line["status"], line["status_label"], line["in_force"]) == (
        "not_applicable", "Not yet in force", "No",
    )  # fmt: skip
    sheet = load_workbook(io.BytesIO(exports.render(matrix, "xlsx"))).active
    assert "Not yet in force" in [cell.value for row in sheet.iter_rows() for cell in row]
    text = "\n".join(
        cell.text for table in Document(io.BytesIO(exports.render(matrix, "docx"))).tables
        for row in table.rows for cell in row.cells
    )  # fmt: skip
    assert "Not yet in force" in text

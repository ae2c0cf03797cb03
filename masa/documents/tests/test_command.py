"""`masa document build|check`: the command-line contract."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from docx import Document as WordDocument
from pypdf import PdfReader

from masa.documents import services
from masa.documents.outline import sections_for
from masa.documents.tests.factories import write_every_section
from masa.documents.tests.test_public import next_version, publish

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("document", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_build_json_of_the_draft_when_nothing_is_published(draft):
    data = json.loads(run("build", "testshire", "arrangements", "--format", "json"))
    assert (data["kind"], data["version"], data["status"]) == ("published_arrangements", 1, "draft")
    assert [s["key"] for s in data["sections"]]
    assert {"partnership", "title", "framework", "sections", "signatories"} <= set(data)


def test_build_prefers_the_published_version_to_a_newer_draft(draft, lead_partners, editor):
    publish(draft, lead_partners, editor, date(2025, 4, 1))
    next_version(draft.document, editor, introduction="Not yet signed.")
    data = json.loads(run("build", "testshire", "arrangements", "--format", "json"))
    assert (data["version"], data["status"]) == (1, "published")
    assert "Not yet signed." not in json.dumps(data)
    draft_two = json.loads(
        run("build", "testshire", "arrangements", "--format", "json", "--version", "2")
    )
    assert "Not yet signed." in json.dumps(draft_two)


def test_build_html_is_a_whole_page(draft):
    html = run("build", "testshire", "arrangements", "--format", "html")
    assert html.startswith("<!DOCTYPE html>")
    assert f"<h1>{draft.title}</h1>" in html
    assert "Draft, not published" in html


def test_build_word_and_pdf_to_files(report, tmp_path):
    word_file, pdf_file = tmp_path / "report.docx", tmp_path / "report.pdf"
    args = ("build", "testshire", "yearly-report", "--period", "2024-25")
    assert run(*args, "--format", "docx", "--out", str(word_file)) == ""
    headings = [
        p.text for p in WordDocument(str(word_file)).paragraphs if p.style.name == "Heading 1"
    ]
    version = report.versions.get()
    assert headings == [s.heading for s in sections_for(version.document.kind, version.framework)]
    run(*args, "--format", "pdf", "--out", str(pdf_file))
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf_file)).pages)
    assert version.title in text
    assert "1 April 2024 to 31 March 2025" in text


def test_a_yearly_report_without_period_is_the_latest_years(partnership, editor, report):
    services.document_create(
        partnership=partnership, kind="yearly_report", period="2023-24", by=editor
    )
    data = json.loads(run("build", "testshire", "yearly-report", "--format", "json"))
    assert data["period"] == "2024-25"


def test_check_lists_every_content_item_with_its_state(draft):
    data = json.loads(run("check", "testshire", "arrangements", "--format", "json"))
    assert data["framework"] == "wt2023"
    assert data["items"]
    for item in data["items"]:
        assert set(item) == {"requirement", "level", "state", "where"}
        assert item["state"] in {"present", "thin", "missing"}
        assert item["level"] in {"must", "should", "may"}
    assert any(i["state"] == "missing" for i in data["items"])  # nothing written yet


def test_check_of_a_fully_written_draft_has_nothing_missing(draft):
    write_every_section(draft)
    data = json.loads(run("check", "testshire", "arrangements"))
    assert [i for i in data["items"] if i["state"] == "missing"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "nowhere", "arrangements"], "No partnership with the slug 'nowhere'"),
        (["build", "testshire", "minutes"], "must be one of arrangements, yearly-report"),
        (["build", "testshire", "yearly-report", "--period", "2024"], "--period: Enter the year"),
        (["build", "testshire", "yearly-report", "--period", "2019-20"], "no yearly report for 2019-20"),
        (["build", "testshire", "arrangements", "--period", "2024-25"], "the arrangements have none"),
        (["build", "testshire", "arrangements", "--format", "odt"], "--format must be one of"),
        (["check", "testshire", "arrangements", "--format", "pdf"], "--format must be one of json"),
        (["build", "testshire", "arrangements", "--version", "7"], "has no version '7'"),
        (["check", "testshire", "yearly-report"], "testshire has no yearly report in MASA"),
    ],
)  # fmt: skip
def test_errors_are_clear(draft, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


# One call a test: the command line closes the database connections when it ends, and on
# PostgreSQL a closed connection cannot be reopened inside the test's transaction.
@pytest.mark.parametrize(
    "args", [["build", "nowhere", "arrangements"], ["check", "testshire", "minutes"]]
)
def test_errors_exit_1(partnership, capsys, args):
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["masa", "document", *args])
    assert exit_.value.code == 1
    assert "CommandError" in capsys.readouterr().err


def test_out_to_a_directory_that_does_not_exist_is_an_error(draft, tmp_path):
    with pytest.raises(CommandError, match="--out: cannot write"):
        run("build", "testshire", "arrangements", "--out", str(tmp_path / "no" / "such.html"))

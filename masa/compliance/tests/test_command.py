"""`masa compliance SLUG --format json|csv|xlsx|docx [--at] [--out]`: the DESIGN.md contract."""

import io
import json

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from docx import Document
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("compliance", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_to_stdout(partnership, library):
    data = json.loads(run("testshire", "--format", "json", "--at", "2025-06-02"))
    assert (data["partnership"], data["at"]) == ("testshire", "2025-06-02")
    for row in data["rows"]:
        assert {"requirement", "level", "status", "derived", "reasons", "evidence"} <= set(row)
        assert {"framework", "summary", "citation", "topic", "partnership_level",
                "local_authority_level"} <= set(row)  # fmt: skip
        assert row["status"] in {"met", "partly_met", "not_met", "not_applicable", "not_assessed"}


def test_json_is_the_default_and_at_defaults_to_today(partnership, library):
    from django.utils import timezone

    assert json.loads(run("testshire"))["at"] == timezone.localdate().isoformat()


def test_csv_to_stdout(partnership, library):
    lines = run("testshire", "--format", "csv").splitlines()
    assert lines[0].startswith("requirement,framework,level,topic")
    assert len(lines) == 5


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "json"])
def test_out_file(partnership, library, tmp_path, fmt):
    path = tmp_path / f"matrix.{fmt}"
    assert run("testshire", "--format", fmt, "--out", str(path)) == ""
    if fmt == "xlsx":
        assert load_workbook(path)["Matrix"].max_row == 5
    elif fmt == "docx":
        assert Document(str(path)).tables[0].rows[0].cells[0].text == "Duty"
    else:
        assert json.loads(path.read_text())["partnership"] == "testshire"


def test_unknown_slug_and_bad_date(partnership):
    with pytest.raises(CommandError, match="No partnership with the slug 'nowhere'"):
        run("nowhere")
    with pytest.raises(CommandError, match="--at: the date must be a real date"):
        run("testshire", "--at", "2025-02-30")


@pytest.mark.parametrize("at", ["0001-01-01", "9999-12-31", "1899-12-31", "2100-01-01"])
def test_a_date_outside_the_calendar_is_a_clear_command_error(partnership, library, at):
    with pytest.raises(CommandError, match="--at: the date must be between 1 January 1900"):
        run("testshire", "--at", at)


@pytest.mark.parametrize(
    "args", [["nowhere"], ["testshire", "--at", "yesterday"], ["testshire", "--at", "9999-12-31"]]
)
def test_errors_exit_1(partnership, capsys, args):
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["masa", "compliance", *args])
    assert exit_.value.code == 1
    assert "CommandError" in capsys.readouterr().err

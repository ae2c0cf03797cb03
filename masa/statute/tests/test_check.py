"""`check_library` on broken copies of the data: every error located at `file:line`."""

from __future__ import annotations

import pytest

from masa.statute.library import LibraryInvalid, StatuteError
from masa.statute.loader import check_library, load_library

from .conftest import edit

# (file, text to replace, replacement, words the message must contain)
# The error is expected on the line where the replaced text begins.
BREAKAGES = [
    ("wt2023.yaml", "    level: must", "\tlevel: must", "YAML syntax error"),
    (
        "ca2004.yaml",
        "    summary: The Secretary of State must",
        "    summary: a: b",
        "YAML syntax error",
    ),
    ("wt2023.yaml", "    level: must", "    level: shall", "unknown level 'shall'"),
    (
        "wt2018.yaml",
        "    holder: safeguarding_partners",
        "    holder: board",
        "unknown holder 'board'",
    ),
    ("wt2018.yaml", "    topic: arrangements", "    topic: misc", "unknown topic 'misc'"),
    (
        "si2018-789.yaml",
        "    confidence: seen-primary",
        "    confidence: sure",
        "unknown confidence",
    ),
    (
        "wt2023.yaml",
        "    content_of: yearly_report",
        "    content_of: minutes",
        "unknown content_of",
    ),
    (
        "wt2023.yaml",
        "    evidence: derived:three_partners_present",
        "    evidence: derived:vibes",
        "unknown derivation rule",
    ),
    ("wt2023.yaml", "    evidence: manual", "    evidence: hunch", "unknown evidence 'hunch'"),
    (
        "wt2023.yaml",
        "    clock: wt2023.notify-panel",
        "    clock: wt2023.notify-pannel",
        "unknown clock 'wt2023.notify-pannel'",
    ),
    (
        "ca2004.yaml",
        "    note: >-\n      The Act sets",
        "    remark: >-\n      The Act sets",
        "unknown key 'remark'",
    ),
    ("wt2023.yaml", "  in_force_from: 2023-12-15", "  in_force_from: 2023-13-45", "not a date"),
    (
        "wt2023.yaml",
        "  supersedes: wt2018",
        "  supersedes: wt2016",
        "supersedes unknown framework 'wt2016'",
    ),
    (
        "wt2023.yaml",
        "{from: wt2018.arrangements.shared-equal-duty, change: same}",
        "{from: wt2018.nope, change: same}",
        "unknown lineage.from 'wt2018.nope'",
    ),
    (
        "wt2023.yaml",
        "{from: wt2018.arrangements.shared-equal-duty, change: same}",
        "{from: wt2018.arrangements.shared-equal-duty, change: tweaked}",
        "unknown change 'tweaked'",
    ),
    (
        "wt2023.yaml",
        "{from: wt2018.arrangements.shared-equal-duty, change: same}",
        "{change: same}",
        "needs 'from'",
    ),
    (
        "wt2023.yaml",
        "{from: wt2018.arrangements.shared-equal-duty, change: same}",
        "{from: ca2004.s16e.make-arrangements, change: same}",
        "must be a wt2018 requirement",
    ),
    (
        "wt2018.yaml",
        "  - id: wt2018.arrangements.coordinate-services",
        "  - id: wt2018.arrangements.shared-equal-duty",
        "duplicate requirement id",
    ),
    (
        "wt2023.yaml",
        "  - id: wt2023.notify-partners",
        "  - id: wt2023.notify-panel",
        "duplicate clock id",
    ),
    ("wt2018.yaml", "    unit: working_days", "    unit: fortnights", "unknown unit 'fortnights'"),
    (
        "wt2023.yaml",
        "  - id: wt2023.arrangements.purpose",
        "  - id: wt2018.arrangements.purpose",
        "must start with 'wt2023.'",
    ),
    (
        "si2018-789.yaml",
        "{paragraph: 2,",
        "{paragraph: 1,",
        "duplicate relevant-agency paragraph 1",
    ),
    (
        "si2018-789.yaml",
        'heading: miscellaneous, citation: "SI 2018/789 Sch para 36"',
        'heading: sundry, citation: "SI 2018/789 Sch para 36"',
        "unknown heading 'sundry'",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "words"), BREAKAGES)
def test_check_reports_file_and_line(data_copy, file, old, new, words):
    line = edit(data_copy / file, old, new)
    errors = check_library(data_copy)
    assert any(
        e.file == str(data_copy / file) and e.line == line and words in e.message for e in errors
    ), [str(e) for e in errors]


def test_duplicate_id_is_reported_at_the_second_entry(data_copy):
    text = (data_copy / "wt2018.yaml").read_text(encoding="utf-8")
    first = text.count("\n", 0, text.index("  - id: wt2018.arrangements.coordinate-services")) + 1
    second = edit(
        data_copy / "wt2018.yaml",
        "  - id: wt2018.arrangements.strategic-leadership",
        "  - id: wt2018.arrangements.coordinate-services",
    )
    errors = [e for e in check_library(data_copy) if "duplicate requirement id" in e.message]
    assert [(e.line, f":{first})" in e.message) for e in errors] == [(second, True)]


def test_missing_key_is_reported_at_the_entry(data_copy):
    line = edit(
        data_copy / "wt2023.yaml",
        "  - id: wt2023.arrangements.purpose\n    level: should\n",
        "  - id: wt2023.arrangements.purpose\n",
    )
    messages = [(e.line, e.message) for e in check_library(data_copy)]
    assert (line, "requirement is missing 'level'") in messages


def test_a_wt2018_item_with_no_successor_must_say_removed(data_copy):
    edit(
        data_copy / "wt2023.yaml",
        "lineage: {from: wt2018.disputes.resolve-locally, change: same}",
        "lineage: {change: new}",
    )
    text = (data_copy / "wt2018.yaml").read_text(encoding="utf-8")
    line = text.count("\n", 0, text.index("  - id: wt2018.disputes.resolve-locally")) + 1
    errors = check_library(data_copy)
    assert [(e.line, "no successor in wt2023" in e.message) for e in errors] == [(line, True)]


def test_a_removed_item_cannot_have_a_successor(data_copy):
    edit(
        data_copy / "wt2023.yaml",
        "lineage: {from: wt2018.disputes.resolve-locally, change: same}",
        "lineage: {from: wt2018.funding.payments, change: same}",
    )
    assert any("is marked removed" in e.message for e in check_library(data_copy))


def test_every_error_is_collected_not_just_the_first(data_copy):
    edit(data_copy / "wt2023.yaml", "    level: must", "    level: shall")
    edit(data_copy / "wt2018.yaml", "    topic: arrangements", "    topic: misc")
    edit(data_copy / "ca2004.yaml", "    holder: panel", "    holder: court")
    edit(data_copy / "si2018-789.yaml", "    summary: >-", "    summary: [unclosed")
    files = {e.file.rsplit("/", 1)[-1] for e in check_library(data_copy)}
    assert files == {"wt2023.yaml", "wt2018.yaml", "ca2004.yaml", "si2018-789.yaml"}


def test_a_syntax_error_does_not_cascade_into_reference_errors(data_copy):
    edit(data_copy / "wt2023.yaml", "    level: must", "\tlevel: must")
    errors = check_library(data_copy)
    assert len(errors) == 1
    assert errors[0].message.startswith("YAML syntax error")


def test_load_library_raises_with_every_error(data_copy):
    edit(data_copy / "wt2023.yaml", "    level: must", "    level: shall")
    with pytest.raises(LibraryInvalid) as raised:
        load_library(data_copy)
    assert len(raised.value.errors) == 1
    assert str(raised.value.errors[0]).startswith(f"{data_copy / 'wt2023.yaml'}:")


def test_an_empty_folder_is_an_error(tmp_path):
    assert [e.message for e in check_library(tmp_path)] == [
        "no *.yaml files in the statute data folder"
    ]


def test_statute_error_reads_as_file_line_message():
    error = StatuteError("masa/statute/data/wt2023.yaml", 12, "unknown level 'shall'")
    assert str(error) == "masa/statute/data/wt2023.yaml:12: unknown level 'shall'"
    assert error == StatuteError("masa/statute/data/wt2023.yaml", 12, "unknown level 'shall'")

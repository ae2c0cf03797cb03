"""`masa statute check | export | sync`: the DESIGN.md command-line contract."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from masa.statute.management.commands.statute import EXPORT_KEYS
from masa.statute.models import Requirement

from .conftest import edit

ROOT = Path(__file__).resolve().parents[3]
ERROR_LINE = re.compile(r"^\S+\.yaml:\d+: .+$")


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("statute", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_check_ok_line():
    out, err = run("check")
    assert re.fullmatch(
        r"OK: \d+ requirements, \d+ clock rules, 38 relevant-agency categories in 4 frameworks\n",
        out,
    )
    assert err == ""


def test_check_prints_one_located_line_per_error_on_stderr_and_exits_1(data_copy):
    line = edit(data_copy / "wt2023.yaml", "    level: must", "    level: shall")
    edit(data_copy / "wt2023.yaml", "    clock: wt2023.notify-panel", "    clock: wt2023.nope")
    err = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("statute", "check", "--data-dir", str(data_copy), stderr=err)
    assert exited.value.code == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 2
    assert all(ERROR_LINE.match(text) for text in lines), lines
    assert lines[0].startswith(f"{data_copy / 'wt2023.yaml'}:{line}: ")


@pytest.mark.parametrize(("broken", "code"), [(False, 0), (True, 1)])
def test_console_script_exit_status(data_copy, broken, code):
    if broken:
        edit(data_copy / "ca2004.yaml", "    level: may", "    level: might")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    done = subprocess.run(
        [sys.executable, "-m", "masa", "statute", "check", "--data-dir", str(data_copy)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == code, done.stderr
    if broken:
        assert done.stdout == ""
        assert all(ERROR_LINE.match(text) for text in done.stderr.splitlines()), done.stderr
    else:
        assert done.stdout.startswith("OK: ")


def test_export_json_keys():
    out, _ = run("export", "--format", "json")
    rows = json.loads(out)
    assert len(rows) > 150
    assert all(list(row) == list(EXPORT_KEYS) for row in rows)
    assert set(EXPORT_KEYS) >= {
        "id", "framework", "level", "holder", "topic", "summary", "citation", "clock", "content_of",
    }  # fmt: skip
    by_id = {row["id"]: row for row in rows}
    assert by_id["wt2023.notification.notify-panel"]["clock"] == "wt2023.notify-panel"
    assert by_id["wt2023.yearly-report.what-done"]["lineage"] == {
        "from": "wt2018.yearly-report.what-done",
        "change": "same",
    }
    assert by_id["ca2004.s16e.make-arrangements"]["lineage"] is None
    assert by_id["ca2004.s16e.make-arrangements"]["content_of"] is None


def test_export_refuses_an_invalid_library(data_copy):
    edit(data_copy / "wt2023.yaml", "    level: must", "    level: shall")
    with pytest.raises(CommandError, match="masa statute check"):
        run("export", "--format", "json", "--data-dir", str(data_copy))


@pytest.mark.django_db
def test_sync_command_is_idempotent():
    out, _ = run("sync")
    assert re.fullmatch(r"Statute library synced: \d+ created, 0 updated, 0 retired\.\n", out)
    assert Requirement.objects.count() > 150
    out, _ = run("sync")
    assert out == "Statute library synced: 0 created, 0 updated, 0 retired.\n"

"""Values the statute library pins down, each with its source, and the commencement state of
provisions enacted but not yet in force (Children's Wellbeing and Schools Act 2026 ss.2-3)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from masa.core.clocks.engine import compute_due
from masa.statute.loader import DEFAULT_DATA_DIR, check_library, load_library
from masa.statute.models import Requirement
from masa.statute.services import statute_sync

from .conftest import edit

CWSA = ("ca2004.s16e.education-childcare-agencies", "ca2004.s16ea.child-protection-teams")


@pytest.fixture
def library():
    return load_library()


# --- data fixes -------------------------------------------------------------------------------


def test_agree_core_functions_is_a_should(library):
    # WT2023 ch2 'Reform' (seed 002): the partners should agree how the chair and scrutiny work
    assert library.requirements["wt2023.transition.agree-core-functions"].level == "should"


def test_publishing_the_arrangements_is_s16g2_not_s16e(library):
    assert library.requirements["ca2004.s16g.publish-arrangements"].citation == "CA2004 s.16G(2)"
    published = [r for r in library.requirements.values() if r.topic == "publication"]
    assert published and not any("16E" in r.citation for r in published)
    for path in (
        "masa/templates/documents/list.html",
        "masa/documents/models.py",
    ):
        text = (Path(DEFAULT_DATA_DIR).parents[2] / path).read_text(encoding="utf-8")
        assert "s.16G(2)" in text and "s.16E)" not in text and "s.16E(4)" not in text


def test_wt2018_was_replaced_on_15_december_2023(library):
    wt2018, wt2023 = library.frameworks["wt2018"], library.frameworks["wt2023"]
    assert wt2018.in_force_until == date(2023, 12, 14)  # its last day in force
    assert wt2018.replaced_on == date(2023, 12, 15) == wt2023.in_force_from
    assert not wt2018.in_force_on(date(2023, 12, 15)) and wt2023.in_force_on(date(2023, 12, 15))


def test_a_successor_that_does_not_start_the_day_after_is_reported(data_copy):
    line = edit(
        data_copy / "wt2023.yaml", "  in_force_from: 2023-12-15", "  in_force_from: 2023-12-16"
    )
    errors = [e for e in check_library(data_copy) if "replaced on 2023-12-15" in e.message]
    assert [(Path(e.file).name, e.line) for e in errors] == [("wt2023.yaml", line)]


@pytest.mark.parametrize(
    ("published", "due"),
    [
        (date(2019, 3, 1), date(2019, 6, 1)),  # three months on
        (date(2019, 6, 28), date(2019, 9, 28)),
        (date(2019, 6, 29), date(2019, 9, 29)),  # the last day: 29 September 2019
        (date(2019, 7, 15), date(2019, 9, 29)),  # later publication: capped
    ],
)
def test_wt2018_transition_clock_caps_at_29_september_2019(library, published, due):
    rule = library.clocks["wt2018.transition-implement"]
    assert rule.not_later_than == date(2019, 9, 29)
    found = compute_due(rule, published)
    assert found.due == due
    assert ("no later than Sun 29 Sep 2019" in found.explanation) is (published > date(2019, 6, 29))


def test_not_later_than_is_only_for_clocks_counting_on(data_copy):
    edit(
        data_copy / "si2018-789.yaml",
        "    before: true",
        "    before: true\n    not_later_than: 2020-01-01",
    )
    assert any("only for clocks counting on" in e.message for e in check_library(data_copy))


# --- MASA's own defaults are not statutory ----------------------------------------------------


def test_only_masas_own_periods_are_marked_not_statutory(library):
    assert {cid for cid, rule in library.clocks.items() if not rule.statutory} == {
        "wt2018.restraint-findings-dispatch",
        "wt2023.restraint-findings-dispatch",
        "wt2023.arrangements-dfe-dispatch",
    }
    due = compute_due(library.clocks["wt2023.arrangements-dfe-dispatch"], date(2026, 1, 5))
    assert due.basis_label == "MASA default, not statutory"
    assert due.as_json()["statutory"] is False
    statutory = compute_due(library.clocks["wt2023.notify-panel"], date(2026, 1, 5))
    assert statutory.as_json()["statutory"] is True and statutory.basis_label == ""


def test_statutory_must_be_true_or_false(data_copy):
    edit(data_copy / "wt2023.yaml", "    statutory: false", "    statutory: maybe")
    assert any("'statutory' must be true or false" in e.message for e in check_library(data_copy))


# --- Children's Wellbeing and Schools Act 2026 -----------------------------------------------


def test_cwsa_provisions_await_regulations(library):
    for rid in CWSA:
        r = library.requirements[rid]
        assert r.commencement == "awaiting_regulations" and r.commenced_on is None
        assert "Children's Wellbeing and Schools Act 2026" in r.citation
        assert not r.in_force_on(date(2099, 1, 1))
    assert library.requirements[CWSA[0]].citation.startswith("CA2004 s.16E(1)(aa), (2A)")
    assert library.requirements[CWSA[1]].citation.startswith("CA2004 s.16EA")
    assert library.requirements["ca2004.s16e.make-arrangements"].in_force_on(date(2026, 12, 1))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("status: awaiting_regulations", "status: soon", "unknown status 'soon'"),
        ("status: awaiting_regulations", "status: commenced", "'commenced' needs 'commenced_on'"),
        (
            "status: awaiting_regulations",
            "status: awaiting_regulations\n      commenced_on: 2027-01-01",
            "awaiting regulations has no 'commenced_on'",
        ),
    ],
)
def test_commencement_is_validated(data_copy, old, new, message):
    edit(data_copy / "ca2004.yaml", old, new)
    assert any(message in e.message for e in check_library(data_copy))


def test_a_commenced_provision_is_in_force_from_its_day(data_copy):
    edit(
        data_copy / "ca2004.yaml",
        "status: awaiting_regulations",
        "status: commenced\n      commenced_on: 2027-04-01",
    )
    r = load_library(data_copy).requirements[CWSA[0]]
    assert not r.in_force_on(date(2027, 3, 31)) and r.in_force_on(date(2027, 4, 1))


def test_export_json_carries_commencement():
    out = io.StringIO()
    call_command("statute", "export", "--format", "json", stdout=out)
    rows = {row["id"]: row for row in json.loads(out.getvalue())}
    assert rows[CWSA[1]]["commencement"] == {
        "status": "awaiting_regulations",
        "label": "By regulations, not yet confirmed",
        "commenced_on": None,
        "note": rows[CWSA[1]]["commencement"]["note"],
    }
    assert rows["ca2004.s16e.make-arrangements"]["commencement"] is None


@pytest.mark.django_db
def test_sync_keeps_ids_and_commencement_and_retires(data_copy):
    statute_sync()
    row = Requirement.objects.get(pk=CWSA[1])
    assert row.commencement == "awaiting_regulations" and not row.in_force_on(date(2030, 1, 1))
    assert statute_sync().created == 0
    edit(data_copy / "ca2004.yaml", f"  - id: {CWSA[1]}", "  - id: ca2004.s16ea.renamed")
    result = statute_sync(library=load_library(data_copy))
    assert Requirement.objects.get(pk=CWSA[1]).retired is True
    assert result.retired == 1


@pytest.mark.django_db
def test_pages_mark_the_provisions_not_yet_in_force(client):
    statute_sync()
    soup = BeautifulSoup(client.get(f"/statute/{CWSA[1]}/").content, "html.parser")
    inset = soup.select_one("#commencement.govuk-inset-text")
    assert inset is not None and inset.select_one("strong.govuk-tag").text == "Not yet in force"
    assert "by regulations, not yet confirmed" in inset.text
    listing = BeautifulSoup(client.get("/statute/?q=16EA").content, "html.parser")
    row = listing.select_one(f'tr[data-id="{CWSA[1]}"]')
    assert row.select_one('[data-commencement="awaiting_regulations"]').text == "Not yet in force"
    spreadsheet = client.get("/statute/export.csv").content.decode()
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(spreadsheet))}
    assert by_id[CWSA[0]]["commencement"] == "By regulations, not yet confirmed"


@pytest.mark.django_db
def test_the_requirement_page_labels_the_clock(client):
    statute_sync()
    dfe = BeautifulSoup(
        client.get("/statute/wt2023.publication.send-updates-dfe/").content, "html.parser"
    )
    tag = dfe.select_one('#clock-heading [data-basis="masa_default"]')
    assert tag is not None and tag.text == "MASA default, not statutory"
    panel = BeautifulSoup(
        client.get("/statute/wt2023.notification.notify-panel/").content, "html.parser"
    )
    assert panel.select_one("#clock-heading") and not panel.select("#clock-heading [data-basis]")
    transition = BeautifulSoup(
        client.get("/statute/wt2018.transition.implement-within-3-months/").content, "html.parser"
    )
    assert "3 months, and no later than 29 September 2019" in transition.select_one("#clock").text

"""`masa coverage --format json|csv [--at]`: the DESIGN.md contract."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from masa.geography.models import LocalAuthority
from masa.partnerships.models import Partnership, PartnershipArea

TOP_KEYS = {
    "at", "local_authorities", "uncovered", "double_covered", "police_force_areas",
    "uncovered_police_force_areas", "icbs", "uncovered_icbs",
}  # fmt: skip


@pytest.fixture
def bhr(loaded):
    parent = Partnership.objects.create(slug="bhr", name="BHR Safeguarding Partnership")
    for slug, code in (("barking-dagenham", "E09000002"), ("havering", "E09000016"),
                       ("redbridge", "E09000026")):  # fmt: skip
        child = Partnership.objects.create(slug=slug, name=f"{slug} SCP", parent=parent)
        PartnershipArea.objects.create(
            partnership=child, local_authority_id=code, start=date(2019, 9, 29)
        )
    return parent


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("coverage", *args, stdout=out)
    return out.getvalue()


def test_json_keys_and_shapes(bhr):
    data = json.loads(run("--format", "json", "--at", "2025-06-01"))
    assert data.keys() >= TOP_KEYS
    assert data["at"] == "2025-06-01"
    assert len(data["local_authorities"]) == 153
    havering = next(la for la in data["local_authorities"] if la["code"] == "E09000016")
    la_keys = {"code", "name", "region", "partnership", "partnership_slug", "parents"}
    assert havering.keys() >= la_keys
    assert havering["region"] == "London"
    assert havering["partnership_slug"] == "havering"
    assert havering["partnership"] == "havering SCP"
    assert havering["parents"] == [{"slug": "bhr", "name": "BHR Safeguarding Partnership"}]
    assert len(data["uncovered"]) == 150
    assert data["uncovered"][0].keys() == {"code", "name"}
    assert data["double_covered"] == []
    met = next(f for f in data["police_force_areas"] if f["code"] == "E23000001")
    assert {"code", "name", "partnerships", "covered"} <= met.keys()
    assert met["covered"] is False
    assert [p["slug"] for p in met["partnerships"]] == ["barking-dagenham", "havering", "redbridge"]
    assert len(data["police_force_areas"]) == 39 and len(data["uncovered_police_force_areas"]) == 39
    nel = next(i for i in data["icbs"] if i["ods_code"] == "QMF")
    assert {"code", "name", "ods_code", "partnerships", "covered"} <= nel.keys()
    assert len(data["icbs"]) == 42 and len(data["uncovered_icbs"]) == 42


def test_at_before_the_areas_started(bhr):
    data = json.loads(run("--at", "2019-09-28"))
    assert len(data["uncovered"]) == 153


def test_default_format_is_json_for_today(bhr):
    data = json.loads(run())
    assert data["at"] == timezone.localdate().isoformat()


def test_double_covered_in_json(bhr):
    other = Partnership.objects.create(slug="old-havering", name="Old Havering LSCB")
    PartnershipArea.objects.create(
        partnership=other,
        local_authority_id="E09000016",
        start=date(2015, 1, 1),
        end=date(2020, 3, 31),
    )
    data = json.loads(run("--at", "2020-01-01"))
    assert data["double_covered"] == [
        {
            "code": "E09000016",
            "name": "Havering",
            "partnerships": [
                {"slug": "havering", "name": "havering SCP"},
                {"slug": "old-havering", "name": "Old Havering LSCB"},
            ],
        }
    ]


def test_csv(bhr):
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv", "--at", "2025-06-01"))))
    assert len(rows) == 153 + 39 + 42
    havering = next(r for r in rows if r["code"] == "E09000016")
    assert (havering["kind"], havering["partnership_slug"], havering["parents"]) == (
        "local_authority", "havering", "BHR Safeguarding Partnership",
    )  # fmt: skip
    assert (havering["status"], havering["status_label"]) == ("covered", "Covered")
    assert havering["ods_code"] == "" and "None" not in {v for r in rows for v in r.values()}
    essex_icbs = next(r for r in rows if r["name"] == "Essex" and r["kind"] == "local_authority")
    assert essex_icbs["icbs"].count(";") == 2


@pytest.mark.parametrize(
    "bad", ["2025-02-30", "01/04/2025", "yesterday", "2025-4-1", "0001-01-01", "9999-12-31"]
)
def test_bad_at_is_a_clear_command_error(db, bad):
    with pytest.raises(CommandError, match=r"--at: the date must be (a real date|between)"):
        run("--at", bad)


def test_nothing_loaded_warns(db):
    err = io.StringIO()
    call_command("coverage", stdout=io.StringIO(), stderr=err)
    assert "masa geography load" in err.getvalue()
    assert not LocalAuthority.objects.exists()

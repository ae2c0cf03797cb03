"""The compliance demo: seed 004's 36 rows on BHR with both levels, North Lincolnshire from seed
003, fictional Northshire; idempotent. Runs the whole demo chain, as `masa demo` does."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from masa.compliance.demo import demo_load
from masa.compliance.demo_seed004 import ROWS, TITLE, resolved
from masa.compliance.models import Assessment, EvidenceLink
from masa.compliance.periods import financial_year
from masa.core.errors import MasaError
from masa.geography.services import geography_load
from masa.partnerships.demo import demo_load as partnerships_demo_load
from masa.statute.models import Requirement
from masa.statute.services import statute_sync

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    statute_sync()
    geography_load()
    partnerships_demo_load()
    demo_load()


def matrix_json(slug, at=None):
    out = io.StringIO()
    args = ["--at", at] if at else []
    call_command("compliance", slug, "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_seed_004_as_data():
    rows = resolved()
    assert [row.number for row in rows] == list(range(1, 37))
    assert all(row.requirements and row.bhr_level and row.la_level for row in rows)
    assert not any(row.bhr_level.startswith("As above") for row in rows)
    assert rows[1].bhr_level == rows[0].bhr_level  # row 2: "As above."
    assert rows[33].la_level.endswith("escalated as necessary to the BHR Safeguarding Partnership.")
    assert rows[33].la_level.startswith(rows[32].la_level)
    assert ROWS[13].status == "partly_met"  # row 14: no formal BHR-level scrutiny
    assert ROWS[29].status == "not_assessed"  # row 30: the narrative is about reviews


def test_the_demo_needs_the_partnerships(db):
    with pytest.raises(MasaError, match="Load the statute library and the demo partnerships"):
        demo_load()


def test_every_seed_row_maps_to_a_library_requirement_bhr_works_to(loaded):
    ids = {rid for row in ROWS for rid in row.requirements}
    found = Requirement.objects.filter(pk__in=ids, retired=False).select_related("framework")
    assert {r.pk for r in found} == ids
    assert {r.framework_id for r in found} == {"ca2004", "wt2018"}


def test_bhr_matrix_json_has_the_seed_rows_with_both_levels(loaded):
    data = matrix_json("bhr", "2020-09-21")
    rows = {row["requirement"]: row for row in data["rows"]}
    for seed in resolved():
        for requirement_id in seed.requirements:
            row = rows[requirement_id]
            assert row["partnership_level"], requirement_id
            assert row["local_authority_level"], requirement_id
            assert seed.bhr_level in row["partnership_level"]
            assert seed.la_level in row["local_authority_level"]
            assert any(f"row {seed.number}" in line for line in row["evidence"])
    scrutiny = rows["wt2018.published-arrangements.scrutiny"]  # row 14
    assert scrutiny["status"] == "partly_met" and not scrutiny["derived"]
    assert scrutiny["partnership_level"].startswith("No formal arrangement at a BHR level")
    funding = rows["wt2018.published-arrangements.funding"]  # row 22
    assert funding["status"] == "partly_met"
    # Derived duties keep the records' verdict; the matrix's words still show.
    combined = rows["ca2004.s16j.combine-areas"]  # row 5
    assert (combined["derived"], combined["status"]) == (True, "met")
    assert "Barking & Dagenham, Havering and Redbridge" in combined["partnership_level"]
    ensure = rows["ca2004.s16g.independent-scrutiny"]  # row 10: no scrutineer recorded
    assert (ensure["derived"], ensure["status"]) == (True, "not_met")


def test_rows_on_one_requirement_are_combined(loaded):
    period = date(2020, 4, 1)
    assessment = Assessment.objects.get(
        partnership__slug="bhr",
        requirement_id="wt2018.practice-review.identify-review",
        period_start=period,
    )
    titles = sorted(assessment.evidence_links.values_list("title", flat=True))
    assert [t.rsplit(" ", 1)[-1] for t in titles] == ["29", "31"]


def test_the_2020_judgements_stay_in_2020_21_and_this_year_is_not_restated(loaded):
    then = matrix_json("bhr", "2020-09-21")
    assert sum(bool(r["partnership_level"]) for r in then["rows"]) == 59
    assert sum(r["status"] == "met" and not r["derived"] for r in then["rows"]) > 20
    now = matrix_json("bhr")
    current = financial_year(timezone.localdate())
    assert now["period"]["start"] == current.start.isoformat()
    # This year shows what the records derive, and "not assessed" for everything else: no 2020
    # judgement, narrative or matrix row is restated as this year's assessment.
    manual = [r for r in now["rows"] if not r["derived"] and r["in_force"]]
    assert manual and {r["status"] for r in manual} == {"not_assessed"}
    assert not any(r["partnership_level"] or r["local_authority_level"] for r in now["rows"])
    assert not any(TITLE in line for r in now["rows"] for line in r["evidence"])
    assert not Assessment.objects.filter(
        partnership__slug="bhr", period_start__gt=date(2020, 4, 1)
    ).exists()


def test_north_lincolnshire_and_northshire(loaded):
    nl = matrix_json("north-lincolnshire", "2020-10-01")
    thresholds = next(r for r in nl["rows"]
                      if r["requirement"] == "wt2018.published-arrangements.thresholds")  # fmt: skip
    assert thresholds["status"] == "met"
    assert "Helping Children and Families" in thresholds["partnership_level"]
    assert all(not r["partnership_level"] for r in matrix_json("north-lincolnshire")["rows"])
    northshire = matrix_json("northshire")
    recorded = [r for r in northshire["rows"] if r["partnership_level"]]
    assert len(recorded) == 6
    assert all("fictional" in r["partnership_level"] for r in recorded)


def test_the_demo_is_idempotent(loaded):
    counts = (Assessment.objects.count(), EvidenceLink.objects.count())
    demo_load()
    assert (Assessment.objects.count(), EvidenceLink.objects.count()) == counts
    assert counts == (59 + 9 + 6, 60 + 9 + 6)

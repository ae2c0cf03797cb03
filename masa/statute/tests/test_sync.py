"""`statute_sync` against the database, and the selectors that read its result."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.db.models import Count

from masa.statute import selectors
from masa.statute.loader import load_library
from masa.statute.models import Framework, RelevantAgencyCategory, Requirement
from masa.statute.services import SyncResult, statute_sync
from masa.timeline.models import Event

from .conftest import edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def synced():
    return statute_sync()


def test_first_sync_creates_every_row(synced):
    library = load_library()
    total = len(library.frameworks) + len(library.requirements) + 38
    assert synced == SyncResult(created=total, updated=0, retired=0)
    assert Framework.objects.count() == 4
    assert Requirement.objects.count() == len(library.requirements)
    assert RelevantAgencyCategory.objects.count() == 38
    assert Event.objects.filter(verb="statute.synced").count() == 1


def test_sync_is_idempotent(synced):
    assert statute_sync() == SyncResult(0, 0, 0)
    assert Event.objects.filter(verb="statute.synced").count() == 1
    assert Requirement.history.count() == Requirement.objects.count()  # one "created" each


def test_rows_mirror_the_yaml(synced):
    row = Requirement.objects.select_related("framework", "lineage_from").get(
        pk="wt2023.chair.appoint-from-dsps"
    )
    assert (row.framework_id, row.level, row.holder, row.topic) == (
        "wt2023", "should", "lead_safeguarding_partners", "leadership",
    )  # fmt: skip
    assert (row.evidence, row.derivation) == ("derived:chair_is_dsp", "chair_is_dsp")
    assert (row.lineage_from_id, row.lineage_change) == (
        "wt2018.leadership.single-point-lead",
        "changed",
    )
    assert Framework.objects.get(pk="wt2023").supersedes_id == "wt2018"
    clocked = Requirement.objects.get(pk="si2018-789.reg16.report-to-sos-panel")
    assert clocked.clock_rule == "si2018-789.report-before-publication"


def test_removed_ids_are_retired_not_deleted_and_come_back(synced, data_copy):
    edit(
        data_copy / "ca2004.yaml",
        "  - id: ca2004.s16h.injunction\n",
        "  - id: ca2004.s16h.court-order\n",
    )
    result = statute_sync(library=load_library(data_copy))
    assert result == SyncResult(created=1, updated=0, retired=1)
    old = Requirement.objects.get(pk="ca2004.s16h.injunction")
    assert old.retired
    assert not Requirement.objects.get(pk="ca2004.s16h.court-order").retired
    assert old.history.count() == 2  # created, then retired

    assert statute_sync() == SyncResult(created=0, updated=1, retired=1)
    assert not Requirement.objects.get(pk="ca2004.s16h.injunction").retired
    assert Requirement.objects.get(pk="ca2004.s16h.court-order").retired


def test_a_changed_summary_is_an_update(synced, data_copy):
    edit(
        data_copy / "ca2004.yaml",
        "summary: The partners must publish their arrangements.",
        "summary: The partners must publish the arrangements.",
    )
    assert statute_sync(library=load_library(data_copy)) == SyncResult(0, 1, 0)
    row = Requirement.objects.get(pk="ca2004.s16g.publish-arrangements")
    assert row.summary == "The partners must publish the arrangements."
    assert row.history.count() == 2


@pytest.mark.parametrize(
    ("on", "frameworks"),
    [
        (date(2018, 6, 28), set()),
        (date(2019, 6, 29), {"ca2004", "si2018-789", "wt2018"}),
        (date(2023, 12, 14), {"ca2004", "si2018-789", "wt2018"}),
        (date(2023, 12, 15), {"ca2004", "si2018-789", "wt2023"}),
        (date(2025, 9, 30), {"ca2004", "si2018-789", "wt2023"}),
    ],
)
def test_requirements_in_force(synced, on, frameworks):
    found = selectors.requirements_in_force(on=on)
    assert {r.framework_id for r in found} == frameworks


def test_retired_requirements_are_not_in_force(synced):
    Requirement.objects.filter(pk="ca2004.s16h.injunction").update(retired=True)
    ids = {r.id for r in selectors.requirements_in_force(on=date(2025, 1, 1))}
    assert "ca2004.s16h.injunction" not in ids


@pytest.mark.parametrize("guidance", ["wt2018", "wt2023"])
def test_a_partnership_matrix_in_framework_order(synced, guidance, django_assert_num_queries):
    ids = selectors.frameworks_for_guidance(guidance)
    assert ids == ["ca2004", "si2018-789", guidance]
    with django_assert_num_queries(1):
        rows = list(selectors.requirements_for_frameworks(ids))
        [row.framework.short_title for row in rows]
    order = [row.framework_id for row in rows]
    assert order == sorted(order, key=ids.index)
    assert Counter(order) == Counter(
        r.framework for r in load_library().requirements.values() if r.framework in ids
    )


@pytest.mark.parametrize(
    ("framework", "document", "count"),
    [("wt2023", "published_arrangements", 15), ("wt2023", "yearly_report", 15),
     ("wt2018", "published_arrangements", 14), ("wt2018", "yearly_report", 6)],
)  # fmt: skip
def test_content_list_from_the_database(synced, framework, document, count):
    assert selectors.content_list(framework_id=framework, document=document).count() == count


def test_requirement_detail(synced):
    detail = selectors.requirement_detail("wt2018.yearly-report.dispatch")
    assert detail.requirement.framework.short_title == "WT2018"
    assert detail.clock is not None and detail.clock.amount == 7
    assert [r.id for r in detail.successors] == ["wt2023.yearly-report.dispatch"]
    later = selectors.requirement_detail("wt2023.yearly-report.dispatch")
    assert later.requirement.lineage_from.framework_id == "wt2018"
    with pytest.raises(Requirement.DoesNotExist):
        selectors.requirement_detail("wt2023.nope")


def test_every_framework_has_requirements_in_the_database(synced):
    counts = dict(Framework.objects.annotate(n=Count("requirements")).values_list("id", "n"))
    assert all(counts.values()) and set(counts) == {"ca2004", "si2018-789", "wt2018", "wt2023"}

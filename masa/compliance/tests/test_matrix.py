"""The matrix selector: which requirements, which status wins, which period, filters, and a query
count that does not grow with the data."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masa.compliance.selectors import matrix_for, matrix_row
from masa.partnerships.tests.factories import PartnershipFactory, complete_partnership

from .conftest import ON
from .factories import AssessmentFactory, EvidenceLinkFactory, RequirementFactory

pytestmark = pytest.mark.django_db


def ids(matrix):
    return [row.requirement.pk for row in matrix.rows]


def by_id(matrix):
    return {row.requirement.pk: row for row in matrix.rows}


def test_rows_are_the_law_then_the_partnerships_guidance(partnership, library):
    matrix = matrix_for(partnership=partnership, at=ON)
    assert ids(matrix) == ["ca2004.manual", "ca2004.scrutiny", "wt2023.thing", "wt2023.may"]
    assert [f.pk for f in matrix.frameworks] == ["ca2004", "wt2023"]
    assert matrix.notes == ()


def test_a_partnership_still_on_wt2018_keeps_it_after_it_was_replaced(library):
    partnership = complete_partnership(guidance="wt2018")
    matrix = matrix_for(partnership=partnership, at=ON)
    assert ids(matrix) == ["ca2004.manual", "ca2004.scrutiny", "wt2018.thing"]
    assert "WT2018 was replaced on 15 December 2023" in matrix.notes[0]


def test_guidance_not_yet_in_force_is_left_out(partnership, library):
    matrix = matrix_for(partnership=partnership, at=date(2020, 6, 1))
    assert ids(matrix) == ["ca2004.manual", "ca2004.scrutiny"]
    assert "was not in force on 1 June 2020" in matrix.notes[0]


def test_nothing_recorded_is_not_assessed_with_the_period(partnership, library):
    row = by_id(matrix_for(partnership=partnership, at=ON))["ca2004.manual"]
    assert (row.status, row.derived, row.assessment) == ("not_assessed", False, None)
    assert row.reasons == ("No assessment recorded for 2025–26 (1 April 2025 to 31 March 2026).",)
    assert row.partnership_level == row.local_authority_level == ""


def test_a_manual_assessment_gives_the_status_narratives_and_links(partnership, library, editor):
    assessment = AssessmentFactory(
        partnership=partnership, requirement=library["manual"], status="partly_met",
        assessed_by=editor,
    )  # fmt: skip
    EvidenceLinkFactory(assessment=assessment, title="Published arrangements")
    row = by_id(matrix_for(partnership=partnership, at=ON))["ca2004.manual"]
    assert (row.status, row.derived, row.source) == ("partly_met", False, "assessed")
    assert row.reasons[0].startswith("Assessed as partly met for 2025–26 by Morgan Manager on ")
    assert row.partnership_level == "Discharged across the partnership."
    assert row.local_authority_level == "Discharged in each area."
    assert row.evidence == ("Evidence: Published arrangements — https://example.org/minutes.pdf",)
    assert [link.title for link in row.evidence_links] == ["Published arrangements"]


def test_a_derived_status_wins_but_the_narratives_still_show(library):
    partnership = complete_partnership(scrutineer=False)
    AssessmentFactory(partnership=partnership, requirement=library["derived"], status="met")
    row = by_id(matrix_for(partnership=partnership, at=ON))["ca2004.scrutiny"]
    assert (row.status, row.derived, row.rule) == ("not_met", True, "scrutineer_appointed")
    assert "No independent scrutineer" in row.reasons[0]
    assert row.partnership_level == "Discharged across the partnership."
    assert row.source == "derived"


def test_derived_evidence_comes_first_then_links(partnership, library):
    assessment = AssessmentFactory(partnership=partnership, requirement=library["derived"])
    EvidenceLinkFactory(
        assessment=assessment, title="Scrutiny report", url="", note="In the minutes"
    )
    row = by_id(matrix_for(partnership=partnership, at=ON))["ca2004.scrutiny"]
    assert row.evidence == (
        "Role: Independent scrutineer — Independent Scrutineer (from 1 Apr 2024)",
        "Evidence: Scrutiny report — In the minutes",
    )


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (date(2025, 3, 31), "partly_met"),  # last day of 2024–25
        (date(2025, 4, 1), "met"),  # first day of 2025–26
        (date(2026, 3, 31), "met"),
        (date(2026, 4, 1), "not_assessed"),  # 2026–27: nothing recorded
    ],
)
def test_the_assessment_for_the_period_containing_at(partnership, library, at, expected):
    manual = library["manual"]
    AssessmentFactory(partnership=partnership, requirement=manual, period_start=date(2024, 4, 1),
                      status="partly_met")  # fmt: skip
    AssessmentFactory(partnership=partnership, requirement=manual, period_start=date(2025, 4, 1))
    row = by_id(matrix_for(partnership=partnership, at=at))["ca2004.manual"]
    assert row.status == expected


def test_another_partnerships_assessment_is_not_read(partnership, library):
    AssessmentFactory(partnership=PartnershipFactory(), requirement=library["manual"])
    assert by_id(matrix_for(partnership=partnership, at=ON))["ca2004.manual"].status == (
        "not_assessed"
    )


def test_summary_counts_by_status_and_level(partnership, library):
    AssessmentFactory(partnership=partnership, requirement=library["manual"], status="not_met")
    matrix = matrix_for(partnership=partnership, at=ON)
    assert matrix.summary == {
        "met": 1, "partly_met": 0, "not_met": 1, "not_applicable": 0, "not_assessed": 2,
    }  # fmt: skip
    assert matrix.by_level["must"] == {
        "met": 1, "partly_met": 0, "not_met": 1, "not_applicable": 0, "not_assessed": 0,
    }  # fmt: skip
    assert matrix.by_level["should"]["not_assessed"] == 1
    assert matrix.by_level["may"]["not_assessed"] == 1
    assert matrix.total == 4


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"topic": "scrutiny"}, ["ca2004.scrutiny"]),
        ({"level": "should"}, ["wt2023.thing"]),
        ({"framework": "wt2023"}, ["wt2023.thing", "wt2023.may"]),
        ({"status": "met"}, ["ca2004.scrutiny"]),
        ({"status": "not_assessed", "topic": "funding"}, ["wt2023.may"]),
        ({"topic": "", "level": None}, ["ca2004.manual", "ca2004.scrutiny", "wt2023.thing",
                                        "wt2023.may"]),
    ],
)  # fmt: skip
def test_filters(partnership, library, filters, expected):
    matrix = matrix_for(partnership=partnership, at=ON, **filters)
    assert ids(matrix) == expected
    assert matrix.filters == {k: v for k, v in filters.items() if v}


def test_the_status_filter_leaves_the_summary_whole(partnership, library):
    matrix = matrix_for(partnership=partnership, at=ON, status="met")
    assert matrix.summary["not_assessed"] == 3
    assert matrix.total == 4


def test_rows_group_by_topic_in_vocabulary_order(partnership, library):
    groups = matrix_for(partnership=partnership, at=ON).groups()
    assert [(topic, [r.requirement.pk for r in rows]) for topic, _, rows in groups] == [
        ("arrangements", ["wt2023.thing"]),
        ("scrutiny", ["ca2004.scrutiny"]),
        ("funding", ["wt2023.may"]),
        ("publication", ["ca2004.manual"]),
    ]
    assert groups[1][1] == "Independent scrutiny"


def test_one_row(partnership, library):
    AssessmentFactory(partnership=partnership, requirement=library["manual"], status="met")
    row = matrix_row(partnership=partnership, requirement=library["manual"], at=ON)
    assert (row.status, row.assessment.status) == ("met", "met")
    derived = matrix_row(partnership=partnership, requirement=library["derived"], at=ON)
    assert derived.status == "met" and derived.derived


def _count_queries(partnership, total: int) -> int:
    """Queries for a matrix of `total` requirements (four of them derived, by four rules), each
    with three years of assessments and an evidence link."""
    law = RequirementFactory._meta.model.objects.get(pk="ca2004.manual").framework
    rules = ["scrutineer_appointed", "three_partners_present", "lsps_named", "no_double_coverage"]
    for n in range(total - 4):
        requirement = RequirementFactory(
            framework=law, derivation=rules[n] if n < len(rules) else "", topic="training"
        )
        for start in (date(2023, 4, 1), date(2024, 4, 1), date(2025, 4, 1)):
            assessment = AssessmentFactory(
                partnership=partnership, requirement=requirement, period_start=start
            )
        EvidenceLinkFactory(assessment=assessment)
    with CaptureQueriesContext(connection) as queries:
        matrix = matrix_for(partnership=partnership, at=ON)
        assert len(matrix.rows) == total
        assert all(row.evidence_links for row in matrix.rows if row.topic == "training")
    return len(queries)


@pytest.mark.parametrize("total", [10, 300])
def test_the_query_count_does_not_grow_with_requirements(partnership, library, total):
    assert _count_queries(partnership, total) == 14


def test_query_count_for_a_partnership_with_three_within(library):
    parent = PartnershipFactory()
    for n in range(3):
        complete_partnership(parent=parent, name=f"Child {n}", slug=f"child-{n}")
    with CaptureQueriesContext(connection) as small:
        matrix_for(partnership=parent, at=ON)
    for _ in range(50):
        RequirementFactory(framework=library["manual"].framework, derivation="schools_named")
    with CaptureQueriesContext(connection) as large:
        matrix_for(partnership=parent, at=ON)
    assert len(small) == len(large)

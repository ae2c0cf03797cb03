"""The shipped statute library: every file loads, and the counts the seeds fix hold exactly."""

from __future__ import annotations

from collections import Counter

import pytest

from masa.core.clocks.rules import Unit
from masa.statute.loader import DEFAULT_DATA_DIR, check_library, load_library
from masa.statute.schema import (
    CONFIDENCES,
    CONTENT_LISTS,
    DERIVATION_RULES,
    EVIDENCE_KINDS,
    HOLDERS,
    LEVELS,
    LINEAGE_CHANGES,
    SCHEDULE_HEADINGS,
    TOPICS,
)


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_every_file_checks_clean():
    assert [str(error) for error in check_library()] == []


def test_one_file_per_framework(library):
    stems = sorted(path.stem for path in DEFAULT_DATA_DIR.glob("*.yaml"))
    assert stems == ["ca2004", "si2018-789", "wt2018", "wt2023"]
    assert sorted(library.frameworks) == stems


def test_default_load_is_cached():
    assert load_library() is load_library()


def test_well_over_150_requirements(library):
    assert len(library.requirements) > 150


@pytest.mark.parametrize("framework", ["ca2004", "si2018-789", "wt2018", "wt2023"])
def test_each_framework_has_requirements(library, framework):
    assert any(r.framework == framework for r in library.requirements.values())


# Seeds 000 (WT2018 ch3) and 002 (WT2023 ch2) list these items word for word.
CONTENT_COUNTS = [
    # (framework, document, must, should)
    ("wt2018", "published_arrangements", 3, 11),
    ("wt2018", "yearly_report", 2, 4),
    ("wt2023", "published_arrangements", 3, 12),
    ("wt2023", "yearly_report", 2, 13),
    ("wt2018", "rapid_review", 0, 4),
    ("wt2023", "rapid_review", 0, 4),
    ("si2018-789", "practice_review_report", 2, 0),
]


@pytest.mark.parametrize(("framework", "document", "must", "should"), CONTENT_COUNTS)
def test_content_list_counts(library, framework, document, must, should):
    levels = Counter(r.level for r in library.content_list(framework, document))
    assert (levels["must"], levels["should"], levels["may"]) == (must, should, 0)


def test_law_does_not_double_count_guidance_content_lists(library):
    for framework in ("ca2004",):
        assert not [
            r for r in library.requirements.values() if r.framework == framework and r.content_of
        ]


def test_schedule_has_38_paragraphs_under_six_headings(library):
    categories = library.relevant_agency_categories
    assert [c.paragraph for c in categories] == list(range(1, 39))
    assert Counter(c.heading for c in categories) == {
        "education_and_childcare": 14,
        "health_and_social_care": 9,
        "local_government": 1,
        "criminal_justice": 7,
        "police_and_immigration": 4,
        "miscellaneous": 3,
    }
    assert set(SCHEDULE_HEADINGS) == {c.heading for c in categories}
    assert all(c.citation == f"SI 2018/789 Sch para {c.paragraph}" for c in categories)
    assert categories[0].heading_label == "Education and childcare"


def test_ids_are_unique_and_prefixed_by_their_framework(library):
    ids = [r.id for r in library.requirements.values()]
    assert len(ids) == len(set(ids))
    assert all(r.id.startswith(r.framework + ".") for r in library.requirements.values())
    assert all(rule.startswith(rule.split(".")[0] + ".") for rule in library.clocks)


def test_every_clock_reference_resolves(library):
    dangling = {
        r.id: r.clock
        for r in library.requirements.values()
        if r.clock and r.clock not in library.clocks
    }
    assert dangling == {}


def test_every_value_is_in_its_vocabulary(library):
    for r in library.requirements.values():
        assert r.level in LEVELS, r.id
        assert r.holder in HOLDERS, r.id
        assert r.topic in TOPICS, r.id
        assert r.confidence in CONFIDENCES, r.id
        assert r.evidence in EVIDENCE_KINDS, r.id
        assert r.content_of is None or r.content_of in CONTENT_LISTS, r.id
        assert r.lineage_change is None or r.lineage_change in LINEAGE_CHANGES, r.id


def test_every_derivation_names_a_rule_and_every_rule_is_used(library):
    used = {r.derivation for r in library.requirements.values() if r.derivation}
    assert used <= set(DERIVATION_RULES)
    assert used == set(DERIVATION_RULES)


def test_law_is_seen_in_the_primary_text(library):
    law = [r for r in library.requirements.values() if r.framework in ("ca2004", "si2018-789")]
    # the one exception: CWSA 2026 s.2's inserted text was read only in summaries, and it is
    # not in force (commencement by regulations, not yet confirmed)
    secondary = {r.id for r in law if r.confidence != "seen-primary"}
    assert secondary == {"ca2004.s16e.education-childcare-agencies"}
    assert all(
        library.requirements[rid].commencement == "awaiting_regulations" for rid in secondary
    )


def test_lineage_links_every_wt2018_item_forward(library):
    successors = {r.lineage_from for r in library.requirements.values() if r.framework == "wt2023"}
    for r in library.requirements.values():
        if r.framework == "wt2018":
            assert (r.lineage_change == "removed") != (r.id in successors), r.id
        if r.framework == "wt2023":
            assert r.lineage_change in ("same", "changed", "new"), r.id
            assert (r.lineage_from is None) == (r.lineage_change == "new"), r.id
            if r.lineage_from:
                assert library.requirements[r.lineage_from].framework == "wt2018"
    changes = Counter(r.lineage_change for r in library.requirements.values() if r.lineage_change)
    assert set(changes) == set(LINEAGE_CHANGES)


# The clock ids other apps rely on, with the rule each must carry.
CLOCKS = [
    # (id, unit, amount, before)
    ("wt2018.notify-panel", Unit.WORKING_DAYS, 5, False),
    ("wt2023.notify-panel", Unit.WORKING_DAYS, 5, False),
    ("wt2018.notify-partners", Unit.WORKING_DAYS, 5, False),
    ("wt2023.notify-partners", Unit.WORKING_DAYS, 5, False),
    ("wt2018.lac-death-notify", Unit.WORKING_DAYS, 5, False),
    ("wt2023.lac-death-notify", Unit.WORKING_DAYS, 5, False),
    ("wt2018.rapid-review", Unit.WORKING_DAYS, 15, False),
    ("wt2023.rapid-review", Unit.WORKING_DAYS, 15, False),
    ("si2018-789.report-before-publication", Unit.CALENDAR_DAYS, 7, True),
    ("wt2023.report-before-publication-working", Unit.WORKING_DAYS, 7, True),
    ("si2018-789.keep-published", Unit.MONTHS, 12, False),
    ("wt2018.lcspr-complete", Unit.MONTHS, 6, False),
    ("ca2004.yearly-report-interval", Unit.MONTHS, 12, False),
    ("wt2018.yearly-report-dispatch", Unit.CALENDAR_DAYS, 7, False),
    ("wt2023.yearly-report-dispatch", Unit.CALENDAR_DAYS, 7, False),
]


@pytest.mark.parametrize(("rule_id", "unit", "amount", "before"), CLOCKS)
def test_contract_clock(library, rule_id, unit, amount, before):
    rule = library.clocks[rule_id]
    assert (rule.unit, rule.amount, rule.before) == (unit, amount, before)
    assert rule.trigger and rule.summary and rule.citation


def test_yearly_report_publication_is_end_of_september_after_april_to_march(library):
    rule = library.clocks["wt2023.yearly-report-publication"]
    assert (rule.unit, rule.month, rule.day, rule.period_end_month) == (Unit.BY_DATE, 9, 30, 3)


@pytest.mark.parametrize(
    ("guidance", "frameworks"),
    [
        ("wt2018", ["ca2004", "si2018-789", "wt2018"]),
        ("wt2023", ["ca2004", "si2018-789", "wt2023"]),
    ],
)
def test_frameworks_for_guidance(library, guidance, frameworks):
    assert library.frameworks_for_guidance(guidance) == frameworks


@pytest.mark.parametrize("not_guidance", ["ca2004", "wt2030"])
def test_frameworks_for_guidance_refuses_other_ids(library, not_guidance):
    with pytest.raises(KeyError):
        library.frameworks_for_guidance(not_guidance)


def test_wt2023_supersedes_wt2018_on_15_december_2023(library):
    wt2018, wt2023 = library.frameworks["wt2018"], library.frameworks["wt2023"]
    assert wt2023.supersedes == "wt2018"
    assert str(wt2023.in_force_from) == "2023-12-15"
    assert str(wt2018.in_force_until) == "2023-12-14"


@pytest.mark.parametrize(
    ("requirement_id", "clock"),
    [
        ("si2018-789.reg16.report-to-sos-panel", "si2018-789.report-before-publication"),
        (
            "wt2023.practice-review.report-before-publication",
            "wt2023.report-before-publication-working",
        ),
        ("ca2004.s16g.yearly-report", "ca2004.yearly-report-interval"),
        ("wt2023.yearly-report.by-end-september", "wt2023.yearly-report-publication"),
        ("wt2023.yearly-report.dispatch", "wt2023.yearly-report-dispatch"),
        ("wt2018.yearly-report.dispatch", "wt2018.yearly-report-dispatch"),
        ("wt2023.notification.notify-panel", "wt2023.notify-panel"),
        ("wt2018.rapid-review.undertake", "wt2018.rapid-review"),
    ],
)
def test_duties_carry_their_clock(library, requirement_id, clock):
    assert library.requirements[requirement_id].clock == clock


def test_primary_text_noted_where_guidance_differs(library):
    reg16 = library.requirements["si2018-789.reg16.report-to-sos-panel"]
    assert reg16.confidence == "seen-primary"
    assert "working days" in reg16.note
    assert (
        library.requirements["wt2023.practice-review.report-before-publication"].confidence
        == "recalled"
    )

"""Completeness: every content item present, thin or missing, by the documented rule; missing
`must` items block."""

import pytest

from masa.documents import services
from masa.documents.completeness import (
    MISSING,
    PRESENT,
    THIN,
    WORDS_FOR_PRESENT,
    blocking,
    check,
    check_content,
)
from masa.documents.content import DocumentContent, Facts, Note, Prose, SectionContent, Table
from masa.statute.loader import load_library

from .factories import NARRATIVE, write_every_section

pytestmark = pytest.mark.django_db


def _content(*sections, kind="published_arrangements", framework="wt2023"):
    return DocumentContent(
        partnership="Testshire", kind=kind, title="T", framework=framework, version=1,
        status="draft", sections=tuple(sections),
    )  # fmt: skip


def _state(completeness, requirement):
    return next(i for i in completeness.items if i.requirement == requirement).state


def _words(n):
    return Prose("<p>" + " ".join(["word"] * n) + "</p>")


PARTNERS = "wt2023.published-arrangements.partners"
IDENTIFY = "wt2023.published-arrangements.identify-respond"


@pytest.mark.parametrize(
    ("key", "requirement", "blocks", "state"),
    [
        # A narrative of the threshold or more is present; shorter is thin; none is missing.
        ("working-together", IDENTIFY, (_words(WORDS_FOR_PRESENT),), PRESENT),
        ("working-together", IDENTIFY, (_words(WORDS_FOR_PRESENT - 1),), THIN),
        ("working-together", IDENTIFY, (), MISSING),
        # "None recorded" notes are not an answer.
        ("working-together", IDENTIFY, (Note("No boards."),), MISSING),
        # Records alone answer "say who the partners are"…
        ("partners", PARTNERS, (Table("c", ("a",), (("x",),)),), PRESENT),
        ("partners", PARTNERS, (Facts((("Chair", "x"),)),), PRESENT),
        # …but not "the arrangements to identify and respond to needs": that needs analysis.
        ("working-together", IDENTIFY, (Table("c", ("a",), (("x",),)),), THIN),
    ],
)
def test_states(key, requirement, blocks, state):
    section = SectionContent(key=key, heading="H", requirements=(requirement,), blocks=blocks)
    assert _state(check_content(_content(section)), requirement) == state


def test_one_item_per_content_requirement_with_where_it_is_answered(draft):
    completeness = check(draft)
    library = load_library()
    assert completeness.framework == "wt2023"
    assert [i.requirement for i in completeness.items] == [
        r.id for r in library.content_list("wt2023", "published_arrangements")
    ]
    item = next(i for i in completeness.items if i.requirement == PARTNERS)
    assert item.where == "The safeguarding partners and who leads" and item.anchor == "partners"
    assert item.state == PRESENT  # from the registry, nothing written yet


def test_the_json_has_exactly_the_contract_keys(draft):
    data = check(draft).as_json()
    assert set(data) == {"framework", "items"}
    assert all(set(i) == {"requirement", "level", "state", "where"} for i in data["items"])
    assert {i["state"] for i in data["items"]} <= {PRESENT, THIN, MISSING}


def test_missing_must_items_block_until_written(draft, editor):
    missing = [i.requirement for i in blocking(check(draft))]
    assert "wt2023.published-arrangements.commissioning-reviews" in missing
    assert all(i.level == "must" for i in blocking(check(draft)))
    # A thin answer to a must item does not block: only a missing one does.
    services.section_update(
        version=draft, key="reviews", narrative="Reviews: see our site.", by=editor
    )
    assert "wt2023.published-arrangements.commissioning-reviews" not in [
        i.requirement for i in blocking(check(draft))
    ]
    assert _state(check(draft), "wt2023.published-arrangements.commissioning-reviews") == THIN


def test_every_section_written_makes_every_item_present(draft):
    write_every_section(draft, NARRATIVE)
    completeness = check(draft)
    assert {i.state for i in completeness.items} == {PRESENT}
    assert completeness.count(PRESENT) == len(completeness.items)
    assert blocking(completeness) == []


def test_a_missing_section_is_missing_with_no_where():
    completeness = check_content(_content())  # no sections at all
    assert {i.state for i in completeness.items} == {MISSING}
    assert {i.where for i in completeness.items} == {""}


def test_yearly_report_items_need_analysis_as_well_as_data(report):
    completeness = check(report.versions.get())
    # The partners table is there, but "the contribution of each partner" needs words.
    assert _state(completeness, "wt2023.yearly-report.partner-contributions") == THIN
    assert {i.requirement for i in blocking(completeness)} == {
        "wt2023.yearly-report.what-done",
        "wt2023.yearly-report.effectiveness",
    }

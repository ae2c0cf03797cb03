"""The outline answers the statute library's content lists, item for item."""

import pytest

from masa.documents.models import DocumentKind
from masa.documents.outline import PLANS, section_for, sections_for
from masa.statute.loader import load_library

CASES = [(kind, framework) for kind in DocumentKind.values for framework in ("wt2018", "wt2023")]


@pytest.mark.parametrize(("kind", "framework"), CASES)
def test_every_content_requirement_is_in_exactly_one_section(kind, framework):
    wanted = [r.id for r in load_library().content_list(framework, kind)]
    placed = [rid for s in sections_for(kind, framework) for rid in s.requirements]
    assert wanted  # the library has a content list for each document and framework
    assert sorted(placed) == sorted(wanted)
    assert len(placed) == len(set(placed))


@pytest.mark.parametrize(("kind", "framework"), CASES)
def test_every_id_exists_in_the_framework_and_lists_this_document(kind, framework):
    library = load_library()
    for section in sections_for(kind, framework):
        for rid in section.requirements:
            requirement = library.requirements[rid]
            assert requirement.framework == framework
            assert requirement.content_of == kind


def test_every_planned_item_exists_in_at_least_one_framework():
    library = load_library()
    for plans in PLANS.values():
        for plan in plans:
            for suffix in plan.suffixes:
                assert any(f"{f}.{suffix}" in library.requirements for f in ("wt2018", "wt2023")), (
                    suffix
                )


def test_sections_the_framework_does_not_ask_for_are_left_out():
    wt2018 = {s.key for s in sections_for(DocumentKind.YEARLY_REPORT, "wt2018")}
    wt2023 = {s.key for s in sections_for(DocumentKind.YEARLY_REPORT, "wt2023")}
    assert "funding" not in wt2018 and "funding" in wt2023  # costs breakdown is WT2023's
    arrangements_2018 = section_for(DocumentKind.ARRANGEMENTS, "wt2018", "data")
    assert arrangements_2018 is not None
    assert arrangements_2018.requirements == ("wt2018.published-arrangements.data-intelligence",)


def test_keys_are_unique_and_guidance_names_each_requirement_and_citation():
    library = load_library()
    for kind, framework in CASES:
        sections = sections_for(kind, framework)
        assert len({s.key for s in sections}) == len(sections)
        assert sections[0].key == "introduction" and not sections[0].requirements
        for section in sections:
            for rid in section.requirements:
                assert library.requirements[rid].summary in section.guidance
                assert library.requirements[rid].citation in section.guidance


def test_sections_without_records_say_so_in_their_guidance():
    funding = section_for(DocumentKind.YEARLY_REPORT, "wt2023", "funding")
    assert funding is not None and funding.data is None
    assert "no funding records" in funding.guidance


def test_every_data_assembler_named_exists():
    from masa.documents.assembly import ASSEMBLERS

    for kind, framework in CASES:
        for section in sections_for(kind, framework):
            assert section.data is None or section.data in ASSEMBLERS

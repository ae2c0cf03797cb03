"""The difference between two versions, section by section, and how it reads on a page."""

from __future__ import annotations

from bs4 import BeautifulSoup

from masa.documents.content import DocumentContent, Note, Prose, SectionContent, Table
from masa.documents.diff import LineChange, difference, render_difference, since


def section(key: str, *texts: str, heading: str = "") -> SectionContent:
    blocks = tuple(Prose("".join(f"<p>{t}</p>\n" for t in texts)) for _ in [0] if texts)
    return SectionContent(key, heading or key.capitalize(), (), blocks)


def content(*sections: SectionContent, version: int = 1, **more) -> DocumentContent:
    fields = {"partnership": "Testshire", "kind": "published_arrangements", "title": "Arrangements",
              "framework": "wt2023", "version": version, "status": "published"}  # fmt: skip
    fields.update(more)
    return DocumentContent(**fields, sections=sections)


def statuses(changes) -> list[tuple[str, str]]:
    return [(c.key, c.status) for c in changes]


def test_a_first_version_adds_every_section():
    changes = difference(None, content(section("partners", "Three partners."), section("areas")))
    assert statuses(changes) == [("partners", "added"), ("areas", "added")]
    assert changes[0].lines == (LineChange("inserted", "Three partners."),)
    assert changes[1].lines == ()


def test_sections_are_matched_by_key_and_classed():
    old = content(
        section("partners", "Three partners.", "The chair is independent."),
        section("areas", "Testshire."),
        section("training", "Courses."),
    )
    new = content(
        section("partners", "Three partners.", "The chair is the police DSP."),
        section("areas", "Testshire."),
        section("voice", "We listened."),
        version=2,
    )
    changes = difference(old, new)
    assert statuses(changes) == [
        ("partners", "changed"), ("areas", "unchanged"), ("voice", "added"), ("training", "removed"),
    ]  # fmt: skip
    assert changes[0].lines == (
        LineChange("deleted", "The chair is independent."),
        LineChange("inserted", "The chair is the police DSP."),
    )
    assert (changes[0].inserted, changes[0].deleted) == (1, 1)
    assert changes[3].lines == (LineChange("deleted", "Courses."),)


def test_tables_and_notes_are_compared_line_by_line():
    old = content(SectionContent("reviews", "Reviews", (), (
        Table("Rapid reviews", ("Ref", "Decision"), (("RR-1", "LCSPR"), ("RR-2", "None"))),
    )))  # fmt: skip
    new = content(SectionContent("reviews", "Reviews", (), (
        Table("Rapid reviews", ("Ref", "Decision"), (("RR-1", "LCSPR"), ("RR-2", "LCSPR"))),
        Note("Two reviews."),
    )), version=2)  # fmt: skip
    [change] = difference(old, new)
    assert change.lines == (
        LineChange("deleted", "RR-2 | None"),
        LineChange("inserted", "RR-2 | LCSPR"),
        LineChange("inserted", "Two reviews."),
    )


def test_whitespace_alone_is_no_change_but_a_new_heading_is():
    old = content(section("partners", "Three   partners."))
    assert statuses(difference(old, content(section("partners", "Three partners.")))) == [
        ("partners", "unchanged")
    ]
    [renamed] = difference(old, content(section("partners", "Three partners.", heading="Who")))
    assert (renamed.status, renamed.old_heading, renamed.lines) == ("changed", "Partners", ())


def test_since_names_the_version_or_last_years_report():
    assert since(content(version=2), content(version=3)) == "since version 2"
    last_year = content(kind="yearly_report", period="2023-24", version=1)
    this_year = content(kind="yearly_report", period="2024-25", version=1)
    assert since(last_year, this_year) == "since last year’s report (2023-24)"
    assert since(content(kind="yearly_report", period="2024-25", version=1),
                 content(kind="yearly_report", period="2024-25", version=2)) == "since version 1"  # fmt: skip


def test_rendered_difference_marks_insertions_and_deletions_for_everyone():
    old = content(section("partners", "Old &lt;chair&gt;."), section("areas", "Testshire."))
    new = content(section("partners", "New chair."), section("areas", "Testshire."), version=2)
    soup = BeautifulSoup(render_difference(old, new, heading_level=3), "html.parser")
    assert soup.h3.text == "What changed since version 1"
    assert soup.h4.get_text(" ", strip=True) == "Partners Changed"
    assert soup.select_one("del").get_text() == "Removed: Old <chair>."
    assert soup.select_one("del .govuk-visually-hidden").text == "Removed: "
    assert soup.select_one("ins").get_text() == "Added: New chair."
    assert "Unchanged: Areas." in soup.text


def test_rendered_difference_says_when_nothing_changed():
    same = content(section("partners", "Three partners."))
    soup = BeautifulSoup(render_difference(same, same), "html.parser")
    assert "Nothing changed" in soup.text
    assert soup.select("ins, del") == []

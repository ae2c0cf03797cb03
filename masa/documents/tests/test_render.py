"""The renderers read only a DocumentContent: the GOV.UK fragment, the charts, Word and PDF. Contents are
built here from the dataclasses; no database is needed."""

from __future__ import annotations

import io
import socket
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from docx import Document as WordDocument
from pypdf import PdfReader

from masa.documents.content import (
    Chart,
    DocumentContent,
    Facts,
    Note,
    Prose,
    SectionContent,
    Signatory,
    Table,
)
from masa.documents.render import render_docx, render_html, render_pdf, render_standalone
from masa.documents.render.charts import chart_png, chart_svg

SVG = "{http://www.w3.org/2000/svg}"

NOTIFICATIONS = Chart(
    title="Notifications to the Panel by quarter",
    unit="notifications",
    labels=("Apr to Jun 2024", "Jul to Sep 2024", "Oct to Dec 2024", "Jan to Mar 2025"),
    series=(("On time", (3.0, 4.0, 2.0, 5.0)), ("Late", (1.0, 0.0, 2.0, 1.0))),
)
REVIEWS = Table(
    caption="Rapid reviews in 2024-25",
    headers=("Review", "Decision"),
    rows=(("NS-RR-2024-01", "Practice review"), ("NS-RR-2024-02", "No practice review <b>")),
)


def sample(**changes) -> DocumentContent:
    fields = {
        "partnership": "Northshire Safeguarding Children Partnership",
        "kind": "yearly_report",
        "title": "Northshire yearly report 2024-25",
        "framework": "wt2023",
        "version": 1,
        "status": "published",
        "period": "2024-25",
        "period_label": "1 April 2024 to 31 March 2025",
        "published_on": "2025-09-22",
        "fictional": True,
        "sections": (
            SectionContent(
                "introduction",
                "Introduction",
                (),
                (
                    Prose(
                        "<p>Our <strong>third</strong> report, <em>written</em> with "
                        '<a href="https://example.org/voice">children</a>.</p>\n'
                        "<h3>What we set out to do</h3>\n<ul>\n<li>Safer sleep</li>\n"
                        "<li>Exploitation</li>\n</ul>\n<blockquote>\n<p>A quote.</p>\n"
                        "</blockquote>\n<table><thead><tr><th>Aim</th><th>Done</th></tr></thead>"
                        "<tbody><tr><td>Audit</td><td>Yes</td></tr></tbody></table>\n"
                    ),
                ),
            ),
            SectionContent(
                "notifications",
                "Serious incident notifications",
                ("wt2023.yearly-report.content.reviews",),
                (NOTIFICATIONS, REVIEWS),
            ),
            SectionContent(
                "partners",
                "The safeguarding partners",
                ("wt2023.yearly-report.content.partners",),
                (Facts((("Local authority", "Northshire Council"), ("Chair", "Independent"))),),
            ),
            SectionContent(
                "funding",
                "Funding",
                (),
                (Note("No funding records were kept in MASA for 2024-25."),),
            ),
        ),
        "signatories": (
            Signatory("Local authority", "Chief Executive", "2025-09-18T10:15:00+00:00"),
            Signatory("Police", "Chief Constable", "2025-09-19T09:00:00+00:00"),
        ),
    }
    fields.update(changes)
    return DocumentContent(**fields)


# The web fragment ---------------------------------------------------------------------------------


def fragment(**changes) -> BeautifulSoup:
    return BeautifulSoup(render_html(sample(**changes), public=True), "html.parser")


def test_each_section_is_an_h2_with_its_key_as_id_and_a_contents_entry():
    soup = fragment()
    headings = [(h["id"], h.get_text(strip=True)) for h in soup.select("section > h2")]
    assert headings == [
        ("introduction", "Introduction"),
        ("notifications", "Serious incident notifications"),
        ("partners", "The safeguarding partners"),
        ("funding", "Funding"),
        ("document-signatories", "Signed by"),
    ]
    contents = [a["href"] for a in soup.select("nav a")]
    assert contents == [
        "#introduction", "#notifications", "#partners", "#funding", "#document-signatories",
    ]  # fmt: skip


def test_blocks_render_as_govuk_components():
    soup = fragment()
    prose = soup.select_one("#introduction").find_parent("section")
    assert prose.select_one("strong").text == "third"
    assert prose.select_one("h3").text == "What we set out to do"
    table = soup.find("caption", string="Rapid reviews in 2024-25").find_parent("table")
    assert "govuk-table" in table["class"]
    assert [th.text for th in table.select("thead th")] == ["Review", "Decision"]
    assert table.select("tbody th[scope=row]")[1].text == "NS-RR-2024-02"
    assert table.select("tbody td")[1].text == "No practice review <b>"  # escaped, not markup
    facts = soup.select_one("#partners").find_parent("section").select_one(".govuk-summary-list")
    assert facts.select_one("dt").text == "Local authority"
    assert "No funding records" in soup.select_one("#funding").find_parent("section").text


def test_a_chart_is_an_accessible_svg_followed_by_its_data_table():
    section = fragment().select_one("#notifications").find_parent("section")
    svg = section.select_one("figure svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).text == "Notifications to the Panel by quarter"
    assert "Bar chart of notifications" in svg.find("desc", id=desc_id).text
    data = section.find("caption", string="Notifications to the Panel by quarter: the data")
    rows = [[c.text for c in tr.select("th, td")] for tr in data.find_parent("table").select("tr")]
    assert rows[0] == ["Row", "On time", "Late"]
    assert rows[1] == ["Apr to Jun 2024", "3", "1"]


def test_fictional_content_carries_a_warning_and_real_content_does_not():
    assert "Fictional demonstration data" in fragment().select_one(".govuk-warning-text").text
    assert fragment(fictional=False).select_one(".govuk-warning-text") is None


def test_signatories_are_listed_with_the_date_signed():
    soup = fragment()
    rows = soup.select_one("#document-signatories").find_parent("section").select("tbody tr")
    assert [r.get_text(" ", strip=True) for r in rows] == [
        "Local authority Chief Executive 18 September 2025",
        "Police Chief Constable 19 September 2025",
    ]


def test_the_staff_preview_names_the_requirements_and_the_public_page_does_not():
    preview = BeautifulSoup(render_html(sample(), public=False), "html.parser")
    assert "wt2023.yearly-report.content.reviews" in preview.text
    assert "wt2023.yearly-report.content.reviews" not in fragment().text


def test_a_draft_says_it_is_not_published():
    assert "has not been published" in fragment(status="draft", published_on="").text
    assert "has not been published" not in fragment().text


def test_an_empty_document_renders_without_contents():
    soup = fragment(sections=(), signatories=())
    assert soup.select("nav") == []
    assert "Northshire Safeguarding Children Partnership" in soup.text


# Charts -----------------------------------------------------------------------------------------


def test_chart_svg_is_well_formed_deterministic_and_labelled():
    svg = chart_svg(NOTIFICATIONS, id_prefix="c1")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Notifications to the Panel by quarter"
    assert "On time and Late" in root.find(f"{SVG}desc").text
    assert chart_svg(NOTIFICATIONS, id_prefix="c1") == svg
    # labels stay text, and a long one wraps onto two lines rather than running into the next
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    assert {"Apr to Jun", "2024"} <= texts and "Apr to Jun 2024" not in texts


def test_chart_svg_draws_with_attributes_the_content_security_policy_allows():
    root = ET.fromstring(chart_svg(NOTIFICATIONS, id_prefix="c1"))
    elements = list(root.iter())
    assert not [e.tag for e in elements if e.get("style") is not None or e.tag == f"{SVG}style"]
    # matplotlib's styles are now SVG presentation attributes: the bars keep their colours
    fills = {e.get("fill") for e in elements}
    assert {"#1d70b8", "#00703c"} <= fills
    fonts = {e.get("font-family") for e in root.iter(f"{SVG}text")}
    assert fonts == {"'Arial', 'Liberation Sans', 'DejaVu Sans', sans-serif"}


def test_two_charts_on_one_page_share_no_ids():
    soup = BeautifulSoup(
        render_html(
            sample(sections=(SectionContent("a", "A", (), (NOTIFICATIONS, NOTIFICATIONS)),)),
            public=True,
        ),
        "html.parser",
    )
    counts = Counter(tag["id"] for tag in soup.select("[id]"))
    assert [i for i, n in counts.items() if n > 1] == []
    assert len(soup.select("svg[role=img]")) == 2


def test_chart_png_is_a_deterministic_png():
    png = chart_png(NOTIFICATIONS)
    assert png.startswith(b"\x89PNG")
    assert chart_png(NOTIFICATIONS) == png


# Word -------------------------------------------------------------------------------------------


def word(content: DocumentContent):
    return WordDocument(io.BytesIO(render_docx(content)))


def test_word_file_reopens_with_real_headings_in_order():
    document = word(sample())
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]
    assert headings == [
        ("Title", "Northshire yearly report 2024-25"),
        ("Heading 1", "Introduction"),
        ("Heading 2", "What we set out to do"),
        ("Heading 1", "Serious incident notifications"),
        ("Heading 1", "The safeguarding partners"),
        ("Heading 1", "Funding"),
        ("Heading 1", "Signed by"),
    ]
    assert document.core_properties.title == "Northshire yearly report 2024-25"


def test_word_file_keeps_lists_quotes_links_tables_and_charts():
    document = word(sample())
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Safer sleep"] == "List Bullet"
    assert styles["A quote."] == "Quote"
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert links == ["https://example.org/voice"]
    texts = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Aim", "Done"] in texts  # the narrative's own table
    assert ["Review", "Decision"] in texts
    assert ["Row", "On time", "Late"] in texts  # the chart's data table
    chart_table = next(t for t in document.tables if t.rows[0].cells[1].text == "On time")
    assert [c.text for c in chart_table.rows[4].cells] == ["Jan to Mar 2025", "5", "1"]
    assert chart_table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")  # repeats as a header row
    assert len(document.inline_shapes) == 1
    assert "Notifications to the Panel" in document.inline_shapes[0]._inline.docPr.get("descr")


def test_word_file_of_a_fictional_draft_says_both():
    text = "\n".join(p.text for p in word(sample(status="draft")).paragraphs)
    assert "Fictional demonstration data" in text
    assert "has not been published" in text


# PDF --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf() -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(sample())))


def test_pdf_text_holds_the_title_sections_tables_and_page_numbers(pdf):
    text = "\n".join(page.extract_text() for page in pdf.pages)
    for expected in (
        "Northshire yearly report 2024-25",
        "Serious incident notifications",
        "What we set out to do",
        "NS-RR-2024-01",
        "Notifications to the Panel by quarter: the data",
        "No funding records were kept in MASA for 2024-25.",
        "Chief Constable",
        "Fictional demonstration data",
        f"Page 1 of {len(pdf.pages)}",
    ):
        assert expected in text, expected
    assert pdf.metadata.title == "Northshire yearly report 2024-25"


def test_pdf_fetches_nothing(monkeypatch, tmp_path):
    calls = []
    local = tmp_path / "local.png"
    local.write_bytes(chart_png(NOTIFICATIONS))

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    hostile = Prose(
        '<p><img src="http://198.51.100.7/track.png"></p><p><img src="file:///etc/passwd"></p>'
        f'<p><img src="{local.as_uri()}"></p>'
        '<p style="background: url(https://198.51.100.7/bg.png)">Text</p>'
    )
    content = sample(sections=(SectionContent("a", "A", (), (hostile,)),))
    pdf = PdfReader(io.BytesIO(render_pdf(content)))
    assert "Text" in pdf.pages[-1].extract_text()
    assert calls == []
    assert [image for page in pdf.pages for image in page.images] == []


def test_standalone_page_is_whole_and_self_contained():
    page = render_standalone(sample())
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.title.text == "Northshire yearly report 2024-25"
    assert soup.h1.text == "Northshire yearly report 2024-25"
    assert soup.select("link[rel=stylesheet], script") == []
    image = soup.select_one("figure img")
    assert image["src"].startswith("data:image/svg+xml;base64,")
    assert image["alt"].startswith("Notifications to the Panel by quarter: Bar chart")

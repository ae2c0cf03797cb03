"""The public pages: no sign-in, only published and superseded versions, content from the frozen
snapshot, Word and PDF of the same content, version history with what changed."""

from __future__ import annotations

import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from docx import Document as WordDocument
from pypdf import PdfReader

from masa.documents import services
from masa.documents.models import DocumentVersion, VersionStatus
from masa.documents.tests.factories import write_every_section
from masa.partnerships.models import PartnerType

pytestmark = pytest.mark.django_db

BASE = "/published/testshire"


def publish(version: DocumentVersion, lead_partners, editor, on: date) -> DocumentVersion:
    """Write every section, have the three lead partners sign, publish: through the services."""
    write_every_section(version)
    for partner_type in PartnerType.values:
        services.version_sign(
            version=version, partner_type=partner_type, by=lead_partners[partner_type]
        )
    return services.version_publish(version=version, published_on=on, by=editor)


def next_version(document, editor, **narratives: str) -> DocumentVersion:
    version = services.version_create(document=document, by=editor)
    for key, text in narratives.items():
        services.section_update(version=version, key=key, narrative=text, by=editor)
    return version


def page(client: Client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def anonymous() -> Client:
    return Client()


@pytest.fixture
def published(draft, lead_partners, editor):
    return publish(draft, lead_partners, editor, date(2025, 4, 1))


def test_drafts_are_not_public(anonymous, draft, editor_client):
    write_every_section(draft)
    for client in (anonymous, editor_client):
        for url in (
            f"{BASE}/arrangements/",
            f"{BASE}/arrangements.pdf",
            f"{BASE}/arrangements.docx",
            f"{BASE}/arrangements/history/",
            f"{BASE}/arrangements/versions/1/",
            f"{BASE}/arrangements/versions/1.docx",
        ):
            assert client.get(url).status_code == 404, url
    soup = page(anonymous, f"{BASE}/")
    assert "have not been published in MASA yet" in soup.text


def test_unknown_partnership_period_or_version_is_404(anonymous, published, report):
    for url in (
        "/published/nowhere/",
        "/published/nowhere/arrangements/",
        f"{BASE}/arrangements/versions/9/",
        f"{BASE}/arrangements/versions/9.pdf",
        f"{BASE}/yearly-report/2024-25/",  # exists, but only as a draft
        f"{BASE}/yearly-report/2023-24/",
        f"{BASE}/yearly-report/2024-26/",
        f"{BASE}/yearly-report/last-year/",
        f"{BASE}/yearly-report/2024-25.pdf",
    ):
        assert anonymous.get(url).status_code == 404, url


def test_the_published_arrangements_page_needs_no_sign_in(anonymous, published):
    soup = page(anonymous, f"{BASE}/arrangements/")
    assert soup.h1.text == published.title
    headings = [h["id"] for h in soup.select(".masa-document section > h2")]
    assert headings[: len(published.snapshot["sections"])] == [
        s["key"] for s in published.snapshot["sections"]
    ]
    links = {a.text.strip(): a["href"] for a in soup.select("main a")}
    assert links[f"{published.title}, version 1 (Word document)"] == f"{BASE}/arrangements.docx"
    assert links[f"{published.title}, version 1 (PDF)"] == f"{BASE}/arrangements.pdf"
    assert links["Version history and what changed"] == f"{BASE}/arrangements/history/"
    assert links["The arrangements as machine-readable data (JSON)"] == f"{BASE}/arrangements.json"
    signed = soup.select_one("#document-signatories").find_parent("section").select("tbody th")
    assert sorted(th.text for th in signed) == sorted(str(t.label) for t in PartnerType)


def test_the_page_shows_the_snapshot_not_the_records_of_today(
    anonymous, published, partnership, editor
):
    organisation = partnership.statutory_partners.first().organisation
    was = organisation.name
    assert was in page(anonymous, f"{BASE}/arrangements/").text
    organisation.name = "Renamed Since Publication Council"
    organisation.save()
    next_version(published.document, editor, introduction="A draft nobody has signed.")
    text = page(anonymous, f"{BASE}/arrangements/").text
    assert was in text
    assert "Renamed Since Publication" not in text
    assert "A draft nobody has signed." not in text


def test_word_and_pdf_downloads_hold_the_same_content(anonymous, published):
    response = anonymous.get(f"{BASE}/arrangements.docx")
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert 'filename="testshire-arrangements-version-1.docx"' in response["Content-Disposition"]
    word = WordDocument(io.BytesIO(response.content))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[:-1] == [s["heading"] for s in published.snapshot["sections"]]
    response = anonymous.get(f"{BASE}/arrangements.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert published.title in text
    assert published.snapshot["sections"][0]["heading"] in text


def test_index_lists_what_is_published(anonymous, published, report, lead_partners, editor):
    yearly = publish(report.versions.get(), lead_partners, editor, date(2025, 9, 1))
    soup = page(anonymous, f"{BASE}/")
    links = {a.get_text(" ", strip=True): a["href"] for a in soup.select("main a")}
    assert links[published.title] == f"{BASE}/arrangements/"
    assert links["machine-readable data (JSON)"] == f"{BASE}/arrangements.json"
    assert links["2024-25 yearly report"] == f"{BASE}/yearly-report/2024-25/"
    soup = page(anonymous, f"{BASE}/yearly-report/2024-25/")
    assert soup.h1.text == yearly.title
    assert "1 April 2024 to 31 March 2025" in soup.text


def test_a_new_version_supersedes_and_the_history_shows_what_changed(
    anonymous, published, lead_partners, editor
):
    second = next_version(published.document, editor)
    services.section_update(
        version=second,
        key=published.snapshot["sections"][0]["key"],
        narrative="The partners now meet every six weeks, with the chair reporting to each "
        "partner's board on the difference the arrangements make for children and families, "
        "and the scrutineer's findings are answered in writing within a month of each report.",
        by=editor,
    )
    for partner_type in PartnerType.values:
        services.version_sign(
            version=second, partner_type=partner_type, by=lead_partners[partner_type]
        )
    services.version_publish(version=second, published_on=date(2025, 6, 1), by=editor)
    published.refresh_from_db()
    assert published.status == VersionStatus.SUPERSEDED

    current = page(anonymous, f"{BASE}/arrangements/")
    assert "every six weeks" in current.text
    old = page(anonymous, f"{BASE}/arrangements/versions/1/")
    assert "It was replaced by version 2 on 1 June 2025" in old.text
    assert "every six weeks" not in old.text
    assert anonymous.get(f"{BASE}/arrangements/versions/1.pdf").status_code == 200

    history = page(anonymous, f"{BASE}/arrangements/history/")
    versions = [h.get_text(" ", strip=True) for h in history.select("main h2")]
    assert versions == ["Version 2 Current", "Version 1 Replaced"]
    change = history.select_one("#changes-2").find_parent("div")
    assert change.select_one("h3").text == "What changed since version 1"
    assert "every six weeks" in change.select_one("ins").text
    assert change.select_one("del") is not None
    assert "This was the first published version." in history.text


def test_a_yearly_reports_history_compares_with_last_years_report(
    anonymous, partnership, lead_partners, editor
):
    last = services.document_create(
        partnership=partnership, kind="yearly_report", period="2023-24", by=editor
    )
    publish(last.versions.get(), lead_partners, editor, date(2024, 9, 20))
    this = services.document_create(
        partnership=partnership, kind="yearly_report", period="2024-25", by=editor
    )
    publish(this.versions.get(), lead_partners, editor, date(2025, 9, 19))
    history = page(anonymous, f"{BASE}/yearly-report/2024-25/history/")
    assert (
        history.select_one("#changes-1").text == "What changed since last year’s report (2023-24)"
    )
    assert "This was the first published version." not in history.text


def test_public_pages_do_not_offer_staff_links_or_requirement_ids(anonymous, published):
    soup = page(anonymous, f"{BASE}/arrangements/")
    assert not [a["href"] for a in soup.select("a") if "/partnerships/" in a["href"]]
    assert "wt2023." not in soup.select_one(".masa-document").text


def test_public_pages_only_read(anonymous, published):
    for url in (f"{BASE}/", f"{BASE}/arrangements/", f"{BASE}/arrangements.pdf"):
        assert anonymous.post(url, {"anything": "x"}).status_code == 405
        assert anonymous.head(url).status_code == 200


def test_the_index_reads_a_fixed_number_of_queries(
    anonymous, published, partnership, lead_partners, editor, django_assert_max_num_queries
):
    for period in ("2022-23", "2023-24"):
        report = services.document_create(
            partnership=partnership, kind="yearly_report", period=period, by=editor
        )
        publish(report.versions.get(), lead_partners, editor, date(2025, 1, 10))
    with django_assert_max_num_queries(4):
        soup = page(anonymous, f"{BASE}/")
    assert len(soup.select("tbody tr")) == 2

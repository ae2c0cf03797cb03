"""The public pages of published documents in a real browser, signed out: the partnership's index, the
published arrangements, a yearly report with a chart, an older version and the version history with
what changed. Each page must have no serious or critical axe-core violations (WCAG 2.2 A/AA)."""

from __future__ import annotations

import re
from datetime import date
from importlib import import_module

import pytest
from django.utils import timezone

from masa.accounts.models import Role
from masa.accounts.tests.people import lead_partners_of, member_of
from masa.core.management.commands.demo import LOADERS
from masa.documents import services
from masa.documents.content import Chart, DocumentContent, Prose, SectionContent, Signatory, Table
from masa.documents.models import VersionStatus
from masa.documents.tests.factories import (
    DocumentVersionFactory,
    YearlyReportFactory,
    write_every_section,
)
from masa.partnerships.tests.factories import complete_partnership
from masa.statute.services import statute_sync

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

BASE = "/published/browsershire"


def _report(version: int, quarters: tuple[float, ...], words: str) -> dict:
    chart = Chart(
        title="Notifications to the Panel by quarter, 2024-25",
        unit="notifications",
        labels=("Apr to Jun", "Jul to Sep", "Oct to Dec", "Jan to Mar"),
        series=(("On time", quarters), ("Late", (1.0, 0.0, 1.0, 0.0))),
    )
    return DocumentContent(
        partnership="Browsershire Safeguarding Partnership",
        kind="yearly_report",
        title="Browsershire yearly report 2024-25",
        framework="wt2023",
        version=version,
        status="published",
        period="2024-25",
        period_label="1 April 2024 to 31 March 2025",
        published_on=f"2025-09-{18 + version}",
        fictional=True,
        sections=(
            SectionContent("introduction", "Introduction", (), (Prose(f"<p>{words}</p>"),)),
            SectionContent(
                "notifications",
                "Serious incident notifications",
                (),
                (chart, Table("Reviews", ("Review", "Decision"), (("RR-1", "LCSPR"),))),
            ),
        ),
        signatories=(Signatory("Local authority", "Chief Executive", "2025-09-18T10:00:00"),),
    ).as_json()


@pytest.fixture
def published():
    statute_sync()
    partnership = complete_partnership(
        name="Browsershire Safeguarding Partnership", slug="browsershire", is_fictional=True
    )
    editor = member_of(partnership, "manager", Role.BUSINESS_MANAGER)
    document = services.document_create(
        partnership=partnership, kind="published_arrangements", by=editor
    )
    version = document.versions.get()
    write_every_section(version)
    # Each partner's lead safeguarding partner, holding that partner's role on the day, signs.
    for partner_type, lead in lead_partners_of(partnership).items():
        services.version_sign(version=version, partner_type=partner_type, by=lead)
    services.version_publish(version=version, published_on=date(2025, 4, 1), by=editor)
    # The yearly report's two versions are written directly: the pages read only snapshots.
    report = YearlyReportFactory(partnership=partnership, period="2024-25")
    for number, status, quarters, words in (
        (1, VersionStatus.SUPERSEDED, (3.0, 4.0, 2.0, 5.0), "Our first report."),
        (2, VersionStatus.PUBLISHED, (3.0, 4.0, 2.0, 6.0), "Our report, corrected."),
    ):
        DocumentVersionFactory(
            document=report,
            number=number,
            status=status,
            title="Browsershire yearly report 2024-25",
            published_on=date(2025, 9, 18 + number),
            snapshot=_report(number, quarters, words),
            created_at=timezone.now(),
        )


def test_public_document_pages_pass_axe_signed_out(page, published):
    failures: dict[str, list] = {}
    for url, heading in (
        (f"{BASE}/", "Published documents"),
        (f"{BASE}/arrangements/", None),
        (f"{BASE}/arrangements/history/", None),
        (f"{BASE}/yearly-report/2024-25/", "Browsershire yearly report 2024-25"),
        (f"{BASE}/yearly-report/2024-25/versions/1/", "Browsershire yearly report 2024-25"),
        (f"{BASE}/yearly-report/2024-25/history/", None),
    ):
        page.goto(url)
        assert page.get_by_role("heading", level=1).count() == 1, url
        if heading:
            assert page.get_by_role("heading", level=1).inner_text() == heading
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}


def test_the_chart_is_an_image_with_a_name_and_its_table_follows(page, published):
    page.goto(f"{BASE}/yearly-report/2024-25/")
    chart = page.get_by_role("img", name="Notifications to the Panel by quarter, 2024-25")
    assert chart.is_visible()
    table = page.get_by_role(
        "table", name="Notifications to the Panel by quarter, 2024-25: the data"
    )
    assert table.get_by_role("row").nth(4).inner_text().split() == ["Jan", "to", "Mar", "6", "0"]


def test_history_shows_what_changed_and_downloads_work(page, published):
    page.goto(f"{BASE}/yearly-report/2024-25/history/")
    assert page.get_by_role("heading", name="What changed since version 1").is_visible()
    assert page.locator("ins").first.text_content() == "Added: Our report, corrected."
    with page.expect_download() as download:
        page.get_by_role("link", name="Version 2 (PDF)").click()
    assert download.value.suggested_filename == "browsershire-yearly-report-2024-25-version-2.pdf"


@pytest.fixture
def demo():
    # The learning themes come from a data migration, which an earlier transactional test's
    # flush removes: seed them again as the migration does.
    from django.apps import apps

    import_module("masa.actions.migrations.0002_seed_themes").seed(apps, None)
    for module, function, _ in LOADERS:
        getattr(import_module(module), function)()


def test_the_demo_documents_pass_axe(page, demo):
    failures: dict[str, list] = {}
    for url in (
        "/published/northshire/",
        "/published/northshire/yearly-report/2024-25/",
        "/published/northshire/yearly-report/2024-25/history/",
        "/published/north-lincolnshire/arrangements/",
    ):
        page.goto(url)
        assert page.get_by_role("heading", level=1).count() == 1, url
        violations = axe_violations(page)
        if violations:
            failures[url] = violations
    assert failures == {}
    page.goto("/published/northshire/yearly-report/2024-25/")
    chart = page.get_by_role("img", name=re.compile("^Notifications to the Panel by quarter"))
    assert chart.is_visible()

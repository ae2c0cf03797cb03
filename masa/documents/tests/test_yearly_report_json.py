"""A published yearly report as JSON at /published/<slug>/yearly-report/<period>/report.json: valid
against its JSON Schema, built only from the frozen snapshot of the current published version,
public, read-only, and a 404 for drafts, unknown years and bad input."""

from datetime import date

import jsonschema
import pytest
from bs4 import BeautifulSoup
from django.test import Client

from masa.documents import services
from masa.documents.content import (
    Chart,
    DocumentContent,
    Facts,
    Note,
    Prose,
    SectionContent,
    Table,
)
from masa.documents.models import VersionStatus
from masa.documents.tests.factories import YearlyReportFactory, write_every_section
from masa.documents.yearly_report_json import SCHEMA_ID, schema

from .test_dispatch import published
from .test_public import publish

pytestmark = pytest.mark.django_db

URL = "/published/testshire/yearly-report/2024-25/report.json"


def validate(data):
    jsonschema.Draft202012Validator.check_schema(schema())
    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def every_kind_of_block(partnership, signatories=()) -> dict:
    """Every kind of block, signed by `signatories` (the published version's own: a signature
    without the authority to sign never shows)."""
    chart = Chart(
        title="Notifications by quarter",
        unit="notifications",
        labels=("Apr to Jun", "Jul to Sep"),
        series=(("On time", (3.0, 1.5)), ("Late", (0.0, 1.0))),
    )
    return DocumentContent(
        partnership=partnership.name,
        kind="yearly_report",
        title="Testshire yearly report 2024-25",
        framework="wt2023",
        version=1,
        status="published",
        period="2024-25",
        period_label="1 April 2024 to 31 March 2025",
        published_on="2025-09-19",
        sections=(
            SectionContent(
                "effectiveness",
                "How effective the arrangements have been",
                ("wt2023.yearly-report.effectiveness",),
                (
                    Prose("<p>Children were <strong>seen   sooner</strong>.</p>"),
                    chart,
                    Table("Reviews", ("Review", "Decision"), (("RR-1", "LCSPR"),)),
                    Facts((("Notifications", "4"),)),
                    Note("No practice review was published in 2024-25."),
                ),
            ),
        ),
        signatories=tuple(signatories),
    ).as_json()


def test_a_published_report_validates_and_carries_every_block_from_the_snapshot(
    partnership, report, lead_partners, editor
):
    version = publish(report.versions.get(), lead_partners, editor, date(2025, 9, 19))
    signed = DocumentContent.from_json(version.snapshot).signatories
    assert len(signed) == 3
    version.snapshot = every_kind_of_block(partnership, signed)
    version.save()
    response = Client().get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    validate(data)
    assert data["schema"] == SCHEMA_ID
    assert data["partnership"] == {
        "name": partnership.name, "slug": "testshire", "fictional": False
    }  # fmt: skip
    assert data["period"] == {"label": "2024-25", "start": "2024-04-01", "end": "2025-03-31"}
    assert (data["version"], data["published_on"]) == (1, "2025-09-19")
    assert data["urls"] == {
        "page": "/published/testshire/yearly-report/2024-25/",
        "docx": "/published/testshire/yearly-report/2024-25.docx",
        "pdf": "/published/testshire/yearly-report/2024-25.pdf",
        "history": "/published/testshire/yearly-report/2024-25/history/",
    }
    assert data["signatories"] == [
        {"partner": s.partner, "job_title": s.job_title, "signed_at": s.signed_at} for s in signed
    ]
    [section] = data["sections"]
    assert section["requirements"] == ["wt2023.yearly-report.effectiveness"]
    prose, chart, table, facts, note = section["blocks"]
    assert prose == {
        "kind": "prose",
        "html": "<p>Children were <strong>seen   sooner</strong>.</p>",
        "text": "Children were seen sooner .",
    }
    assert chart["series"] == [
        {"name": "On time", "values": [3.0, 1.5]}, {"name": "Late", "values": [0.0, 1.0]}
    ]  # fmt: skip
    assert table == {"kind": "table", "caption": "Reviews", "headers": ["Review", "Decision"],
                     "rows": [["RR-1", "LCSPR"]]}  # fmt: skip
    assert facts == {"kind": "facts", "items": [{"label": "Notifications", "value": "4"}]}
    assert note == {"kind": "note", "text": "No practice review was published in 2024-25."}
    assert "Review | Decision" in section["text"] and "Notifications: 4" in section["text"]


def test_a_report_published_through_the_services_validates(
    partnership, report, lead_partners, editor
):
    version = publish(report.versions.get(), lead_partners, editor, date(2025, 9, 19))
    data = Client().get(URL).json()
    validate(data)
    assert data["title"] == version.snapshot["title"]
    assert [s["key"] for s in data["sections"]] == [s["key"] for s in version.snapshot["sections"]]
    assert len(data["signatories"]) == 3


def test_a_draft_is_never_exposed(partnership, report, editor_client):
    write_every_section(report.versions.get())
    for client in (Client(), editor_client):
        response = client.get(URL)
        assert response.status_code == 404
        assert set(response.json()) == {"error"}


def test_a_new_draft_leaves_the_published_version_in_the_json(
    partnership, report, lead_partners, editor
):
    first = publish(report.versions.get(), lead_partners, editor, date(2025, 9, 19))
    draft = services.version_create(document=report, by=editor)
    key = first.snapshot["sections"][0]["key"]
    services.section_update(
        version=draft, key=key, narrative="Words nobody has signed yet.", by=editor
    )
    data = Client().get(URL).json()
    assert data["version"] == 1
    assert "nobody has signed" not in str(data)


@pytest.mark.parametrize(
    "url",
    [
        "/published/testshire/yearly-report/2023-24/report.json",  # no report that year
        "/published/testshire/yearly-report/2024-2025/report.json",
        "/published/testshire/yearly-report/nonsense/report.json",
        "/published/testshire/yearly-report/0001-02/report.json",
        "/published/nowhere/yearly-report/2024-25/report.json",
    ],
)
def test_unknown_years_bad_periods_and_partnerships_are_404(partnership, url):
    published(YearlyReportFactory(partnership=partnership), date(2025, 9, 19))
    response = Client().get(url)
    assert response.status_code == 404
    assert "error" in response.json()


def test_the_json_only_reads(partnership):
    published(YearlyReportFactory(partnership=partnership), date(2025, 9, 19))
    client = Client()
    assert client.head(URL).status_code == 200
    assert client.post(URL, {"anything": "x"}).status_code == 405
    assert client.delete(URL).status_code == 405


def test_the_public_report_page_links_to_its_json(partnership):
    version = published(YearlyReportFactory(partnership=partnership), date(2025, 9, 19))
    soup = BeautifulSoup(
        Client().get("/published/testshire/yearly-report/2024-25/").content, "html.parser"
    )
    links = {a.get_text(" ", strip=True): a["href"] for a in soup.select("main a")}
    assert links["The report as machine-readable data (JSON)"] == URL
    superseded = published(version.document, date(2025, 10, 1), number=2)
    version.status = VersionStatus.SUPERSEDED
    version.save()
    assert Client().get(URL).json()["version"] == superseded.number
    old = BeautifulSoup(
        Client().get("/published/testshire/yearly-report/2024-25/versions/1/").content,
        "html.parser",
    )
    assert URL not in [a["href"] for a in old.select("main a")]  # the JSON is the current version


def test_the_schema_refuses_what_it_should(partnership):
    version = published(YearlyReportFactory(partnership=partnership), date(2025, 9, 19))
    version.snapshot = every_kind_of_block(partnership)
    version.save()
    data = Client().get(URL).json()
    validator = jsonschema.Draft202012Validator(schema())
    broken = {**data, "sections": [{**data["sections"][0], "blocks": [{"kind": "video"}]}]}
    assert not validator.is_valid(broken)
    assert not validator.is_valid({k: v for k, v in data.items() if k != "period"})
    assert not validator.is_valid({**data, "period": {**data["period"], "label": "2024"}})

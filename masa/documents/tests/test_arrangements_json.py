"""The machine-readable arrangements: valid against their JSON Schema, from the published snapshot
plus the registry on a stated day, served publicly at /published/<slug>/arrangements.json."""

import json
from datetime import date

import jsonschema
import pytest

from masa.documents.arrangements_json import arrangements_json, schema
from masa.documents.content import DocumentContent, Note, Prose, SectionContent
from masa.partnerships.models import RoleAssignment, RoleKind
from masa.partnerships.tests.factories import RelevantAgencyFactory

from .factories import DocumentFactory, DocumentVersionFactory, YearlyReportFactory
from .test_dispatch import published

pytestmark = pytest.mark.django_db

TODAY = date(2025, 10, 20)


def validate(data):
    jsonschema.Draft202012Validator.check_schema(schema())
    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def snapshot(partnership):
    return DocumentContent(
        partnership=partnership.name,
        kind="published_arrangements",
        title="Arrangements",
        framework="wt2023",
        version=1,
        status="published",
        sections=(
            SectionContent(
                "scrutiny",
                "Independent scrutiny",
                (),
                (
                    Prose("<p>Our scrutineer <strong>reports</strong> to the LSPs.</p>"),
                    Note("Recorded in the registry"),
                ),
            ),
            SectionContent("funding", "Funding", (), (Prose("<p>Shared equally.</p>"),)),
        ),
    ).as_json()


def test_the_published_arrangements_validate_against_the_schema(partnership):
    RelevantAgencyFactory(partnership=partnership)
    version = published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    version.snapshot = snapshot(partnership)
    version.effective_from = date(2025, 2, 1)
    version.save()
    published(YearlyReportFactory(partnership=partnership, period="2024-25"), date(2025, 9, 26))
    data = arrangements_json(partnership, today=TODAY)
    validate(json.loads(json.dumps(data)))
    assert data["registry_as_of"] == "2025-10-20"
    assert data["framework"] == "wt2023"
    assert data["published"]["version"] == 1
    assert data["published"]["published_on"] == "2025-01-06"
    assert data["published"]["url"] == "/published/testshire/arrangements/"
    assert data["scrutiny"]["narrative"] == "Our scrutineer reports to the LSPs."
    assert data["funding"] == {"narrative": "Shared equally.", "contributions": None}
    assert [p["type"] for p in data["partners"]] == ["local_authority", "icb", "police"]
    for partner in data["partners"]:
        assert partner["lead_safeguarding_partner"]["job_title"]
        assert partner["delegated_safeguarding_partners"]
    assert data["chair"] and data["scrutiny"]["scrutineers"]
    assert data["areas"] and all(len(a["ons_code"]) == 9 for a in data["areas"])
    agency = data["relevant_agencies"][0]
    assert agency["why_chosen"] and "schedule_paragraph" in agency
    reporting = data["reporting"]
    assert reporting["last_published"] == {
        "period": "2024-25",
        "published_on": "2025-09-26",
        "url": "/published/testshire/yearly-report/2024-25/",
    }
    assert {d["rule"] for d in reporting["deadlines"]} == {
        "wt2023.yearly-report-publication",
        "ca2004.yearly-report-interval",
    }


def test_names_appear_only_where_the_registry_records_them(partnership):
    published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    data = arrangements_json(partnership, today=TODAY)
    assert data["chair"]["name"] is None
    role = RoleAssignment.objects.filter(partnership=partnership, role=RoleKind.CHAIR).get()
    role.person_name = "Alex Example"
    role.save()
    assert arrangements_json(partnership, today=TODAY)["chair"]["name"] == "Alex Example"


def test_a_draft_gives_its_markdown_and_no_publication_date(partnership):
    draft = DocumentVersionFactory(document=DocumentFactory(partnership=partnership))
    draft.sections.create(key="funding", narrative="  Each partner pays a third.  ")
    data = arrangements_json(partnership, version=draft, today=TODAY)
    validate(json.loads(json.dumps(data)))
    assert data["published"]["status"] == "draft" and data["published"]["published_on"] is None
    assert data["funding"]["narrative"] == "Each partner pays a third."
    assert data["scrutiny"]["narrative"] is None
    assert data["reporting"] == {
        "period": "April to March (the financial year)",
        "last_published": None,
        "deadlines": [],
    }


def test_the_schema_refuses_what_it_should():
    validator = jsonschema.Draft202012Validator(schema())
    assert not validator.is_valid({"schema": "x"})
    assert not validator.is_valid({"framework": "wt2030"})


def test_the_public_address(client, partnership):
    assert client.get("/published/testshire/arrangements.json").status_code == 404
    assert client.get("/published/nowhere/arrangements.json").status_code == 404
    document = DocumentFactory(partnership=partnership)
    DocumentVersionFactory(document=document, number=1)  # a draft only
    assert client.get("/published/testshire/arrangements.json").status_code == 404
    published(document, date(2025, 1, 6), number=2)
    response = client.get("/published/testshire/arrangements.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    validate(data)
    assert data["published"]["version"] == 2
    assert data["partnership"]["slug"] == "testshire"

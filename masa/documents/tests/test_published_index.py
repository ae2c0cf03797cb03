"""/published/: every partnership with published arrangements or yearly reports, linked, with the
same list as JSON; no sign-in, read-only, drafts never listed, a fixed number of queries."""

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from django.test import Client

from masa.accounts.models import Role
from masa.accounts.tests.people import member_of, signed_in
from masa.documents.tests.factories import (
    DocumentFactory,
    DocumentVersionFactory,
    YearlyReportFactory,
)
from masa.partnerships.tests.factories import PartnershipFactory

from .test_dispatch import published

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "published-index.schema.json"


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def partnerships(db):
    """Aireshire has its arrangements (version 2 current) and two yearly reports; Bayshire one
    yearly report and a draft of its arrangements; Coveshire only drafts."""
    aire = PartnershipFactory(name="Aireshire Safeguarding Partnership", slug="aireshire")
    bay = PartnershipFactory(name="Bayshire Safeguarding Partnership", slug="bayshire")
    cove = PartnershipFactory(name="Coveshire Safeguarding Partnership", slug="coveshire")
    arrangements = DocumentFactory(partnership=aire)
    first = published(arrangements, date(2024, 6, 1))
    first.status = "superseded"
    first.save()
    published(arrangements, date(2025, 6, 1), number=2)
    for period in ("2023-24", "2024-25"):
        published(YearlyReportFactory(partnership=aire, period=period), date(2025, 9, 1))
    published(YearlyReportFactory(partnership=bay, period="2024-25"), date(2025, 9, 20))
    DocumentVersionFactory(document=DocumentFactory(partnership=bay))
    DocumentVersionFactory(document=DocumentFactory(partnership=cove))
    DocumentVersionFactory(document=YearlyReportFactory(partnership=cove, period="2024-25"))
    return aire, bay, cove


def test_the_index_lists_every_partnership_with_something_published(partnerships):
    page = soup(Client().get("/published/"))
    assert page.h1.get_text(strip=True) == "Published safeguarding arrangements and yearly reports"
    listed = {s["data-partnership"]: s for s in page.select("[data-partnership]")}
    assert list(listed) == ["aireshire", "bayshire"]  # Coveshire has only drafts
    aire = {li["data-document"]: [a["href"] for a in li.select("a")]
            for li in listed["aireshire"].select("[data-document]")}  # fmt: skip
    assert aire == {
        "arrangements": ["/published/aireshire/arrangements/",
                         "/published/aireshire/arrangements.json"],
        "yearly-report-2024-25": ["/published/aireshire/yearly-report/2024-25/",
                                  "/published/aireshire/yearly-report/2024-25/report.json"],
        "yearly-report-2023-24": ["/published/aireshire/yearly-report/2023-24/",
                                  "/published/aireshire/yearly-report/2023-24/report.json"],
    }  # fmt: skip
    assert "version 2, published 1 June 2025" in listed["aireshire"].get_text(" ", strip=True)
    bay = [li["data-document"] for li in listed["bayshire"].select("[data-document]")]
    assert bay == ["yearly-report-2024-25"]  # its arrangements are a draft
    client = Client()
    for section in listed.values():
        for link in section.select("a"):
            assert client.get(link["href"]).status_code == 200, link["href"]


def test_the_index_as_json_validates_and_matches_the_page(partnerships):
    response = Client().get("/published/index.json")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert not list(validator.iter_errors(data))
    aire, bay = data["partnerships"]
    assert (aire["slug"], bay["slug"]) == ("aireshire", "bayshire")
    assert aire["arrangements"]["version"] == 2 and aire["arrangements"]["period"] is None
    assert [r["period"] for r in aire["yearly_reports"]] == ["2024-25", "2023-24"]
    assert bay["arrangements"] is None
    assert bay["yearly_reports"][0]["json_url"] == (
        "/published/bayshire/yearly-report/2024-25/report.json"
    )


def test_nothing_published_says_so(db):
    page = soup(Client().get("/published/"))
    assert page.select_one("[data-empty]")
    assert Client().get("/published/index.json").json() == {"partnerships": []}


def test_the_index_only_reads(partnerships):
    client = Client()
    for url in ("/published/", "/published/index.json"):
        assert client.head(url).status_code == 200
        assert client.post(url, {"x": "y"}).status_code == 405


def test_the_index_reads_one_query_however_much_is_published(
    partnerships, django_assert_num_queries
):
    with django_assert_num_queries(1):
        Client().get("/published/")
    for n in range(5):
        partnership = PartnershipFactory(name=f"Extra {n}", slug=f"extra-{n}")
        published(DocumentFactory(partnership=partnership), date(2025, 1, 1))
        published(YearlyReportFactory(partnership=partnership), date(2025, 9, 1))
    with django_assert_num_queries(1):
        page = soup(Client().get("/published/"))
    assert len(page.select("[data-partnership]")) == 7
    with django_assert_num_queries(1):
        Client().get("/published/index.json")


def test_the_home_page_links_to_the_index_signed_out_and_in(partnerships):
    aire = partnerships[0]
    signed_out = soup(Client().get("/"))
    assert "/published/" in [a["href"] for a in signed_out.select("main a")]
    client = signed_in(member_of(aire, "viewer", Role.VIEWER))
    home = client.get("/", follow=True)
    assert "/published/" in [a["href"] for a in soup(home).select("main a")]


def test_a_partnerships_public_pages_lead_back_to_the_index(partnerships):
    page = soup(Client().get("/published/aireshire/"))
    crumbs = [a["href"] for a in page.select(".govuk-breadcrumbs a")]
    assert crumbs[0] == "/published/"

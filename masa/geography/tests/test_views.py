"""The public coverage page and its downloads, read as parsed HTML."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from masa.accounts.models import Membership, Role, User
from masa.partnerships.models import Partnership, PartnershipArea

URL = "/coverage/"


@pytest.fixture
def bhr(loaded):
    parent = Partnership.objects.create(slug="bhr", name="BHR Safeguarding Partnership")
    children = {}
    for slug, code in (("barking-dagenham", "E09000002"), ("havering", "E09000016"),
                       ("redbridge", "E09000026")):  # fmt: skip
        children[slug] = Partnership.objects.create(
            slug=slug, name=f"{slug.title()} Safeguarding Children Partnership", parent=parent
        )
        PartnershipArea.objects.create(
            partnership=children[slug], local_authority_id=code, start=date(2019, 9, 29)
        )
    return children


def page(client, url=URL):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def la_rows(soup):
    return soup.select("#local-authorities-table tbody tr")


def test_public_page_needs_no_sign_in(client, bhr):
    soup = page(client)
    assert reverse("geography:coverage") == URL
    assert soup.h1.get_text(strip=True) == "Coverage of England"
    assert soup.title.get_text(strip=True).startswith("Coverage of England")
    assert len(la_rows(soup)) == 153
    assert len(soup.select("#police-force-areas-table tbody tr")) == 39
    assert len(soup.select("#icbs-table tbody tr")) == 42


def test_summary_counts(client, bhr):
    soup = page(client)
    summary = {
        row.select_one("dt").get_text(strip=True): row.select_one("dd").get_text(strip=True)
        for row in soup.select("#coverage-summary .govuk-summary-list__row")
    }
    assert summary["Local authorities covered"] == "3 of 153"
    assert summary["Local authorities not covered"] == "150"
    assert summary["Local authorities covered by more than one partnership"] == "0"
    assert summary["Police force areas fully covered"] == "0 of 39"
    assert summary["ICBs fully covered"] == "0 of 42"


def test_la_row_shows_partnership_parent_force_and_icbs(client, bhr):
    row = page(client).select_one('#local-authorities-table tr[data-code="E09000016"]')
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
    assert cells[:3] == ["Havering", "E09000016", "London"]
    assert "Havering Safeguarding Children Partnership" in cells[3]
    assert "part of BHR Safeguarding Partnership" in cells[3]
    assert cells[4] == "Metropolitan Police"
    assert cells[5] == "NHS North East London Integrated Care Board"
    assert cells[6] == "Covered"
    assert row.select_one("a") is None  # the public do not get links into a partnership


def test_multi_icb_la_lists_shares(client, loaded):
    row = page(client).select_one('#local-authorities-table tr[data-code="E10000012"]')
    items = [li.get_text(strip=True) for li in row.select("li")]
    assert items[0] == "NHS Mid and South Essex Integrated Care Board (57%)"
    assert len(items) == 3


def test_member_sees_links_to_partnerships_they_can_open(client, bhr):
    user = User.objects.create_user(username="bm", password="a-long-test-password")
    Membership.objects.create(user=user, partnership=bhr["havering"], role=Role.BUSINESS_MANAGER)
    client.force_login(user)
    soup = page(client)
    havering = soup.select_one('#local-authorities-table tr[data-code="E09000016"]')
    links = havering.select("a")
    assert [a.get_text(strip=True) for a in links] == ["Havering Safeguarding Children Partnership"]
    assert links[0]["href"].startswith("/partnerships/havering")
    redbridge = soup.select_one('#local-authorities-table tr[data-code="E09000026"]')
    assert redbridge.select("a") == []


def test_region_filter(client, bhr):
    soup = page(client, URL + "?region=E12000007")
    rows = la_rows(soup)
    assert len(rows) == 33
    assert {row.select("td")[1].get_text(strip=True) for row in rows} == {"London"}
    assert soup.select_one("#id_region option[selected]")["value"] == "E12000007"
    assert "London" in soup.select_one(".govuk-caption-l").get_text()
    # Police forces and ICBs touching London only: the Met, the City, five London ICBs.
    assert {tr["data-code"] for tr in soup.select("#police-force-areas-table tbody tr")} == {
        "E23000001", "E23000034",
    }  # fmt: skip
    assert len(soup.select("#icbs-table tbody tr")) == 5
    assert "region=E12000007" in soup.select_one("#downloads a")["href"]


def test_region_form_is_a_get_form_with_every_region(client, loaded):
    soup = page(client)
    form = soup.select_one("form[method=get]")
    assert form["action"] == URL
    options = [o["value"] for o in form.select("select[name=region] option")]
    assert options[0] == "" and len(options) == 10
    assert form.select_one("label[for=id_region]").get_text(strip=True) == "Region"


def test_unknown_region_shows_everything_with_an_error(client, loaded):
    soup = page(client, URL + "?region=nowhere")
    assert len(la_rows(soup)) == 153
    assert soup.select_one(".govuk-error-summary") is not None


def test_tile_map_names_each_status_in_words(client, bhr):
    soup = page(client)
    tiles = soup.select("#map .masa-tile")
    assert len(tiles) == 153
    assert len(soup.select("#map .masa-tile-map")) == 9  # one list per region
    havering = soup.select_one('#map .masa-tile[data-code="E09000016"]')
    assert havering.get_text(" ", strip=True) == "Havering Covered"
    newham = soup.select_one('#map .masa-tile[data-code="E09000025"]')
    assert newham.get_text(" ", strip=True) == "Newham Not covered"
    assert "Covered" in soup.select_one("#tile-map-key").get_text()


def test_downloads(client, bhr):
    response = client.get("/coverage/coverage.json?at=2025-06-01")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["at"] == "2025-06-01" and len(data["local_authorities"]) == 153
    response = client.get("/coverage/coverage.csv?region=E12000007")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sum(1 for r in rows if r["kind"] == "local_authority") == 33


def test_download_links_on_the_page(client, loaded):
    hrefs = [a["href"] for a in page(client).select("#downloads a")]
    assert hrefs == ["/coverage/coverage.json", "/coverage/coverage.csv"]


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("31-12-2025", "The date must be a real date written YYYY-MM-DD"),
        ("2025-02-30", "The date must be a real date written YYYY-MM-DD"),
        ("0001-01-01", "The date must be between 1 January 1900 and 31 December 2099"),
        ("9999-12-31", "The date must be between 1 January 1900 and 31 December 2099"),
    ],
)
def test_a_bad_date_is_an_error_on_the_page_and_refuses_the_downloads(client, loaded, at, message):
    soup = page(client, f"{URL}?at={at}")
    summary = soup.select_one(".govuk-error-summary")
    assert message in summary.get_text()
    assert summary.select_one("a")["href"] == "#id_at"
    assert message in soup.select_one("#id_at-error, .govuk-error-message").get_text()
    assert soup.select_one("#id_at")["value"] == at
    assert len(la_rows(soup)) == 153  # today's coverage, still shown
    for download in ("/coverage/coverage.json", "/coverage/coverage.csv"):
        response = client.get(f"{download}?at={at}")
        assert response.status_code == 400 and message in response.content.decode()


def test_page_query_count_is_bounded(client, bhr, django_assert_max_num_queries):
    user = User.objects.create_user(username="bm", password="a-long-test-password")
    Membership.objects.create(user=user, partnership=bhr["havering"], role=Role.BUSINESS_MANAGER)
    client.force_login(user)
    with django_assert_max_num_queries(12):
        client.get(URL)


def test_the_csv_keeps_names_as_text_and_says_the_status_in_words(client, bhr):
    Partnership.objects.filter(slug="havering").update(name='=HYPERLINK("http://x","y")')
    response = client.get("/coverage/coverage.csv?at=2025-06-01")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    havering = next(r for r in rows if r["code"] == "E09000016")
    assert havering["partnership"] == '\'=HYPERLINK("http://x","y")'
    assert havering["partnerships"].startswith("'=")
    assert (havering["status"], havering["status_label"]) == ("covered", "Covered")
    newham = next(r for r in rows if r["code"] == "E09000025")
    assert (newham["status_label"], newham["partnership"]) == ("Not covered", "")
    assert "None" not in response.content.decode()

"""The public statute browser, read as parsed HTML. Expected rows come from the YAML library."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masa.core.clocks.engine import compute_due
from masa.partnerships.models import Partnership
from masa.statute.loader import load_library
from masa.statute.management.commands.statute import export_rows
from masa.statute.schema import TOPICS
from masa.statute.services import statute_sync

pytestmark = pytest.mark.django_db

LIST = "/statute/"


@pytest.fixture
def synced(db):
    statute_sync()
    return load_library()


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def row_ids(soup):
    return [row["data-id"] for row in soup.select("#requirements tbody tr")]


def count(soup):
    return int(soup.select_one("#result-count").get_text(" ", strip=True).split()[0])


def ignored(soup):
    warning = soup.select_one("#ignored")
    return warning.get_text(" ", strip=True) if warning else ""


def library_ids(library, **wanted):
    return [
        r.id
        for r in library.requirements.values()
        if all((getattr(r, key) or "") == value for key, value in wanted.items())
    ]


def test_url_names():
    assert reverse("statute:list") == LIST
    assert reverse("statute:detail", args=["wt2023.chair.appoint-from-dsps"]) == (
        "/statute/wt2023.chair.appoint-from-dsps/"
    )
    assert reverse("statute:content-lists") == "/statute/content-lists/"
    assert reverse("statute:relevant-agencies") == "/statute/relevant-agencies/"
    assert reverse("statute:export-json") == "/statute/export.json"
    assert reverse("statute:export-csv") == "/statute/export.csv"


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        (LIST, "Statutory duties"),
        ("/statute/wt2023.chair.appoint-from-dsps/", None),
        ("/statute/content-lists/", "What each document must contain"),
        ("/statute/relevant-agencies/", "Relevant agencies"),
    ],
)
def test_pages_are_public(client, synced, url, heading):
    soup = page(client, url)
    if heading:
        assert soup.h1.get_text(strip=True) == heading
        assert soup.title.get_text(strip=True).startswith(heading)


def test_every_field_has_a_label_and_tables_have_captions(client, synced):
    for url in (LIST, "/statute/content-lists/", "/statute/relevant-agencies/"):
        soup = page(client, url)
        for control in soup.select("main input, main select"):
            assert soup.select_one(f'label[for="{control["id"]}"]'), control
        for table in soup.select("main table"):
            assert table.caption and table.caption.get_text(strip=True)


def test_intro_names_the_four_sources_with_dates(client, synced):
    sources = [li.get_text(" ", strip=True) for li in page(client, LIST).select("#sources li")]
    assert len(sources) == 4
    assert "(CA2004): in force from 29 June 2018" in sources[0]
    assert "(SI 2018/789): in force from 29 June 2018" in sources[1]
    # WT2018's last day in force was 14 December 2023; WT2023 replaced it on 15 December 2023
    assert (
        "(WT2018): in force from 29 June 2018 to 14 December 2023; replaced on 15 December 2023"
        in sources[2]
    )
    assert "(WT2023): in force from 15 December 2023" in sources[3]


def test_list_shows_first_hundred_in_library_order(client, synced):
    soup = page(client, LIST)
    assert count(soup) == len(synced.requirements) == 341
    assert row_ids(soup) == list(synced.requirements)[:100]


def test_row_shows_summary_level_holder_citation_and_clock(client, synced):
    row = page(client, LIST + "?framework=wt2023&topic=notification").select_one(
        'tr[data-id="wt2023.notification.notify-panel"]'
    )
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert row.select_one("a")["href"] == "/statute/wt2023.notification.notify-panel/"
    assert cells[1] == "Should"
    assert cells[2] == "Local authority"
    assert cells[3].startswith("WT2023 ch5")
    assert cells[4] == "5 working days"


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ({"framework": "wt2023", "content_of": "yearly_report", "level": "must"},
         {"framework": "wt2023", "content_of": "yearly_report", "level": "must"}),
        ({"framework": "wt2018", "content_of": "published_arrangements"},
         {"framework": "wt2018", "content_of": "published_arrangements"}),
        ({"holder": "panel"}, {"holder": "panel"}),
        ({"topic": "notification", "framework": "wt2018"},
         {"topic": "notification", "framework": "wt2018"}),
        ({"level": "may", "framework": "ca2004"}, {"level": "may", "framework": "ca2004"}),
        ({"content_of": "practice_review_report"}, {"content_of": "practice_review_report"}),
    ],
)  # fmt: skip
def test_filters_narrow_the_rows(client, synced, query, wanted):
    soup = page(client, f"{LIST}?{urlencode(query)}")
    expected = library_ids(synced, **wanted)
    assert expected and len(expected) <= 100
    assert row_ids(soup) == expected
    assert count(soup) == len(expected)
    assert ignored(soup) == ""
    for name, value in query.items():  # the form keeps what was chosen
        assert soup.select_one(f'select[name="{name}"] option[selected]')["value"] == value


def test_wt2023_yearly_report_must_is_exactly_two(client, synced):
    url = f"{LIST}?framework=wt2023&content_of=yearly_report&level=must"
    assert len(row_ids(page(client, url))) == 2


def _matches(requirement, *terms):
    text = f"{requirement.id} {requirement.summary} {requirement.citation}".lower()
    return all(term.lower() in text for term in terms)


@pytest.mark.parametrize("q", ["16E", "yearly report", "wt2023.notification", "  Panel  "])
def test_search_over_id_summary_and_citation(client, synced, q):
    soup = page(client, f"{LIST}?{urlencode({'q': q})}")
    expected = [r.id for r in synced.requirements.values() if _matches(r, *q.split())]
    assert expected
    assert count(soup) == len(expected)
    assert row_ids(soup) == expected[:100]
    assert soup.select_one('input[name="q"]')["value"] == q.strip()


def test_search_with_filters_and_no_match(client, synced):
    soup = page(client, f"{LIST}?q=yearly&framework=wt2023&level=must")
    expected = library_ids(synced, framework="wt2023", level="must")
    assert row_ids(soup) == [i for i in expected if _matches(synced.requirements[i], "yearly")]
    soup = page(client, f"{LIST}?q=zzqqxx&level=must")
    assert count(soup) == 0
    assert not soup.select("#requirements")
    assert "No requirements match these filters" in soup.select_one("#no-results").get_text()


def test_pagination(client, synced):
    ids = list(synced.requirements)
    first = page(client, LIST)
    nav = first.select_one("nav.govuk-pagination")
    assert [a.get_text(strip=True) for a in nav.select(".govuk-pagination__item a")] == [
        "1", "2", "4",
    ]  # fmt: skip
    assert nav.select_one('[aria-current="page"]').get_text(strip=True) == "1"
    assert nav.select_one(".govuk-pagination__item--ellipsis")
    assert not nav.select_one(".govuk-pagination__prev")
    second = page(client, LIST + "?page=2")
    assert row_ids(second) == ids[100:200]
    assert "Showing 101 to 200" in second.select_one("#result-count").get_text()
    last = page(client, LIST + "?page=4")
    assert row_ids(last) == ids[300:]
    assert not last.select_one(".govuk-pagination__next")


def test_pagination_links_keep_filters(client, synced):
    soup = page(client, f"{LIST}?framework=wt2023&page=2")
    expected = library_ids(synced, framework="wt2023")
    assert row_ids(soup) == expected[100:200]
    href = soup.select_one(".govuk-pagination__prev a")["href"]
    assert parse_qs(urlparse(href).query) == {"framework": ["wt2023"], "page": ["1"]}


def test_one_page_of_results_has_no_pagination(client, synced):
    assert not page(client, f"{LIST}?holder=panel").select_one("nav.govuk-pagination")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("level=banana", "Level ‘banana’"),
        ("framework=wt1999", "Source ‘wt1999’"),
        ("holder=%3Cscript%3E", "Who holds it ‘<script>’"),
        ("content_of=minutes&topic=cake", "Part of ‘minutes’"),
        ("q=%00", "Search"),
        ("q=" + "x" * 201, "Search"),
        ("page=-1", "There is no page ‘-1’"),
        ("page=abc", "There is no page ‘abc’"),
        ("page=0", "There is no page ‘0’"),
        ("page=99999999999999999999", "so page 4 is shown"),
    ],
)
def test_garbage_is_ignored_with_a_message(client, synced, query, message):
    soup = page(client, f"{LIST}?{query}")
    assert message in ignored(soup)
    assert count(soup) == 341
    assert len(row_ids(soup)) == (41 if "page=9999" in query else 100)


def test_ignored_values_are_escaped(client, synced):
    response = client.get(f"{LIST}?holder=%3Cscript%3Ealert(1)%3C/script%3E")
    assert response.status_code == 200
    assert b"&lt;script&gt;alert(1)" in response.content
    assert b"<script>alert(1)" not in response.content


def test_garbage_with_a_good_filter_keeps_the_good_one(client, synced):
    soup = page(client, f"{LIST}?level=banana&framework=wt2023&content_of=yearly_report")
    assert "Level ‘banana’" in ignored(soup)
    assert row_ids(soup) == library_ids(synced, framework="wt2023", content_of="yearly_report")
    href = soup.select_one("#filters a")["href"]  # "Clear filters"
    assert href == LIST


def test_list_query_count_does_not_grow_with_rows(client, synced):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    hundred = queries(LIST)
    two = queries(f"{LIST}?framework=wt2023&content_of=yearly_report&level=must")
    none = queries(f"{LIST}?q=zzqqxx")
    assert hundred == two
    assert none <= hundred  # with no rows the paginator skips the page query
    assert hundred <= 4  # frameworks, count, the page's rows (with their framework)


def test_detail_shows_citation_clock_example_and_lineage(client, synced):
    soup = page(client, "/statute/wt2023.notification.notify-panel/")
    requirement = synced.requirements["wt2023.notification.notify-panel"]
    assert soup.h1.get_text(strip=True) == requirement.summary
    assert soup.select_one("#citation").get_text(strip=True) == requirement.citation
    assert "Should" in soup.select_one("#requirement").get_text()
    assert "Working Together to Safeguard Children 2023" in soup.select_one("#source").get_text()
    assert "15 December 2023" in soup.select_one("#source").get_text()
    due = compute_due(synced.clocks["wt2023.notify-panel"], timezone.localdate())
    example = soup.select_one("#clock-example").get_text(" ", strip=True)
    assert due.explanation in example
    assert "5 working days" in soup.select_one("#clock").get_text()
    predecessor = soup.select_one("#lineage a")
    assert predecessor["href"] == f"/statute/{requirement.lineage_from}/"
    lineage = soup.select_one("#lineage").get_text(" ", strip=True)
    assert f"Change: {requirement.lineage_change}" in lineage


def test_detail_lists_successors_with_change(client, synced):
    soup = page(client, "/statute/wt2018.education.name-schools/")
    successors = synced.successors("wt2018.education.name-schools")
    links = [a["href"] for a in soup.select("#lineage a")]
    assert links == [f"/statute/{s.id}/" for s in successors]
    assert len(links) == 2
    text = soup.select_one("#lineage").get_text(" ", strip=True)
    for s in successors:
        assert f"Change: {s.lineage_change}" in text


@pytest.mark.parametrize(
    ("rid", "words"),
    [
        ("wt2018.geography.single-partnership", "Removed"),
        ("wt2023.arrangements.health-infrastructure", "New in WT2023"),
    ],
)
def test_detail_lineage_new_and_removed(client, synced, rid, words):
    assert words in page(client, f"/statute/{rid}/").select_one("#lineage").get_text()


def test_detail_without_a_clock_or_lineage(client, synced):
    soup = page(client, "/statute/ca2004.s16g.agencies-act-in-accordance/")
    assert soup.select_one("#clock") is None
    assert soup.select_one("#lineage") is None
    assert "Seen in the primary text" in soup.select_one("#confidence").get_text()
    assert "Manual assessment" in soup.select_one("#evidence").get_text()


def test_detail_before_and_by_date_clocks(client, synced):
    soup = page(client, "/statute/si2018-789.reg16.report-to-sos-panel/")
    assert "7 days before" in soup.select_one("#clock").get_text()
    assert "Latest date" in soup.select_one("#clock-example").get_text()
    soup = page(client, "/statute/wt2023.yearly-report.by-end-september/")
    due = compute_due(synced.clocks["wt2023.yearly-report-publication"], timezone.localdate())
    assert due.explanation in soup.select_one("#clock-example").get_text(" ", strip=True)


def test_detail_derived_evidence_and_content_list(client, synced):
    soup = page(client, "/statute/wt2023.chair.appoint-from-dsps/")
    evidence = soup.select_one("#evidence").get_text(" ", strip=True)
    assert "Derived from records" in evidence
    assert "the partnership chair is one of the delegated safeguarding partners" in evidence
    rid = library_ids(synced, framework="wt2023", content_of="yearly_report", level="must")[0]
    used = page(client, f"/statute/{rid}/").select_one("#used")
    assert used.select_one("a")["href"] == "/statute/content-lists/#wt2023-yearly_report"
    assert "Yearly report" in used.get_text() or "yearly report" in used.get_text()


def test_detail_counts_partnerships_assessing_it_as_a_number_only(client, synced):
    try:
        assessment = apps.get_model("compliance", "Assessment")
    except LookupError:
        pytest.skip("the compliance app has no Assessment model yet")
    url = "/statute/wt2023.chair.appoint-from-dsps/"
    assert page(client, url).select_one("#assessed-by").get_text(strip=True).startswith("0 ")
    at = timezone.make_aware(datetime(2025, 4, 2))
    for slug in ("north", "south"):
        partnership = Partnership.objects.create(slug=slug, name=f"{slug.title()} Partnership")
        for year in (2024, 2025):  # two periods still count one partnership
            assessment.objects.create(
                partnership=partnership,
                requirement_id="wt2023.chair.appoint-from-dsps",
                period_start=date(year, 4, 1),
                period_end=date(year + 1, 3, 31),
                assessed_at=at,
            )
    used = page(client, url).select_one("#used")
    assert used.select_one("#assessed-by").get_text(" ", strip=True) == (
        "2 partnerships have recorded an assessment of it in MASA."
    )
    assert "North" not in used.get_text()


@pytest.mark.parametrize(
    "url", ["/statute/wt2023.no-such-thing/", "/statute/nonsense/", "/statute/%3Cx%3E.y/"]
)
def test_unknown_requirement_is_404(client, synced, url):
    soup = page(client, url, status=404)
    assert soup.h1.get_text(strip=True) == "Page not found"


def test_content_lists(client, synced):
    soup = page(client, "/statute/content-lists/")
    sections = {s["id"]: s for s in soup.select("main section")}
    assert list(sections) == [
        "wt2023-published_arrangements", "wt2023-yearly_report", "wt2023-rapid_review",
        "si2018-789-practice_review_report",
        "wt2018-published_arrangements", "wt2018-yearly_report", "wt2018-rapid_review",
    ]  # fmt: skip
    yearly = sections["wt2023-yearly_report"]
    assert yearly.select_one("[data-counts]").get_text(strip=True) == "15 items: 2 must, 13 should."
    ids = [row["data-id"] for row in yearly.select("tbody tr")]
    assert ids == [r.id for r in synced.content_list("wt2023", "yearly_report")]
    counts = sections["si2018-789-practice_review_report"].select_one("[data-counts]")
    assert counts.get_text(strip=True) == "2 items: 2 must."


def test_relevant_agencies(client, synced):
    soup = page(client, "/statute/relevant-agencies/")
    headings = [h.get_text(strip=True) for h in soup.select("main section h2")]
    assert headings == [
        "Education and childcare", "Health and Social Care", "Local Government",
        "Criminal Justice", "Police and Immigration", "Miscellaneous",
    ]  # fmt: skip
    rows = soup.select("main section tbody tr")
    assert [int(row["data-paragraph"]) for row in rows] == list(range(1, 39))
    assert rows[0].select("td")[2].get_text(strip=True) == "SI 2018/789 Sch para 1"
    assert "6 November 2023" in soup.select_one("#amendment-caveat").get_text()


def test_json_export_matches_the_command(client, synced):
    response = client.get("/statute/export.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    rows = json.loads(response.content)
    assert rows == export_rows(load_library())
    keys = ("id", "framework", "level", "holder", "topic", "summary", "citation", "clock")
    assert set(keys) | {"content_of"} <= set(rows[0])


def test_csv_export(client, synced):
    response = client.get("/statute/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert len(rows) == 341
    by_id = {row["id"]: row for row in rows}
    row = by_id["wt2023.notification.notify-panel"]
    assert (row["framework"], row["level"], row["clock"]) == (
        "wt2023",
        "should",
        "wt2023.notify-panel",
    )
    assert row["lineage_change"] and row["lineage_from"].startswith("wt2018.")
    assert (row["level_label"], row["topic_label"]) == ("Should", TOPICS[row["topic"]])
    assert "None" not in {value for r in rows for value in r.values()}
    # Statute text that starts like a formula (a "- item" summary) is kept as text.
    assert not any(value.startswith(("=", "+", "-", "@")) for r in rows for value in r.values())
    assert by_id["ca2004.s16g.agencies-act-in-accordance"]["content_of"] == ""


def test_pages_before_the_library_is_synced(client, db):
    soup = page(client, LIST)
    assert count(soup) == 0
    assert "has not been loaded" in soup.get_text()
    page(client, "/statute/content-lists/")
    page(client, "/statute/relevant-agencies/")


def test_every_derivation_rule_is_explained_in_words():
    from masa.statute.schema import DERIVATION_RULES, DERIVATION_WORDS

    assert set(DERIVATION_WORDS) == set(DERIVATION_RULES)

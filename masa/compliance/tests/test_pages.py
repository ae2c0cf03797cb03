"""The matrix page, its downloads and the requirement page, tested on parsed HTML."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from masa.compliance.models import Assessment, EvidenceLink
from masa.compliance.periods import financial_year
from masa.timeline.models import Event

from .factories import AssessmentFactory, EvidenceLinkFactory, RequirementFactory

pytestmark = pytest.mark.django_db
MATRIX = "/partnerships/testshire/compliance/"


def page(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def this_year():
    """The first day of the financial year containing today (the pages default to today)."""
    return financial_year(timezone.localdate()).start


def row_url(requirement_id, query=""):
    return f"{MATRIX}{requirement_id}/{query}"


# The matrix ---------------------------------------------------------------------------------------


def test_a_member_sees_the_matrix(member_client, library):
    html = page(member_client.get(MATRIX + "?at=2025-06-02"))
    assert html.h1.get_text(strip=True) == "Compliance matrix"
    assert html.select_one("[data-matrix-date]")["data-matrix-date"] == "2025-06-02"
    counts = {li["data-status"]: li.select_one("[data-count]").get_text()
              for li in html.select("[data-summary] li")}  # fmt: skip
    assert counts == {"met": "1", "partly_met": "0", "not_met": "0", "not_applicable": "0",
                      "not_assessed": "3"}  # fmt: skip
    assert [t["data-topic"] for t in html.select("table[data-topic]")] == [
        "arrangements", "scrutiny", "funding", "publication",
    ]  # fmt: skip
    row = html.select_one('tr[data-requirement="ca2004.scrutiny"]')
    assert row["data-status"] == "met"
    assert row.select_one("[data-source]").get_text() == "derived"
    assert row.select_one("a")["href"] == row_url("ca2004.scrutiny", "?at=2025-06-02")
    assert "govuk-tag--purple" in row.select(".govuk-tag")[0]["class"]  # must
    assert "1 independent scrutineer recorded on 2 June 2025." in row.get_text()


def test_the_filter_form(member_client, library):
    html = page(member_client.get(MATRIX))
    form = html.select_one("form[data-filters]")
    assert form["method"] == "get"
    selects = {s["name"]: [o["value"] for o in s.select("option")] for s in form.select("select")}
    assert set(selects) == {"topic", "level", "status", "framework"}
    assert selects["status"] == ["", "met", "partly_met", "not_met", "not_applicable",
                                 "not_assessed"]  # fmt: skip
    assert selects["framework"] == ["", "ca2004", "wt2023"]
    assert form.select_one("button").get_text(strip=True) == "Apply filters"


def test_filters_narrow_the_rows(member_client, library):
    html = page(member_client.get(MATRIX + "?topic=scrutiny&level=must&framework=ca2004"))
    assert [r["data-requirement"] for r in html.select("tr[data-requirement]")] == [
        "ca2004.scrutiny"
    ]
    assert html.select_one('select[name="topic"] option[selected]')["value"] == "scrutiny"
    html = page(member_client.get(MATRIX + "?status=not_assessed"))
    assert {r["data-status"] for r in html.select("tr[data-requirement]")} == {"not_assessed"}
    html = page(member_client.get(MATRIX + "?status=not_met"))
    assert html.select_one("[data-empty]")


@pytest.mark.parametrize(
    ("query", "shown", "sentence"),
    [
        ("", 4, "4 requirements."),
        ("&status=met", 1, "Showing 1 of 4 requirements: those that match the filters."),
        ("&status=not_assessed", 3, "Showing 3 of 4 requirements: those that match the filters."),
        ("&framework=wt2023", 2, "Showing 2 of 4 requirements: those that match the filters."),
        ("&level=should&status=not_assessed", 1, "Showing 1 of 4 requirements: those that"),
        ("&topic=scrutiny&status=not_met", 0, "Showing 0 of 4 requirements: those that match"),
    ],
)
def test_the_count_says_how_many_rows_are_shown_of_how_many(
    member_client, library, query, shown, sentence
):
    html = page(member_client.get(MATRIX + "?at=2025-06-02" + query))
    assert len(html.select("tr[data-requirement]")) == shown
    count = html.select_one("[data-shown]")
    assert (count["data-shown"], count["data-of"]) == (str(shown), "4")
    assert count.get_text(" ", strip=True).startswith(sentence)


def test_bad_filters_show_an_error_and_the_matrix_for_today(member_client, library):
    html = page(member_client.get(MATRIX + "?at=31-12-2025&status=nonsense"))
    summary = html.select_one(".govuk-error-summary")
    assert "The date must be a real date written YYYY-MM-DD" in summary.get_text()
    assert html.title.get_text().startswith("Error: ")
    expected = timezone.localdate().isoformat()
    assert html.select_one("[data-matrix-date]")["data-matrix-date"] == expected
    assert len(html.select("tr[data-requirement]")) == 4


@pytest.mark.parametrize("at", ["0001-01-01", "9999-12-31", "1899-12-31", "2100-01-01"])
def test_a_date_outside_the_calendar_is_an_error_on_every_matrix_page(member_client, library, at):
    message = "The date must be between 1 January 1900 and 31 December 2099"
    html = page(member_client.get(f"{MATRIX}?at={at}"))
    assert message in html.select_one(".govuk-error-summary").get_text()
    assert html.select_one("[data-matrix-date]")["data-matrix-date"] == (
        timezone.localdate().isoformat()
    )
    # The downloads offered are today's; one asked for that date is refused with the message.
    links = [parse_qs(urlsplit(a["href"]).query) for a in html.select("[data-downloads] a")]
    assert len(links) == 4 and not any("at" in query for query in links)
    export = member_client.get(f"{MATRIX}export/?format=csv&at={at}")
    assert export.status_code == 400 and message in export.content.decode()
    row = page(member_client.get(row_url("ca2004.manual", f"?at={at}")))
    assert message in row.select_one(".govuk-error-summary").get_text()


def test_download_links_keep_the_filters(member_client, library):
    html = page(member_client.get(MATRIX + "?topic=scrutiny"))
    links = [a["href"] for a in html.select("[data-downloads] a")]
    assert links == [f"{MATRIX}export/?topic=scrutiny&format={fmt}"
                     for fmt in ("json", "csv", "xlsx", "docx")]  # fmt: skip


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("json", "application/json"),
        ("csv", "text/csv; charset=utf-8"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_downloads(member_client, library, fmt, content_type):
    response = member_client.get(f"{MATRIX}export/?format={fmt}&at=2025-06-02")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="compliance-testshire-2025-06-02.{fmt}"'
    )
    assert member_client.get(f"{MATRIX}export/?format=pdf").status_code == 404


def test_outsiders_and_the_public_are_kept_out(client, outsider_client, partnership, library):
    assert outsider_client.get(MATRIX).status_code == 403
    assert outsider_client.get(f"{MATRIX}export/?format=json").status_code == 403
    assert outsider_client.get(row_url("ca2004.manual")).status_code == 403
    response = client.get(MATRIX)
    assert response.status_code == 302 and "sign-in" in response["Location"]


# The requirement page ------------------------------------------------------------------------------


def test_a_member_reads_a_row_without_the_forms(member_client, partnership, library):
    assessment = AssessmentFactory(
        partnership=partnership, requirement=library["manual"], period_start=this_year()
    )
    EvidenceLinkFactory(assessment=assessment, title="Published arrangements")
    html = page(member_client.get(row_url("ca2004.manual")))
    assert html.h1.get_text(strip=True) == library["manual"].citation
    assert html.select_one("[data-level=partnership]").get_text(strip=True) == (
        "Discharged across the partnership."
    )
    assert html.select_one("[data-level=local_authority]").get_text(strip=True) == (
        "Discharged in each area."
    )
    assert html.select_one("[data-links] a").get_text() == "Published arrangements"
    assert not html.select("form[data-form]")
    assert not html.select("[data-links] form")
    assert not html.select("[data-evidence]")  # a manual row reads no records
    assert html.select("[data-history] tbody tr")


def test_unknown_or_other_edition_requirements_are_not_found(member_client, library):
    assert member_client.get(row_url("ca2004.nothing")).status_code == 404
    assert member_client.get(row_url("wt2018.thing")).status_code == 404
    assert member_client.get(row_url("wt2023.gone")).status_code == 404


def test_an_editor_records_an_assessment(editor_client, partnership, library, editor):
    html = page(editor_client.get(row_url("ca2004.manual", "?at=2025-06-02")))
    form = html.select_one("form[data-form=assess]")
    assert form.select_one('input[name="period_start_0"]')["value"] == "1"
    assert form.select_one('input[name="period_start_1"]')["value"] == "4"
    assert form.select_one('input[name="status"]')["value"] == "met"
    assert not html.select_one("form[data-form=evidence]")  # no assessment yet
    response = editor_client.post(
        row_url("ca2004.manual", "?at=2025-06-02"),
        {
            "action": "assess", "expected_version": "0",
            "period_start_0": "1", "period_start_1": "4", "period_start_2": "2025",
            "status": "partly_met",
            "partnership_level": "Through the local partnerships.",
            "local_authority_level": "Each has its own plan.",
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == row_url("ca2004.manual", "?at=2025-06-02")
    assessment = Assessment.objects.get()
    assert (assessment.status, assessment.assessed_by) == ("partly_met", editor)
    html = page(editor_client.get(response["Location"]))
    assert html.select_one("[data-status]")["data-status"] == "partly_met"
    assert html.select_one("form[data-form=evidence]")


def test_form_garbage_shows_the_error_summary_and_saves_nothing(editor_client, library):
    response = editor_client.post(
        row_url("ca2004.manual"),
        {"action": "assess", "period_start_0": "31", "period_start_1": "2",
         "period_start_2": "2025", "status": "brilliant"},
    )  # fmt: skip
    html = page(response)
    summary = html.select_one(".govuk-error-summary")
    assert summary.select_one("h2").get_text(strip=True) == "There is a problem"
    assert len(summary.select("li")) == 2
    assert html.title.get_text().startswith("Error: ")
    assert not Assessment.objects.exists() and not Event.objects.exists()


def test_a_derived_row_takes_narratives_only(editor_client, partnership, library):
    html = page(editor_client.get(row_url("ca2004.scrutiny")))
    form = html.select_one("form[data-form=assess]")
    assert not form.select('input[name="status"]')
    assert "comes from the registry records" in html.select_one(".govuk-inset-text").get_text()
    assert [li.get_text() for li in html.select("[data-evidence] li")] == [
        "Role: Independent scrutineer — Independent Scrutineer (from 1 Apr 2024)"
    ]
    start = this_year()
    response = editor_client.post(
        row_url("ca2004.scrutiny"),
        {"action": "assess", "expected_version": "0",
         "period_start_0": start.day, "period_start_1": start.month,
         "period_start_2": start.year, "status": "not_met",
         "partnership_level": "The scrutineer reports twice a year."},
    )  # fmt: skip
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.status == "not_assessed"  # a posted status is ignored on derived rows
    html = page(editor_client.get(row_url("ca2004.scrutiny")))
    assert html.select_one("[data-status]")["data-status"] == "met"
    assert "The scrutineer reports twice a year." in html.select_one("[data-narratives]").get_text()


def test_an_editor_adds_and_removes_evidence(editor_client, partnership, library):
    start = this_year()
    AssessmentFactory(partnership=partnership, requirement=library["manual"], period_start=start)
    bad = page(editor_client.post(row_url("ca2004.manual"),
                                  {"action": "evidence", "title": "Minutes", "url": "nope"}))  # fmt: skip
    assert "starting https://" in bad.select_one(".govuk-error-summary").get_text()
    assert not EvidenceLink.objects.exists()
    response = editor_client.post(
        row_url("ca2004.manual"),
        {"action": "evidence", "title": "Minutes", "url": "https://example.org/minutes"},
    )
    assert response.status_code == 302
    link = EvidenceLink.objects.get()
    html = page(editor_client.get(row_url("ca2004.manual")))
    remove = html.select_one("[data-links] form")
    assert remove["action"] == f"{MATRIX}evidence/{link.pk}/remove/"
    response = editor_client.post(remove["action"])
    assert response.status_code == 302
    assert not EvidenceLink.objects.exists()


def test_a_member_cannot_post(member_client, partnership, library):
    link = EvidenceLinkFactory(
        assessment=AssessmentFactory(partnership=partnership, requirement=library["manual"])
    )
    response = member_client.post(
        row_url("ca2004.manual"),
        {"action": "assess", "period_start_0": "1", "period_start_1": "4",
         "period_start_2": "2025", "status": "met"},
    )  # fmt: skip
    assert response.status_code == 403
    assert member_client.post(f"{MATRIX}evidence/{link.pk}/remove/").status_code == 403
    assert Assessment.objects.get().status == "met" and EvidenceLink.objects.exists()


def test_a_provision_awaiting_commencement_is_shown_but_not_counted(member_client, library):
    # Children's Wellbeing and Schools Act 2026 s.3 inserts CA2004 s.16EA, commencing by
    # regulations not yet confirmed: the matrix shows it, marked, and counts and derives nothing.
    RequirementFactory(
        id="ca2004.s16ea.child-protection-teams",
        framework=library["manual"].framework,
        derivation="scrutineer_appointed",
        commencement="awaiting_regulations",
    )
    html = page(member_client.get(MATRIX + "?at=2025-06-02"))
    counts = {li["data-status"]: li.select_one("[data-count]").get_text()
              for li in html.select("[data-summary] li")}  # fmt: skip
    assert counts == {"met": "1", "partly_met": "0", "not_met": "0", "not_applicable": "0",
                      "not_assessed": "3"}  # fmt: skip
    row = html.select_one('tr[data-requirement="ca2004.s16ea.child-protection-teams"]')
    assert row["data-status"] == "awaiting_regulations"
    assert row.select(".govuk-tag")[1].get_text() == "Not yet in force"
    assert "commencement by regulations, not yet confirmed" in row.get_text()
    detail = page(member_client.get(row_url("ca2004.s16ea.child-protection-teams")))
    assert "by regulations, not yet confirmed" in detail.select_one("#commencement").get_text()

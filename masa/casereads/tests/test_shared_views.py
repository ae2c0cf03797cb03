"""Every shared view, role by role: case references, children and dates appear only to those who
may read case records; everyone else sees counts, and the outsider gets 403."""

from __future__ import annotations

import io
import zipfile

import pytest
from bs4 import BeautifulSoup

from masa.accounts.models import Role

from .conftest import AT, CASE_READERS, CASE_WORDS, EVERYONE, NOT_CASE_READERS, OUTSIDER

pytestmark = pytest.mark.django_db
BASE = "/partnerships/testshire"


def text_of(response) -> str:
    """The visible text of a page, or every part of a download (Word and Excel are zips)."""
    if response["Content-Type"].startswith("text/html"):
        return BeautifulSoup(response.content, "html.parser").get_text(" ")
    if response.content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(response.content)) as parts:
            return " ".join(
                parts.read(name).decode("utf-8", "replace") for name in parts.namelist()
            )
    return response.content.decode()


def named_cases(text: str) -> list[str]:
    return [word for word in CASE_WORDS if word in text]


def expected(role: str) -> int:
    # A reviewer is no member of the partnership: only the review they are appointed to opens.
    return 403 if role in (OUTSIDER, Role.REVIEWER) else 200


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("path", ["/history/", "/"])
def test_history_and_overview_list_case_events_only_for_case_readers(client_for, cases, role, path):
    response = client_for(role).get(BASE + path)
    assert response.status_code == expected(role)
    if expected(role) == 403:
        return
    page = BeautifulSoup(response.content, "html.parser")
    events = page.select_one("[data-events]").get_text(" ")
    hidden = page.select_one("[data-hidden-case-events]")
    if role in CASE_READERS:
        assert "SIN-2025-001" in events and "Child T" in events
        assert hidden is None
    else:
        assert named_cases(text_of(response)) == []
        assert "Added the priority Early help" in events  # the partnership's other events stay
        assert hidden.get_text(" ", strip=True) == (
            "Not listed: 1 notification event, 4 practice review events and 1 review "
            "recommendation event. Only the partnership's case roles see events about case records."
        )


@pytest.mark.parametrize("role", EVERYONE)
def test_the_matrix_names_cases_only_for_case_readers(client_for, cases, role):
    response = client_for(role).get(f"{BASE}/compliance/?at={AT}")
    assert response.status_code == expected(role)
    if expected(role) == 403:
        return
    row = BeautifulSoup(response.content, "html.parser").select_one(
        "tr[data-requirement='wt.notify-panel']"
    )
    reasons = row.select("td")[-1].get_text("|", strip=True).split("|")
    assert row["data-status"] == "not_met"  # the status is the same for everyone
    counted = "0 of 1 notification due in 2025–26 sent to the Panel within 5 working days"
    assert reasons[0].startswith(counted)
    if role in CASE_READERS:
        assert reasons[1] == "Late: SIN-2025-001 (due Tue 30 Dec 2025, sent Wed 31 Dec 2025)."
    else:
        assert reasons[1:] == ["1 late."]
        assert named_cases(text_of(response)) == []
        assert "31 Dec 2025" not in text_of(response)


@pytest.mark.parametrize("role", EVERYONE)
def test_the_matrix_row_page_shows_the_records_read_only_to_case_readers(client_for, cases, role):
    response = client_for(role).get(f"{BASE}/compliance/wt.notify-panel/?at={AT}")
    assert response.status_code == expected(role)
    if expected(role) == 403:
        return
    page = BeautifulSoup(response.content, "html.parser")
    evidence = page.select_one("[data-evidence]").get_text(" ", strip=True)
    if role in CASE_READERS:
        assert "SIN-2025-001" in evidence and "Wed 31 Dec 2025" in evidence
    else:
        assert evidence == (
            "1 case record read: their details are shown only to the partnership's case roles."
        )
        assert named_cases(text_of(response)) == []


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx", "docx"])
def test_matrix_downloads_follow_the_viewers_role(client_for, cases, role, fmt):
    response = client_for(role).get(f"{BASE}/compliance/export/?format={fmt}&at={AT}")
    assert response.status_code == expected(role)
    if expected(role) == 403:
        return
    text = text_of(response)
    assert "wt.notify-panel" in text or fmt == "docx"
    if role in CASE_READERS:
        assert "SIN-2025-001" in text or fmt == "docx"  # the Word table has no reasons column
    else:
        assert named_cases(text) == []


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize(
    "path",
    ["/incidents/", "/incidents/{incident}/", "/reviews/", "/clocks/", "/incidents/export.csv"],
)
def test_case_pages_are_for_case_readers_only(client_for, cases, role, path):
    response = client_for(role).get(BASE + path.format(incident=cases["incident"].pk))
    assert response.status_code == (200 if role in CASE_READERS else 403)
    if role in CASE_READERS:
        assert named_cases(text_of(response))


@pytest.mark.parametrize("role", EVERYONE)
def test_a_practice_review_is_open_to_case_readers_and_its_own_reviewer_only(
    client_for, cases, role
):
    response = client_for(role).get(f"{BASE}/reviews/practice/{cases['review'].pk}/")
    assert response.status_code == (200 if role in [*CASE_READERS, Role.REVIEWER] else 403)
    if role == Role.REVIEWER:  # their review, without the case timeline
        assert not BeautifulSoup(response.content, "html.parser").select("[data-events] li")


@pytest.mark.parametrize("role", NOT_CASE_READERS)
def test_the_records_nav_offers_no_case_pages_to_others(client_for, cases, role):
    page = BeautifulSoup(client_for(role).get(f"{BASE}/history/").content, "html.parser")
    links = [a["href"] for a in page.select("nav[aria-label='Partnership records'] a")]
    assert not [h for h in links if "/incidents/" in h or "/reviews/" in h or "/clocks/" in h]


@pytest.mark.parametrize("role", EVERYONE)
@pytest.mark.parametrize("path", ["/actions/recommendations/", "/actions/recommendations/{r}/"])
def test_a_recommendation_names_its_review_only_to_case_readers(client_for, cases, role, path):
    response = client_for(role).get(BASE + path.format(r=cases["recommendation"].pk))
    assert response.status_code == expected(role)
    if expected(role) == 403:
        return
    text = text_of(response)
    assert "R-1" in text
    if role in CASE_READERS:
        assert "LCSPR-2026-01: Child T" in text
    else:
        assert named_cases(text) == []
        assert "A practice or rapid review (its reference is shown only" in text

"""The rapid review submission pack, re-opened with python-docx: its headings, the reg 11 table,
children only by pseudonymous reference, and who may download it."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document

from masa.accounts.models import Role
from masa.casereads.models import CaseRead
from masa.incidents.tests.factories import IncidentChildFactory

from .factories import rapid_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership, manager):
    review = rapid_to("panel_responded", partnership, manager)
    IncidentChildFactory(incident=review.incident, pseudonymous_ref="TS-25-0042-B", age_years=3)
    return review


def pack_url(review) -> str:
    return reverse("reviews:rapid-pack", args=[review.partnership.slug, review.pk])


def test_the_pack_has_the_headings_tables_and_no_more_than_the_reference(
    manager_client, review, partnership
):
    response = manager_client.get(pack_url(review))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    doc = Document(io.BytesIO(response.content))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [
        f"Rapid review: {review.incident.reference}",
        "Notification",
        "Clocks",
        "The rapid review",
        "Facts",
        "Immediate safety actions",
        "Learning identified",
        "Criteria for a local review (SI 2018/789 reg 11)",
        "Decision",
        "The Panel",
    ]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert partnership.name in text and "Fictional facts" in text
    notification, clocks, criteria, decision, panel = doc.tables
    rows = {r.cells[0].text: r.cells[1].text for r in notification.rows}
    assert rows["Notified to the Panel"] == "Fri 19 Dec 2025"
    assert rows["Children"] == "TS-25-0042-B"
    assert [r.cells[0].text for r in criteria.rows] == ["Criterion", "(a)", "(b)", "(c)", "(d)"]
    assert all(r.cells[2].text == "Yes" for r in criteria.rows[1:])
    assert [c.text for c in clocks.rows[0].cells] == ["Clock", "Due", "Status", "Explanation"]
    assert "rapid review sent to the Panel" in [r.cells[0].text for r in clocks.rows]
    assert all(r.cells[3].text for r in clocks.rows[1:])  # every clock explains itself
    assert decision.rows[1].cells[1].text == "Local child safeguarding practice review"
    assert decision.rows[3].cells[1].text == "Learning likely"
    assert panel.rows[3].cells[1].text == "Agreed"
    read = CaseRead.objects.get()
    assert (read.channel, read.record_ids, read.what) == (
        "export",
        [review.pk],
        f"rapid review {review.incident.reference} (pack.docx)",
    )


def test_children_appear_only_by_reference(manager_client, review):
    doc = Document(io.BytesIO(manager_client.get(pack_url(review)).content))
    everything = "\n".join(
        [p.text for p in doc.paragraphs]
        + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )
    assert "TS-25-0042-B" in everything
    # Neither the child's age or sex nor the notification's free-text summary travels in the pack.
    assert "Age" not in everything and "Not known" not in everything
    assert review.incident.summary not in everything


@pytest.mark.parametrize(("role", "status"), [(Role.SCRUTINEER, 200), (Role.CHAIR, 200)])
def test_case_readers_download(client_as, review, role, status):
    assert client_as(role).get(pack_url(review)).status_code == status


@pytest.mark.parametrize("role", [Role.VIEWER, Role.AGENCY_CONTACT, Role.REVIEWER])
def test_others_may_not(client_as, review, role):
    assert client_as(role).get(pack_url(review)).status_code == 403


def test_an_unknown_review_is_404(manager_client, partnership):
    response = manager_client.get(f"/partnerships/{partnership.slug}/reviews/rapid/999/pack.docx")
    assert response.status_code == 404

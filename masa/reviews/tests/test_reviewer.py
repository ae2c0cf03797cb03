"""The appointed reviewer's work: their reviews on the home page with stage and next deadline, the
rapid review their review came from (read only), checkpoints recorded on their own review only and
only while appointed, draft and final reports uploaded as PDF or Word (checked by content, size
limited, kept privately as versions, read only through a view that checks access), and their own
deadlines on the review page."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from masa.accounts.models import Role
from masa.incidents.tests.conftest import user_with
from masa.reviews import services
from masa.reviews.models import PracticeReview, ReportUpload, ReviewCheckpoint
from masa.reviews.services.practice import practice_review_initiate
from masa.timeline.models import Event

from .factories import TODAY, practice_to, rapid_to

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Fictional draft report")
    document.save(buffer)
    return buffer.getvalue()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def url(name, partnership, *args):
    return reverse(f"reviews:{name}", args=[partnership.slug, *args])


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


@pytest.fixture
def reviewer(partnership):
    return user_with(partnership, Role.REVIEWER, "reviewer")


@pytest.fixture
def own(partnership, manager, reviewer):
    """In progress (initiated Mon 12 Jan 2026), from a rapid review that decided on it."""
    rapid = rapid_to("decided", partnership, manager)
    review = practice_to("in_progress", partnership, manager, user=reviewer)
    review.rapid_review = rapid
    review.save()
    return review


@pytest.fixture
def other(partnership, manager):
    return practice_to("in_progress", partnership, manager)


def test_home_lists_the_reviewers_reviews_with_stage_and_next_deadline(
    partnership, manager, reviewer, own, other
):
    page = soup(signed_in(reviewer).get("/"))
    items = page.select("[data-your-reviews] [data-your-review]")
    assert [i["data-your-review"] for i in items] == [str(own.pk)]
    item = items[0]
    assert item.a["href"] == url("practice-detail", partnership, own.pk)
    assert item.select_one("[data-stage]").get_text(strip=True) == "In progress"
    # nothing held: the first checkpoint (6 weeks from 12 Jan 2026) is the soonest open deadline
    deadline = item.select_one("[data-next-deadline]").get_text(" ", strip=True)
    assert "Progress and quality checkpoint 1, Monday 23 February 2026" in deadline
    # a reviewer is no member of the partnership: no partnership list is offered
    assert page.find("a", string="Your partnerships") is None
    # a partnership role sees no "Your reviews" of their own
    assert signed_in(manager).get("/").content.count(b"data-your-review=") == 0


def test_the_reviewer_reads_the_rapid_review_their_review_came_from(
    partnership, manager, reviewer, own
):
    client = signed_in(reviewer)
    source = own.rapid_review
    page = client.get(url("rapid-detail", partnership, source.pk))
    assert page.status_code == 200
    html = soup(page)
    assert html.select("[data-actions]") == [] and html.select("[data-history]") == []
    assert not html.find(
        "a", href=reverse("incidents:detail", args=[partnership.slug, source.incident.pk])
    )
    assert not html.find("a", href=url("rapid-pack", partnership, source.pk))
    assert client.get(url("rapid-pack", partnership, source.pk)).status_code == 403
    assert client.get(url("rapid-step", partnership, source.pk, "send")).status_code == 403
    unrelated = rapid_to("open", partnership, manager)
    assert client.get(url("rapid-detail", partnership, unrelated.pk)).status_code == 403
    # the link from their review to its source works for them
    detail = soup(client.get(url("practice-detail", partnership, own.pk)))
    assert detail.find("a", href=url("rapid-detail", partnership, source.pk))


def test_the_reviewer_records_a_checkpoint_on_their_own_review_only(
    partnership, reviewer, own, other
):
    client = signed_in(reviewer)
    detail = url("practice-detail", partnership, own.pk)
    step = url("practice-step", partnership, own.pk, "checkpoint")
    assert soup(client.get(detail)).find("a", href=step)
    held = timezone.localdate()
    answer = {
        "held_on_0": str(held.day), "held_on_1": str(held.month), "held_on_2": str(held.year),
        "progress_satisfactory": "yes", "quality_satisfactory": "no",
        "note": "Interviews with three agencies done; chronology still awaited.",
    }  # fmt: skip
    assert client.post(step, answer).status_code == 302
    checkpoint = ReviewCheckpoint.objects.get(review=own)
    assert checkpoint.held_on == held and checkpoint.quality_satisfactory is False
    event = Event.objects.get(verb="practice_review.checkpoint", subject_id=str(own.pk))
    assert event.actor == reviewer
    # the page shows it, and the next checkpoint as a clock with its due date
    page = soup(client.get(detail))
    assert "chronology still awaited" in page.select_one("[data-checkpoints]").get_text()
    rows = page.select("[data-clocks] [data-rule='si2018-789.reg14.monitor-time-quality']")
    assert len(rows) == 2 and "Mon 6 Apr 2026" in rows[-1].get_text()
    # a WT2023 partnership that has not opted in to the 6-month local default runs no such clock
    assert not page.select_one("[data-clocks] [data-rule='wt2018.lcspr-complete']")
    # not on another review, not the partnership's steps, and garbage changes nothing
    assert (
        client.post(url("practice-step", partnership, other.pk, "checkpoint"), answer).status_code
        == 403
    )
    assert client.post(url("practice-step", partnership, own.pk, "report"), {}).status_code == 404
    assert client.post(url("practice-step", partnership, own.pk, "appoint"), {}).status_code == 404
    assert client.post(step, {**answer, "held_on_0": "31", "held_on_1": "2"}).status_code == 200
    assert ReviewCheckpoint.objects.filter(review=own).count() == 1


def test_a_removed_reviewer_can_do_nothing(partnership, manager, reviewer, own):
    services.reviewer_remove(
        appointment=own.appointments.get(), by=manager, removed_on=date(2026, 3, 1),
        reason="Conflict of interest", today=TODAY,
    )  # fmt: skip
    client = signed_in(reviewer)
    for page in (
        url("practice-detail", partnership, own.pk),
        url("practice-step", partnership, own.pk, "checkpoint"),
        url("report-upload", partnership, own.pk),
        url("rapid-detail", partnership, own.rapid_review.pk),
    ):
        assert client.get(page).status_code == 403, page
    assert client.post(url("report-upload", partnership, own.pk), {}).status_code == 403
    assert b"data-your-review=" not in client.get("/").content


def _upload(client, partnership, review, kind, name, content):
    return client.post(
        url("report-upload", partnership, review.pk),
        {"kind": kind, "upload": SimpleUploadedFile(name, content)},
    )


def test_uploads_are_versions_stored_privately_and_served_only_with_access(
    partnership, manager, reviewer, own, other, client_as
):
    client = signed_in(reviewer)
    form = soup(client.get(url("report-upload", partnership, own.pk))).select_one("main form")
    assert form["enctype"] == "multipart/form-data" and form.select_one("input[type=file]")
    assert _upload(client, partnership, own, "draft", "draft.pdf", PDF).status_code == 302
    assert (
        _upload(client, partnership, own, "draft", "draft v2.docx", docx_bytes()).status_code == 302
    )
    assert (
        _upload(client, partnership, own, "final", "final.pdf", PDF + b"final").status_code == 302
    )
    rows = list(ReportUpload.objects.filter(review=own).order_by("kind", "version"))
    assert [(r.kind, r.version) for r in rows] == [("draft", 1), ("draft", 2), ("final", 1)]
    first = rows[0]
    # kept under the default storage's private folder, outside the static files, not overwritten
    stored = Path(settings.MEDIA_ROOT) / first.file.name
    assert first.file.name.startswith(f"private/reviews/{own.pk}/") and stored.read_bytes() == PDF
    assert Path(settings.STATIC_ROOT) not in stored.parents
    assert first.original_name == "draft.pdf" and first.content_type == "application/pdf"
    assert rows[1].content_type.endswith("wordprocessingml.document")
    assert first.history.count() == 1
    events = Event.objects.filter(verb="practice_review.report_uploaded", subject_id=str(own.pk))
    assert events.count() == 3 and "draft report" in events.last().message
    # the review page lists every version with a link through the access-checking view
    page = soup(client.get(url("practice-detail", partnership, own.pk)))
    assert [r["data-upload"] for r in page.select("[data-uploads] [data-upload]")] == [
        "draft-2", "draft-1", "final-1",
    ]  # fmt: skip
    download = url("report-download", partnership, own.pk, first.pk)
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="draft.pdf"'
    # the business manager sees the uploads too; others do not, nor another review's reviewer
    assert signed_in(manager).get(download).status_code == 200
    assert client_as(Role.AGENCY_CONTACT).get(download).status_code == 403
    assert client_as(Role.VIEWER).get(download).status_code == 403
    stranger = user_with(partnership, Role.REVIEWER, "another-reviewer")
    services.reviewer_appoint(review=other, by=manager, name="Another", user=stranger,
                              appointed_on=date(2026, 2, 1), today=TODAY)  # fmt: skip
    assert signed_in(stranger).get(download).status_code == 403
    # a file of one review is not reached through another review's address
    assert (
        signed_in(manager).get(url("report-download", partnership, other.pk, first.pk)).status_code
        == 404
    )
    # no public address serves the file
    assert Client().get("/" + first.file.name).status_code == 404
    assert Client().get(settings.MEDIA_URL + first.file.name).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("draft.pdf", b"\x89PNG\r\n\x1a\n not a pdf", "must be a PDF or a Word document"),
        ("draft.docx", b"PK\x03\x04 not really a zip", "must be a PDF or a Word document"),
        ("draft.exe", PDF, "must be a PDF or a Word document"),
        ("draft.txt", b"plain words", "must be a PDF or a Word document"),
        ("empty.pdf", b"", "The selected file is empty"),
        ("big.pdf", PDF + b"x" * (1024 * 1024), "smaller than 1 MB"),
    ],
)
@override_settings(MASA_UPLOAD_MAX_MB=1)
def test_a_refused_upload_says_why_and_stores_nothing(
    partnership, reviewer, own, name, content, message
):
    response = _upload(signed_in(reviewer), partnership, own, "draft", name, content)
    assert response.status_code == 200
    summary = soup(response).select_one(".govuk-error-summary")
    assert summary is not None and message in summary.get_text()
    assert not ReportUpload.objects.exists()
    assert not Event.objects.filter(verb="practice_review.report_uploaded").exists()
    folder = Path(settings.MEDIA_ROOT) / "private" / "reviews" / str(own.pk)
    assert not folder.exists() or not any(folder.iterdir())


def test_no_file_and_no_kind_are_named(partnership, reviewer, own):
    response = signed_in(reviewer).post(url("report-upload", partnership, own.pk), {})
    assert response.status_code == 200
    text = soup(response).select_one(".govuk-error-summary").get_text()
    assert "Select the draft or final report" in text
    assert "Select a PDF or Word file to upload" in text


def test_uploads_stop_at_publication(partnership, manager, reviewer):
    review = practice_to("published", partnership, manager, user=reviewer)
    client = signed_in(reviewer)
    assert client.get(url("report-upload", partnership, review.pk)).status_code == 404
    page = soup(client.get(url("practice-detail", partnership, review.pk)))
    assert page.select("[data-upload-link]") == []


def test_a_new_review_of_the_reviewer_has_no_deadline_yet_only_when_not_under_way(
    partnership, manager, reviewer
):
    review = practice_review_initiate(
        partnership=partnership, by=manager, title="Child Q", initiated_on=date(2026, 1, 12),
        today=TODAY,
    )  # fmt: skip
    assert isinstance(review, PracticeReview)
    services.practice_review_agree_tor(
        review=review, by=manager, terms_of_reference="Fictional", agreed_on=date(2026, 1, 20),
        today=TODAY,
    )  # fmt: skip
    services.reviewer_appoint(review=review, by=manager, name="R", user=reviewer,
                              appointed_on=date(2026, 1, 26), today=TODAY)  # fmt: skip
    item = soup(signed_in(reviewer).get("/")).select_one("[data-your-review]")
    assert item.select_one("[data-stage]").get_text(strip=True) == "Reviewer appointed"
    assert "Next deadline" in item.select_one("[data-next-deadline]").get_text()

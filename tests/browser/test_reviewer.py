"""The commissioned reviewer's day in a real browser, at desktop width and at a 390 px phone width:
sign in, go from the home page to their practice review, see its deadlines, record a progress and
quality checkpoint, upload a draft report as a PDF, and be refused the partnership's compliance
matrix. Every page on the way has no serious or critical axe-core violations.
"""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from masa.accounts.demo import DEMO_PASSWORD, demo_users_create
from masa.geography.services import geography_load
from masa.incidents.demo import demo_load as incidents_demo_load
from masa.partnerships.demo import demo_load as partnerships_demo_load
from masa.reviews.demo import demo_load as reviews_demo_load
from masa.reviews.demo import demo_reviewer_appoint
from masa.reviews.models import PracticeReview, ReportUpload, ReviewCheckpoint
from masa.statute.services import statute_sync

from .conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

HOME = re.compile(r"^https?://[^/]+/$")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def demo():
    statute_sync()
    geography_load()
    partnerships_demo_load()
    incidents_demo_load()
    reviews_demo_load()
    demo_users_create()
    assert demo_reviewer_appoint().startswith("reviewer appointed to")
    return PracticeReview.objects.get(appointments__user__username="reviewer")


@pytest.mark.parametrize("width", list(WIDTHS))
def test_reviewer_reaches_their_review_records_a_checkpoint_and_uploads_a_draft(
    browser, live_server, demo, width
):
    review = demo
    context = browser.new_context(base_url=live_server.url, viewport=WIDTHS[width])
    page = context.new_page()
    page.set_default_timeout(15_000)
    failures: dict[str, list] = {}

    def check() -> None:
        violations = axe_violations(page)
        if violations:
            failures[page.url] = violations
        # nothing scrolls sideways, at the phone's width too
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > WIDTHS[width]["width"]:
            failures[page.url + " width"] = [wide]

    try:
        sign_in(page, "reviewer", DEMO_PASSWORD)
        page.wait_for_url(HOME)
        mine = page.locator("[data-your-reviews] [data-your-review]")
        assert mine.count() == 1
        assert mine.locator("[data-stage]").inner_text() == "In progress"
        assert "Next deadline" in mine.locator("[data-next-deadline]").inner_text()
        check()

        # home → the review, with its own deadlines: the checkpoints (northshire works to WT2023
        # and has not taken the 6-month period as a local default, so no six-month clock runs)
        mine.get_by_role("link", name=re.compile(review.reference)).click()
        page.wait_for_url(re.compile(rf"/reviews/practice/{review.pk}/$"))
        assert page.locator("[data-clocks] [data-rule='wt2018.lcspr-complete']").count() == 0
        checkpoint_rows = page.locator(
            "[data-clocks] [data-rule='si2018-789.reg14.monitor-time-quality']"
        )
        assert checkpoint_rows.count() >= 1
        explanation = checkpoint_rows.first.locator("[data-explanation]")
        assert explanation.is_visible() and "Checkpoint 1, due" in explanation.inner_text()
        check()

        # a progress and quality checkpoint
        page.get_by_role(
            "link", name=re.compile("Record a progress and quality checkpoint")
        ).click()
        page.wait_for_load_state()
        check()
        today = timezone.localdate()
        form = page.locator("main form[method=post]")
        for part, number in enumerate((today.day, today.month, today.year)):
            form.locator(f"[name='held_on_{part}']").fill(str(number))
        form.locator("[name='progress_satisfactory'][value='yes']").check()
        form.locator("[name='quality_satisfactory'][value='yes']").check()
        form.locator("[name='note']").fill(f"Agency interviews done ({width}).")
        form.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(rf"/reviews/practice/{review.pk}/$"))
        assert (
            f"Agency interviews done ({width})." in page.locator("[data-checkpoints]").inner_text()
        )
        assert ReviewCheckpoint.objects.filter(review=review, held_on=today).exists()
        check()

        # the draft report, as a PDF
        page.get_by_role("link", name="Upload a draft or final report").click()
        page.wait_for_load_state()
        check()
        form = page.locator("main form[method=post]")
        form.locator("[name='kind'][value='draft']").check()
        form.locator("[name='upload']").set_input_files(
            {"name": f"draft-{width}.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        form.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(rf"/reviews/practice/{review.pk}/$"))
        assert page.locator(".govuk-error-summary").count() == 0
        uploads = page.locator("[data-uploads]")
        assert f"draft-{width}.pdf" in uploads.inner_text()
        assert ReportUpload.objects.filter(
            review=review, original_name=f"draft-{width}.pdf"
        ).exists()
        with page.expect_download() as download:
            uploads.get_by_role("link", name=re.compile(f"draft-{width}.pdf")).click()
        assert download.value.suggested_filename == f"draft-{width}.pdf"
        check()

        # the partnership's compliance matrix is not the reviewer's
        response = page.goto("/partnerships/northshire/compliance/")
        assert response is not None and response.status == 403
        assert page.get_by_role("heading", level=1).inner_text() == (
            "You do not have access to this page"
        )
        check()
    finally:
        context.close()
    assert failures == {}

"""Draft → sign → publish in a real browser: the business manager writes the missing section, the
three lead safeguarding partners each sign, the business manager publishes. The version page has
no serious or critical axe-core violations (WCAG 2.2 A/AA rules) before and after."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from masa.accounts.models import Role
from masa.documents.models import DocumentVersion
from masa.partnerships.models import StatutoryPartner
from masa.partnerships.tests.factories import MembershipFactory, UserFactory, complete_partnership
from masa.statute.services import statute_sync

from .conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "browser-test-password"


def _user(partnership, username, role, **kwargs):
    user = UserFactory(username=username, job_title=username.replace("-", " ").capitalize())
    user.set_password(PASSWORD)
    user.save()
    MembershipFactory(user=user, partnership=partnership, role=role, **kwargs)
    return user


@pytest.fixture
def people():
    statute_sync()
    partnership = complete_partnership(
        name="Browsershire Safeguarding Partnership", slug="browsershire"
    )
    _user(partnership, "manager", Role.BUSINESS_MANAGER)
    leads = []
    for partner in StatutoryPartner.objects.filter(partnership=partnership):
        username = f"lead-{partner.partner_type.replace('_', '-')}"
        _user(partnership, username, Role.LEAD_PARTNER, organisation=partner.organisation)
        leads.append((username, partner.get_partner_type_display()))
    return leads


def _as(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, username, PASSWORD)
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))  # the home page
    return context, page


def test_draft_sign_by_three_lead_partners_and_publish(page, browser, live_server, people):
    sign_in(page, "manager", PASSWORD)
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))  # the home page
    page.goto("/partnerships/browsershire/")
    page.get_by_role("link", name="Documents", exact=True).click()
    page.get_by_role("link", name="Start the published arrangements").click()
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_url(re.compile(r"/documents/\d+/versions/1/$"))
    version_url = page.url
    # The practice reviews section is a missing "must" item: signing is blocked until it is written.
    assert page.locator("[data-blocking]").is_visible()
    assert page.locator("[data-sign]").count() == 0
    assert axe_violations(page) == []

    page.get_by_role("link", name="Write the text of Child safeguarding practice reviews").click()
    page.get_by_label("Text").fill(
        "The partners commission a **local child safeguarding practice review** when the rapid "
        "review finds that one could bring learning. <script>alert(1)</script>"
    )
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/versions/1/#section-reviews$"))
    assert page.locator("[data-blocking]").count() == 0
    assert page.locator("[data-preview] strong", has_text="local child safeguarding").count() == 1

    for username, partner in people:
        context, lead = _as(browser, live_server, username)
        lead.goto(version_url)
        lead.get_by_role("link", name="Sign this version").click()
        lead.get_by_label(partner).check()
        lead.get_by_role("button", name="Sign", exact=True).click()
        lead.wait_for_url(version_url)
        assert lead.locator("tr[data-signature=valid]", has_text=partner).count() == 1
        context.close()

    page.goto(version_url)
    assert page.locator("tr[data-signature=valid]").count() == 3
    page.get_by_role("link", name="Publish this version").click()
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_url(version_url)
    assert page.locator("[data-frozen]").is_visible()
    assert page.locator("[data-status=published]").first.is_visible()
    assert page.locator("[data-edit]").count() == 0
    assert axe_violations(page) == []
    version = DocumentVersion.objects.get()
    assert version.status == "published" and version.snapshot["status"] == "published"

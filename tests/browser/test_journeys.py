"""The main journeys in a real browser, with axe-core on every page they pass through.

A business manager signs in, walks the partnership's structure, the compliance matrix, the statute
browser and the coverage view, and adds a priority (first with a mistake, then correctly). Every page
must have no serious or critical axe-core violations (WCAG 2.2 A/AA rules).
"""

from __future__ import annotations

import re

import pytest

from masa.accounts.demo import DEMO_PASSWORD, demo_users_create
from masa.compliance.demo import demo_load as compliance_demo_load
from masa.geography.services import geography_load
from masa.incidents.demo import demo_load as incidents_demo_load
from masa.partnerships.demo import demo_load as partnerships_demo_load
from masa.partnerships.models import Priority
from masa.statute.services import statute_sync

from .conftest import axe_violations, sign_in

HOME = re.compile(r"^https?://[^/]+/$")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    statute_sync()
    geography_load()
    partnerships_demo_load()
    compliance_demo_load()
    incidents_demo_load()
    demo_users_create()


def _check(page, failures: dict[str, list]) -> None:
    violations = axe_violations(page)
    if violations:
        failures[page.url] = violations


def test_business_manager_walks_the_partnership_and_every_page_passes_axe(page, demo):
    failures: dict[str, list] = {}
    sign_in(page, "business-manager", DEMO_PASSWORD)
    page.get_by_role("heading", name="Home", level=1).wait_for()  # signing in lands on home
    _check(page, failures)
    page.get_by_role("link", name="Your partnerships").click()
    page.wait_for_url(re.compile(r"/partnerships/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Your partnerships"
    _check(page, failures)

    page.get_by_role("link", name=re.compile("Northshire")).first.click()
    page.wait_for_url(re.compile(r"/partnerships/northshire/$"))
    assert "Northshire" in page.get_by_role("heading", level=1).inner_text()
    _check(page, failures)

    records = page.get_by_role("complementary").or_(page.locator("nav"))
    for link in (
        "Areas covered",
        "Safeguarding partners",
        "People and roles",
        "Relevant agencies",
        "Boards and groups",
        "Priorities",
        "History",
    ):
        page.goto("/partnerships/northshire/")
        records.get_by_role("link", name=link, exact=True).first.click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).count() == 1, link
        _check(page, failures)

    page.goto("/partnerships/northshire/")
    page.get_by_role("link", name="Compliance matrix", exact=True).first.click()
    page.wait_for_url(re.compile(r"/compliance/"))
    assert page.get_by_role("heading", name="Compliance matrix").is_visible()
    _check(page, failures)

    page.goto("/partnerships/bhr/compliance/")
    assert page.get_by_text("Partly met").first.is_visible()
    _check(page, failures)
    page.locator("table a[href*='/compliance/']").first.click()
    page.wait_for_load_state()
    _check(page, failures)

    page.goto("/statute/")
    assert page.get_by_role("heading", name="Statutory duties").is_visible()
    _check(page, failures)
    page.locator("main table a[href^='/statute/']").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("Citation").first.is_visible()
    _check(page, failures)
    page.goto("/statute/content-lists/")
    _check(page, failures)

    page.goto("/coverage/")
    assert page.get_by_role("heading", name="Coverage of England").is_visible()
    _check(page, failures)

    page.goto("/partnerships/northshire/")
    page.get_by_role("link", name="Serious incident notifications").click()
    page.wait_for_url(re.compile(r"/incidents/$"))
    _check(page, failures)
    page.locator("main table a[href*='/incidents/']").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("working days from").first.is_visible()
    _check(page, failures)
    page.goto("/partnerships/northshire/")
    page.get_by_role("link", name="Statutory clocks").click()
    page.wait_for_url(re.compile(r"/clocks/$"))
    _check(page, failures)

    assert failures == {}, failures


def test_adding_a_priority_shows_errors_then_saves(page, demo):
    failures: dict[str, list] = {}
    sign_in(page, "business-manager", DEMO_PASSWORD)
    page.get_by_role("heading", name="Home", level=1).wait_for()
    before = Priority.objects.filter(partnership__slug="northshire").count()

    page.goto("/partnerships/northshire/priorities/add/")
    page.get_by_role("button", name=re.compile("^(Add|Save)")).click()
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Enter the priority" in summary.inner_text()
    _check(page, failures)
    assert Priority.objects.filter(partnership__slug="northshire").count() == before

    page.get_by_label("Priority", exact=True).fill("Children missing from education")
    page.locator("input[name$='start_0']").fill("1")
    page.locator("input[name$='start_1']").fill("4")
    page.locator("input[name$='start_2']").fill("2026")
    page.get_by_role("button", name=re.compile("^(Add|Save)")).click()
    page.wait_for_url(re.compile(r"/partnerships/northshire/priorities/$"))
    assert page.get_by_text("Children missing from education").first.is_visible()
    _check(page, failures)
    assert Priority.objects.filter(partnership__slug="northshire").count() == before + 1
    assert failures == {}, failures


def test_public_pages_need_no_sign_in_and_pass_axe(page, demo):
    failures: dict[str, list] = {}
    for path in (
        "/",
        "/statute/",
        "/statute/relevant-agencies/",
        "/coverage/",
        "/account/sign-in/",
        "/accessibility/",
    ):
        page.goto(path)
        assert page.get_by_role("heading", level=1).count() == 1, path
        _check(page, failures)
    page.goto("/partnerships/northshire/")
    assert "/account/sign-in/" in page.url
    assert failures == {}, failures

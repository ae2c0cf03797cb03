"""Every kind of signed-in page on a 390 px wide phone screen, with the whole demo loaded: nothing
makes the page scroll sideways (WCAG 1.4.10 reflow: wide tables scroll inside their own labelled,
focusable region), and axe-core finds no serious or critical violation. The public index of
published documents is checked the same way, signed out."""

from __future__ import annotations

from importlib import import_module

import pytest

from masa.accounts.demo import DEMO_PASSWORD, demo_users_create
from masa.actions.models import Action, Recommendation
from masa.core.management.commands.demo import LOADERS
from masa.documents.models import Document, DocumentKind
from masa.incidents.models import SeriousIncident
from masa.reviews.models import PracticeReview, RapidReview

from .conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
SLUG = "northshire"
P = f"/partnerships/{SLUG}/"


@pytest.fixture
def demo():
    from django.apps import apps

    import_module("masa.actions.migrations.0002_seed_themes").seed(apps, None)
    for module, function, _ in LOADERS:
        getattr(import_module(module), function)()
    demo_users_create()


def signed_in_pages() -> list[str]:
    """One page of each kind a business manager uses, found in the demo data."""
    incident = SeriousIncident.objects.filter(partnership__slug=SLUG).order_by("pk").first()
    rapid = RapidReview.objects.filter(partnership__slug=SLUG).order_by("pk").first()
    practice = PracticeReview.objects.filter(partnership__slug=SLUG).order_by("pk").first()
    action = Action.objects.filter(partnership__slug=SLUG).order_by("pk").first()
    recommendation = Recommendation.objects.filter(partnership__slug=SLUG).order_by("pk").first()
    report = Document.objects.filter(
        partnership__slug=SLUG, kind=DocumentKind.YEARLY_REPORT
    ).order_by("-period_start").first()  # fmt: skip
    version = report.versions.order_by("-number").first()
    assert incident and rapid and practice and action and recommendation and version
    return [
        "/partnerships/",
        P,
        f"{P}areas/",
        f"{P}partners/",
        f"{P}people/",
        f"{P}agencies/",
        f"{P}boards/",
        f"{P}priorities/",
        f"{P}priorities/add/",
        f"{P}history/",
        f"{P}compliance/",
        f"{P}compliance/ca2004.s16e.make-arrangements/",
        "/partnerships/bhr/compliance/",
        f"{P}incidents/",
        f"{P}incidents/{incident.pk}/",
        f"{P}incidents/{incident.pk}/history/",
        f"{P}reviews/",
        f"{P}reviews/rapid/{rapid.pk}/",
        f"{P}reviews/practice/{practice.pk}/",
        f"{P}clocks/",
        f"{P}clocks/reminders/",
        f"{P}api-tokens/",
        f"{P}actions/",
        f"{P}actions/{action.pk}/",
        f"{P}actions/themes/",
        f"{P}actions/recommendations/",
        f"{P}actions/recommendations/{recommendation.pk}/",
        f"{P}documents/",
        f"{P}documents/{report.pk}/",
        f"{P}documents/{report.pk}/versions/{version.number}/",
        f"{P}documents/dispatch/",
        "/statute/",
        "/statute/ca2004.s16e.make-arrangements/",
        "/statute/content-lists/",
        "/coverage/",
    ]


def _measure(page, failures: dict[str, object]) -> None:
    assert page.get_by_role("heading", level=1).count() == 1, page.url
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if wide > 0:
        failures[page.url] = f"scrolls sideways by {wide} px"
    violations = axe_violations(page)
    if violations:
        failures[page.url] = violations


def test_every_signed_in_page_fits_a_phone_screen_and_passes_axe(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(30_000)
    failures: dict[str, object] = {}
    sign_in(page, "business-manager", DEMO_PASSWORD)
    page.wait_for_load_state()
    pages = signed_in_pages()
    for path in pages:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        _measure(page, failures)

    # A wide table scrolls inside its region, which a keyboard user can reach and scroll.
    page.goto(f"{P}actions/")
    region = page.locator("main [role=region][aria-label='Actions']")
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector(\"main [role=region][aria-label='Actions']\").scrollLeft > 0"
    )
    context.close()
    assert failures == {}, failures


def test_the_public_index_of_published_documents_fits_a_phone_screen(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(30_000)
    failures: dict[str, object] = {}
    page.goto("/")
    page.get_by_role(
        "link", name="Read partnerships' published arrangements and yearly reports"
    ).click()
    page.wait_for_url("**/published/")
    _measure(page, failures)
    page.get_by_role("link", name="Yearly report 2024-25").first.click()
    page.wait_for_load_state()
    _measure(page, failures)
    json_link = page.get_by_role("link", name="The report as machine-readable data (JSON)")
    assert json_link.get_attribute("href").endswith("/yearly-report/2024-25/report.json")
    context.close()
    assert failures == {}, failures

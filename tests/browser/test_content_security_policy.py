"""Pages in a real browser under the site's Content-Security-Policy: nothing on them is refused.

Chromium reports every refusal twice: a `securitypolicyviolation` event in the page (recorded here by
a script Playwright installs, which the policy does not govern) and an error in the console. The
pages' own scripts must still run: GOV.UK Frontend marks the body and starts its components.
"""

from __future__ import annotations

import re
from importlib import import_module

import pytest

from masa.accounts.demo import DEMO_PASSWORD, demo_users_create
from masa.core.management.commands.demo import LOADERS

from .conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@pytest.fixture
def demo():
    from django.apps import apps

    # The learning themes come from a data migration that an earlier transactional test's flush
    # removes: seed them again as the migration does.
    import_module("masa.actions.migrations.0002_seed_themes").seed(apps, None)
    for module, function, _ in LOADERS:
        getattr(import_module(module), function)()
    demo_users_create()


@pytest.fixture
def watched(page):
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)
    return page, console


def refusals(page, console: list[str]) -> list[str]:
    page.wait_for_load_state("load")
    return [*page.evaluate("window.__violations"), *console]


def test_pages_of_several_apps_load_with_nothing_refused(watched, demo):
    page, console = watched
    failures: dict[str, list[str]] = {}
    paths = [
        "/",
        "/statute/",
        "/coverage/",
        "/published/northshire/yearly-report/2024-25/",
        "/published/northshire/yearly-report/2024-25/history/",
    ]
    for path in paths:
        page.goto(path)
        if found := refusals(page, console):
            failures[path] = found
        console.clear()
    sign_in(page, "business-manager", DEMO_PASSWORD)
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))  # signing in lands on the home page
    for path in [
        "/partnerships/",
        "/partnerships/northshire/",
        "/partnerships/northshire/compliance/",
        "/partnerships/northshire/actions/",
        "/partnerships/northshire/incidents/",
        "/partnerships/northshire/clocks/",
    ]:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        if found := refusals(page, console):
            failures[path] = found
        console.clear()
    assert failures == {}
    # The scripts loaded from files did run under the policy.
    classes = page.evaluate("document.body.className")
    assert "js-enabled" in classes and "govuk-frontend-supported" in classes


def test_the_chart_is_drawn_in_its_colours_without_style_attributes(watched, demo):
    page, console = watched
    page.goto("/published/northshire/yearly-report/2024-25/")
    bar = page.locator("figure.masa-document__chart svg [fill='#1d70b8']").first
    assert bar.evaluate("e => getComputedStyle(e).fill") == "rgb(29, 112, 184)"
    assert refusals(page, console) == []


def test_an_inline_script_would_be_refused_and_seen(watched, demo):
    page, console = watched
    page.goto("/statute/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.ran = true"; document.body.append(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.ran") is None
    assert any(line.startswith("script-src") for line in refusals(page, console))

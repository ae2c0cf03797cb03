"""Links follow the roles: the business manager finds the reminder settings and API tokens from the
partnership's pages, and no role is shown a link that ends in "You do not have access"."""

import pytest
from bs4 import BeautifulSoup

from masa.accounts.models import Role
from masa.accounts.tests.people import member_of, signed_in
from masa.compliance.tests.factories import RequirementFactory

from .factories import complete_partnership

pytestmark = pytest.mark.django_db

SLUG = "gapshire"
BASE = f"/partnerships/{SLUG}/"
REMINDERS = f"{BASE}clocks/reminders/"
TOKENS = f"{BASE}api-tokens/"
CASE_ROLES = {
    Role.BUSINESS_MANAGER, Role.LEAD_PARTNER, Role.DELEGATED_PARTNER, Role.CHAIR, Role.SCRUTINEER
}  # fmt: skip
# A reviewer is no member of the partnership: every page here refuses them (tests/test_reviewer_access.py).
MEMBER_ROLES = [role for role in Role.values if role != Role.REVIEWER]


@pytest.fixture
def partnership(db):
    """A partnership whose records have a gap: no independent scrutineer."""
    partnership = complete_partnership(slug=SLUG, scrutineer=False)
    RequirementFactory(id="ca2004.scrutiny", topic="scrutiny", derivation="scrutineer_appointed")
    return partnership


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def _settings_links(html):
    return [a["href"] for a in html.select("[data-settings] a")]


@pytest.mark.parametrize("role", MEMBER_ROLES)
def test_reminders_and_api_tokens_are_linked_for_the_business_manager_only(partnership, role):
    client = signed_in(member_of(partnership, "someone", role))
    manager = role == Role.BUSINESS_MANAGER
    overview = _html(client, BASE)
    assert _settings_links(overview) == ([REMINDERS, TOKENS] if manager else [])
    if role in CASE_ROLES:
        for page in ("clocks/", "incidents/"):
            links = _settings_links(_html(client, BASE + page))
            assert (REMINDERS in links, TOKENS in links) == (
                (manager and page == "clocks/", manager)
            ), page
    for url in (REMINDERS, TOKENS):
        assert client.get(url).status_code == (200 if manager else 403)


@pytest.mark.parametrize("role", MEMBER_ROLES)
def test_a_gap_is_a_link_to_fix_it_only_for_those_who_may_fix_it(partnership, role):
    client = signed_in(member_of(partnership, "someone", role))
    finding = _html(client, BASE).select_one('[data-findings] [data-code="scrutineer_missing"]')
    link = finding.select_one("a")
    if role == Role.BUSINESS_MANAGER:
        assert link["href"] == f"{BASE}people/add/?role=scrutineer"
        assert "govuk-task-list__item--with-link" in finding["class"]
    else:
        assert link is None
        assert "No independent scrutineer" in finding.select_one("[data-finding-text]").get_text()


@pytest.mark.parametrize("role", MEMBER_ROLES)
def test_no_link_on_the_partnership_and_matrix_pages_leads_to_a_refusal(partnership, role):
    client = signed_in(member_of(partnership, "someone", role))
    pages = [BASE, f"{BASE}compliance/", f"{BASE}compliance/ca2004.scrutiny/"]
    if role in CASE_ROLES:
        pages += [f"{BASE}clocks/", f"{BASE}incidents/"]
    refused = []
    for page in pages:
        for a in _html(client, page).select("main a[href^='/partnerships/']"):
            if client.get(a["href"]).status_code == 403:
                refused.append((page, a["href"]))
    assert refused == []

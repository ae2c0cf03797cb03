"""Every page of a partnership names it: the title in GOV.UK order ("Page – Partnership – MASA",
"Error: " first when a form has errors) and the caption above the h1."""

import pytest
from bs4 import BeautifulSoup

from masa.accounts.models import Role
from masa.accounts.tests.people import member_of, signed_in

from .factories import complete_partnership

pytestmark = pytest.mark.django_db

NAME = "Titleshire Safeguarding Children Partnership"
BASE = "/partnerships/titleshire/"


@pytest.fixture
def client(db):
    partnership = complete_partnership(name=NAME, slug="titleshire")
    return signed_in(member_of(partnership, "manager", Role.BUSINESS_MANAGER))


def _html(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("history/", "History"),
        ("people/", "People and roles"),
        ("priorities/add/", "Add a priority"),
        ("compliance/", "Compliance matrix"),
        ("incidents/", "Serious incident notifications"),
        ("incidents/add/", "Record a serious incident notification"),
        ("reviews/", "Reviews"),
        ("clocks/", "Statutory clocks"),
        ("clocks/reminders/", "Clock reminders"),
        ("api-tokens/", "API tokens"),
        ("actions/", "Actions"),
        ("documents/", "Published arrangements and yearly reports"),
        ("documents/dispatch/", "Publication clocks and dispatches"),
    ],
)
def test_the_title_and_caption_name_the_partnership(client, path, page):
    html = _html(client.get(BASE + path))
    assert html.title.get_text(strip=True) == f"{page} – {NAME} – MASA"
    assert html.select_one("main .govuk-caption-l").get_text(" ", strip=True).startswith(NAME)
    assert html.h1.get_text(strip=True) == page


def test_the_overview_is_named_once(client):
    html = _html(client.get(BASE))
    assert html.title.get_text(strip=True) == f"{NAME} – MASA"
    assert html.h1.get_text(strip=True) == NAME


@pytest.mark.parametrize(
    ("path", "data", "page"),
    [
        ("priorities/add/", {}, "Add a priority"),
        ("clocks/reminders/", {"lead_days": "soon"}, "Clock reminders"),
        ("api-tokens/", {"name": ""}, "API tokens"),
    ],
)
def test_a_form_with_errors_says_so_first(client, path, data, page):
    html = _html(client.post(BASE + path, data))
    assert html.select_one(".govuk-error-summary")
    assert html.title.get_text(strip=True) == f"Error: {page} – {NAME} – MASA"


def test_pages_without_a_partnership_keep_their_own_title(client):
    assert _html(client.get("/statute/")).title.get_text(strip=True) == "Statutory duties – MASA"
    assert _html(client.get("/partnerships/")).title.get_text(strip=True) == (
        "Your partnerships – MASA"
    )

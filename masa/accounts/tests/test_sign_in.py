import pytest
from bs4 import BeautifulSoup

from masa.accounts.models import Membership, Role, User
from masa.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_sign_in_page_uses_govuk_form(client):
    soup = _soup(client.get("/account/sign-in/"))
    assert soup.select_one("h1").get_text(strip=True) == "Sign in"
    assert soup.select_one("input#id_username.govuk-input")
    assert soup.select_one("input#id_password[type=password]")


def test_wrong_password_shows_error_summary_and_stays_signed_out(client):
    User.objects.create_user("bm", password="right-password-123")
    response = client.post("/account/sign-in/", {"username": "bm", "password": "wrong"})
    assert response.status_code == 200
    summary = _soup(response).select_one(".govuk-error-summary")
    assert "Enter a correct username and password" in summary.get_text()
    assert "_auth_user_id" not in client.session


def test_empty_form_names_each_missing_field(client):
    response = client.post("/account/sign-in/", {})
    links = [a.get_text(strip=True) for a in _soup(response).select(".govuk-error-summary a")]
    assert links == ["Enter your username", "Enter your password"]


def test_sign_in_then_sign_out(client):
    User.objects.create_user("bm", password="right-password-123")
    response = client.post(
        "/account/sign-in/", {"username": "bm", "password": "right-password-123"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    response = client.post("/account/sign-out/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_user_sees_only_their_partnerships():
    from masa.accounts.selectors import can_edit, can_view, partnerships_visible_to

    mine = Partnership.objects.create(name="Mine", slug="mine")
    child = Partnership.objects.create(name="Child of mine", slug="child", parent=mine)
    other = Partnership.objects.create(name="Other", slug="other")
    user = User.objects.create_user("viewer", password="x")
    Membership.objects.create(user=user, partnership=mine, role=Role.VIEWER)
    assert set(partnerships_visible_to(user)) == {mine, child}
    assert can_view(user, child) and not can_view(user, other)
    assert not can_edit(user, mine)
    assert user.has_perm("partnerships.view_partnership", mine)
    assert not user.has_perm("partnerships.view_partnership", other)
    Membership.objects.create(user=user, partnership=mine, role=Role.BUSINESS_MANAGER)
    assert can_edit(user, mine) and user.has_perm("partnerships.change_partnership", mine)


def test_staff_see_every_partnership():
    from masa.accounts.selectors import partnerships_visible_to

    Partnership.objects.create(name="A", slug="a")
    Partnership.objects.create(name="B", slug="b")
    operator = User.objects.create_user("op", password="x", is_staff=True)
    assert partnerships_visible_to(operator).count() == 2


def test_unknown_page_is_a_govuk_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert _soup(response).select_one("h1").get_text(strip=True) == "Page not found"

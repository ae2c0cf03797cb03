"""The sign-in log: what it records, that nobody can change it in the admin, and the page where
operators read it."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from masa.accounts.models import Role, SignInEvent, User
from masa.accounts.tests.people import member_of
from masa.partnerships.tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db

PASSWORD = "right-password-123"


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def operator(db):
    return User.objects.create_user("op", password=PASSWORD, is_staff=True, is_superuser=True)


@pytest.fixture
def operator_client(operator):
    client = Client()
    client.force_login(operator)
    return client


def test_sign_in_failure_and_sign_out_are_recorded_with_address_and_browser(db):
    user = User.objects.create_user("bm", password=PASSWORD)
    client = Client(HTTP_USER_AGENT="Test browser 1.0", REMOTE_ADDR="192.0.2.10")
    client.post("/account/sign-in/", {"username": "bm", "password": "wrong"})
    client.post("/account/sign-in/", {"username": "bm", "password": PASSWORD})
    client.post("/account/sign-out/")
    events = list(SignInEvent.objects.order_by("id"))
    assert [e.kind for e in events] == ["failed", "signed_in", "signed_out"]
    failed, signed_in, signed_out = events
    assert failed.username == "bm" and failed.user is None
    assert signed_in.user == user and signed_out.user == user
    assert {e.address for e in events} == {"192.0.2.10"}
    assert {e.user_agent for e in events} == {"Test browser 1.0"}


def test_the_admin_shows_the_log_and_cannot_change_it(operator_client, operator):
    event = SignInEvent.objects.create(kind="failed", username="someone", at="2026-01-01T09:00Z")
    listing = operator_client.get("/operators/admin/accounts/signinevent/")
    assert listing.status_code == 200 and "someone" in listing.content.decode()
    assert operator_client.get("/operators/admin/accounts/signinevent/add/").status_code == 403
    change = operator_client.post(
        f"/operators/admin/accounts/signinevent/{event.pk}/change/", {"username": "edited"}
    )
    assert change.status_code == 403
    delete = operator_client.post(
        f"/operators/admin/accounts/signinevent/{event.pk}/delete/", {"post": "yes"}
    )
    assert delete.status_code == 403
    bulk = operator_client.post(
        "/operators/admin/accounts/signinevent/",
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )
    assert bulk.status_code in {200, 302}
    event.refresh_from_db()
    assert event.username == "someone"


def test_operators_read_the_log_on_a_page(operator_client):
    for name in ("alice", "bob"):
        Client().post("/account/sign-in/", {"username": name, "password": "x"})
    page = _soup(operator_client.get("/account/sign-in-log/"))
    assert page.select_one("h1").get_text(strip=True) == "Sign-in log"
    rows = [r.get_text(" ", strip=True) for r in page.select("tbody tr")]
    assert any("Sign-in failed" in r and "alice" in r for r in rows)
    assert any("bob" in r for r in rows)
    only = _soup(operator_client.get("/account/sign-in-log/", {"kind": "signed_in"}))
    assert not any("alice" in r.get_text() for r in only.select("tbody tr"))


@pytest.mark.parametrize("query", [{"page": "x"}, {"page": "99999"}, {"kind": "\x00"}])
def test_the_log_page_takes_bad_parameters_calmly(operator_client, query):
    assert operator_client.get("/account/sign-in-log/", query).status_code == 200


def test_members_cannot_read_the_log(db):
    member = member_of(PartnershipFactory(), "bm", Role.BUSINESS_MANAGER)
    client = Client()
    client.force_login(member)
    assert client.get("/account/sign-in-log/").status_code == 403
    assert Client().get("/account/sign-in-log/").status_code == 302

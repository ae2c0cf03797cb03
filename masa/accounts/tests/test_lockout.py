"""Repeated failed sign-ins lock out the username and the address (django-axes), with a GOV.UK page
that says when to try again; the address behind a load balancer is believed only when configured."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import Client, RequestFactory
from django.utils import timezone

from masa.accounts.addresses import client_ip
from masa.accounts.models import SignInEvent, User

pytestmark = pytest.mark.django_db

PASSWORD = "right-password-123"


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _post(client, username, password, address="203.0.113.5", **headers):
    return client.post(
        "/account/sign-in/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


@pytest.fixture
def person(db):
    return User.objects.create_user("bm", password=PASSWORD)


def test_five_wrong_passwords_lock_the_username_even_with_the_right_one(client, person, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(4):
        assert _post(client, "bm", "wrong").status_code == 200
    locked = _post(client, "bm", "wrong")
    assert locked.status_code == 429
    soup = _soup(locked)
    assert soup.select_one("h1").get_text(strip=True) == "You cannot sign in for now"
    expected = timezone.localtime(timezone.now() + timedelta(minutes=15))
    assert f"Try again after {expected:%-I:%M}" in soup.get_text(" ", strip=True)
    # The right password from another address is refused too: the username is locked.
    refused = _post(Client(), "bm", PASSWORD, address="198.51.100.7")
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    kinds = list(SignInEvent.objects.values_list("kind", flat=True))
    assert kinds.count(SignInEvent.Kind.FAILED) >= 5
    assert SignInEvent.Kind.LOCKED_OUT in kinds


def test_one_address_trying_many_usernames_is_locked_out(client, person, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for name in ("alice", "bob"):
        assert _post(client, name, "guess").status_code == 200
    assert _post(client, "carol", "guess").status_code == 429
    # Even the real user's right password, from that address, waits.
    assert _post(Client(), "bm", PASSWORD).status_code == 429
    # From anywhere else they sign in.
    assert _post(Client(), "bm", PASSWORD, address="198.51.100.7").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, person, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    _post(client, "bm", "wrong")
    assert _post(client, "bm", "wrong").status_code == 429
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _post(client, "bm", PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, person, settings):
    settings.AXES_FAILURE_LIMIT = 3
    _post(client, "bm", "wrong")
    _post(client, "bm", "wrong")
    assert _post(client, "bm", PASSWORD).status_code == 302
    client.post("/account/sign-out/")
    _post(client, "bm", "wrong")
    _post(client, "bm", "wrong")
    assert _post(client, "bm", PASSWORD).status_code == 302


def test_the_forwarded_address_counts_only_behind_a_configured_proxy(person, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.MASA_PROXY_COUNT = 0
    # Without a proxy, a forged header cannot spread the attempts over many addresses.
    client = Client()
    _post(client, "x1", "guess", address="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")
    response = _post(client, "x2", "guess", address="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert response.status_code == 429
    assert set(SignInEvent.objects.values_list("address", flat=True)) == {"10.0.0.1"}


def test_behind_one_proxy_each_client_is_counted_apart(person, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.MASA_PROXY_COUNT = 1
    balancer = "10.0.0.1"
    client = Client()
    _post(client, "x1", "guess", address=balancer, HTTP_X_FORWARDED_FOR="192.0.2.1")
    locked = _post(client, "x2", "guess", address=balancer, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert locked.status_code == 429
    # Another client behind the same balancer is not locked out by the first one.
    other = _post(client, "bm", PASSWORD, address=balancer, HTTP_X_FORWARDED_FOR="192.0.2.9")
    assert other.status_code == 302
    assert SignInEvent.objects.filter(address="192.0.2.1").count() >= 2


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.1"),
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),  # a forged left part is ignored
        (2, "6.6.6.6, 192.0.2.1, 10.9.9.9", "192.0.2.1"),
        (1, "not-an-address", "10.0.0.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_client_ip(settings, proxies, forwarded, expected):
    settings.MASA_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected

"""Password reset by email, end to end with the locmem mail backend. The request page never
says whether an address has an account."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from masa.accounts.models import SignInEvent, User

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-2026"


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def person(db):
    return User.objects.create_user("bm", email="bm@example.org", password="old-password-123")


def test_the_sign_in_page_links_to_password_reset(client):
    link = _soup(client.get("/account/sign-in/")).find("a", string="Forgotten your password?")
    assert link["href"] == "/account/password-reset/"


def test_reset_by_email_end_to_end(client, person):
    page = _soup(client.get("/account/password-reset/"))
    assert page.select_one("h1").get_text(strip=True) == "Reset your password"
    response = client.post("/account/password-reset/", {"email": "BM@example.org"})
    assert response.status_code == 302 and response["Location"] == "/account/password-reset/sent/"
    assert _soup(client.get(response["Location"])).select_one("h1").get_text() == "Check your email"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["bm@example.org"] and message.subject == "Reset your MASA password"
    link = re.search(r"http://testserver(/account/password-reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert _soup(form_page).select_one("h1").get_text(strip=True) == "Choose a new password"
    set_url = form_page.redirect_chain[-1][0]
    mismatch = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": "other"})
    assert (
        "The two passwords do not match"
        in _soup(mismatch).select_one(".govuk-error-summary").get_text()
    )
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/account/password-reset/done/"
    assert "Your password has been changed" in client.get(done["Location"]).content.decode()

    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    # The link works once.
    used = _soup(Client().get(link, follow=True))
    assert used.select_one("h1").get_text(strip=True) == "The link has expired"
    kinds = list(SignInEvent.objects.values_list("kind", flat=True))
    assert SignInEvent.Kind.PASSWORD_RESET_REQUESTED in kinds
    assert SignInEvent.Kind.PASSWORD_RESET_DONE in kinds


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, person):
    known = client.post("/account/password-reset/", {"email": "bm@example.org"})
    unknown = Client().post("/account/password-reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_a_switched_off_account_gets_no_email(client, person):
    person.is_active = False
    person.save()
    client.post("/account/password-reset/", {"email": "bm@example.org"})
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your email address"),
        ("not-an-address", "Enter an email address in the correct format"),
        ("x" * 300 + "@example.org", "Email address must be 254 characters or fewer"),
    ],
)
def test_bad_addresses_get_a_clear_message(client, person, email, message):
    response = client.post("/account/password-reset/", {"email": email})
    assert response.status_code == 200
    assert message in _soup(response).select_one(".govuk-error-summary").get_text()
    assert mail.outbox == []


def test_a_made_up_link_says_it_has_expired(client):
    response = client.get("/account/password-reset/MQ/made-up-token/", follow=True)
    assert response.status_code == 200
    assert _soup(response).select_one("h1").get_text(strip=True) == "The link has expired"


def test_a_weak_new_password_is_refused(client, person):
    client.post("/account/password-reset/", {"email": "bm@example.org"})
    link = re.search(r"http://testserver(/\S+/)", mail.outbox[0].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "short", "new_password2": "short"})
    assert response.status_code == 200
    assert _soup(response).select_one(".govuk-error-summary")
    person.refresh_from_db()
    assert person.check_password("old-password-123")

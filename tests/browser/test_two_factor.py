"""Two-factor sign-in in a real browser: a business manager sets up an authenticator app from the
key shown under the QR code, keeps the backup codes, signs out, and signs in again with a code.
The codes are computed as the app would, with django-otp's TOTP from the key on the page."""

from __future__ import annotations

import base64
import re

import pytest
from django_otp.oath import totp

from masa.accounts.models import Role
from masa.accounts.tests.people import member_of
from masa.partnerships.tests.factories import PartnershipFactory

from .conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "browser-test-password-1"


def _code(key: str, *, steps_ahead: int = 0) -> str:
    return f"{totp(base64.b32decode(key.replace(' ', '')), drift=steps_ahead):06d}"


def test_set_up_an_authenticator_app_and_sign_in_with_a_code(page, settings):
    settings.MASA_TWO_FACTOR_REQUIRED = True
    page.set_default_timeout(60_000)  # the shared test machine can be slow to serve
    user = member_of(
        PartnershipFactory(name="Testshire", slug="testshire"), "bm", Role.BUSINESS_MANAGER
    )
    user.set_password(PASSWORD)
    user.save()

    sign_in(page, "bm", PASSWORD)
    page.wait_for_url(re.compile(r"/account/two-factor/set-up/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Set up your authenticator app"
    assert page.get_by_role("img", name="QR code to scan").is_visible()
    assert axe_violations(page) == []

    page.get_by_text("I cannot scan the QR code").click()
    key = page.locator("#setup-key").inner_text()
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    assert "Enter the 6-digit code" in page.locator(".govuk-error-summary").inner_text()

    page.get_by_label("Code from your authenticator app").fill(_code(key))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/account/two-factor/backup-codes/"))
    assert page.locator("#backup-codes li").count() == 10
    assert axe_violations(page) == []
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))  # the home page

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/account/signed-out/"))

    sign_in(page, "bm", PASSWORD)
    page.wait_for_url(re.compile(r"/account/two-factor/verify/"))
    assert axe_violations(page) == []
    # A code is accepted once: the next 30-second step's code, as the app would show shortly.
    page.get_by_label("Code").fill(_code(key, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Home"
    page.get_by_role("link", name="Two-factor").click()
    assert "Set up" in page.locator(".govuk-summary-list").inner_text()


def test_password_reset_and_lockout_pages_pass_axe(page, settings):
    settings.AXES_FAILURE_LIMIT = 2
    page.set_default_timeout(60_000)  # the shared test machine can be slow to serve
    page.goto("/account/sign-in/")
    page.get_by_role("link", name="Forgotten your password?").click()
    page.get_by_role("button", name="Send the link").click()
    assert "Enter your email address" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_role("button", name="Send the link").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    assert axe_violations(page) == []

    for _ in range(2):
        sign_in(page, "nobody", "wrong-password")
    assert page.get_by_role("heading", level=1).inner_text() == "You cannot sign in for now"
    assert "Try again after" in page.locator("main").inner_text()
    assert axe_violations(page) == []

"""Two-factor sign-in: setting up an authenticator app, backup codes shown once, the code step
after the password, and who must use it (MASA_TWO_FACTOR_REQUIRED)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from masa.accounts.models import Role, SignInEvent, User
from masa.accounts.tests.people import member_of, password_signed_in
from masa.accounts.tests.two_factor import authenticator_for, code_for
from masa.partnerships.tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db

PASSWORD = "right-password-123"
SET_UP = "/account/two-factor/set-up/"
VERIFY = "/account/two-factor/verify/"


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def partnership(db):
    return PartnershipFactory(slug="testshire")


def _person(partnership, username, role):
    user = member_of(partnership, username, role)
    user.set_password(PASSWORD)
    user.save()
    return user


def _pages(slug):
    return [
        "/partnerships/",
        f"/partnerships/{slug}/",
        f"/partnerships/{slug}/incidents/",
        "/account/two-factor/",
    ]


@pytest.fixture
def required(settings):
    settings.MASA_TWO_FACTOR_REQUIRED = True


# Setting up -----------------------------------------------------------------------------------


def test_set_up_shows_an_inline_qr_code_and_the_key_then_confirms_with_a_code(partnership):
    user = _person(partnership, "bm", Role.BUSINESS_MANAGER)
    client = password_signed_in(Client(), "bm", PASSWORD)
    page = _soup(client.get(SET_UP))
    svg = page.select_one(".masa-qr-code svg")
    assert svg is not None and svg["role"] == "img"
    # Nothing a strict Content-Security-Policy would block: no script, no image from elsewhere.
    assert not page.select("main script") and not page.select("main img")
    key = page.select_one("#setup-key").get_text(strip=True)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert re.fullmatch(r"[A-Z2-7 ]+", key)
    import base64

    assert base64.b32decode(key.replace(" ", "")) == device.bin_key

    response = client.post(SET_UP, {"code": code_for(device)})
    assert response.status_code == 302
    assert response["Location"].startswith("/account/two-factor/backup-codes/")
    device.refresh_from_db()
    assert device.confirmed
    shown = _soup(client.get(response["Location"]))
    codes = [c.get_text(strip=True) for c in shown.select("#backup-codes code")]
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    )
    # Shown once: the page afterwards says how many are left, not what they are.
    again = _soup(client.get("/account/two-factor/backup-codes/"))
    assert not again.select("#backup-codes")
    assert "You have 10 unused backup codes" in again.get_text(" ", strip=True)
    assert SignInEvent.objects.filter(kind=SignInEvent.Kind.TWO_FACTOR_SET_UP, user=user).exists()


@pytest.mark.parametrize("code", ["000000", "", "12345678901234567890123", "abc def"])
def test_a_wrong_code_at_set_up_changes_nothing(partnership, code):
    user = _person(partnership, "bm", Role.BUSINESS_MANAGER)
    client = password_signed_in(Client(), "bm", PASSWORD)
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": code})
    assert response.status_code == 200
    summary = _soup(response).select_one(".govuk-error-summary")
    assert summary is not None and "code" in summary.get_text()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert not StaticDevice.objects.filter(user=user).exists()


def test_a_password_alone_cannot_replace_an_authenticator_app(partnership):
    user = _person(partnership, "bm", Role.BUSINESS_MANAGER)
    device = authenticator_for(user)
    client = Client()
    client.post("/account/sign-in/", {"username": "bm", "password": PASSWORD})
    response = client.get(SET_UP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=user)) == [device]


# Signing in with a code -----------------------------------------------------------------------


def test_someone_with_an_app_gives_a_code_after_the_password(partnership):
    user = _person(partnership, "viewer", Role.VIEWER)
    device = authenticator_for(user)
    client = Client()
    response = client.post(
        "/account/sign-in/", {"username": "viewer", "password": PASSWORD, "next": "/partnerships/"}
    )
    step = client.get(response["Location"])
    assert step.status_code == 302 and step["Location"].startswith(VERIFY)
    page = _soup(client.get(step["Location"]))
    assert page.select_one("h1").get_text(strip=True) == "Enter your two-factor code"

    wrong = client.post(step["Location"], {"code": "000000"})
    assert wrong.status_code == 200
    assert "The code is not right" in _soup(wrong).select_one(".govuk-error-summary").get_text()
    assert client.get("/partnerships/").status_code == 302

    # django-otp slows down guessing: the device refuses codes for a moment after a failure.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    right = client.post(step["Location"], {"code": code_for(device)})
    assert right.status_code == 302 and right["Location"] == "/partnerships/"
    assert client.get("/partnerships/").status_code == 200
    kinds = set(SignInEvent.objects.filter(user=user).values_list("kind", flat=True))
    assert {SignInEvent.Kind.TWO_FACTOR_FAILED, SignInEvent.Kind.TWO_FACTOR_PASSED} <= kinds


def test_a_backup_code_works_once(partnership):
    user = _person(partnership, "bm", Role.BUSINESS_MANAGER)
    authenticator_for(user)
    from masa.accounts.services import backup_codes_create

    codes = backup_codes_create(user=user)
    client = Client()
    client.post("/account/sign-in/", {"username": "bm", "password": PASSWORD})
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 302
    assert client.get("/partnerships/").status_code == 200
    client.post("/account/sign-out/")

    again = Client()
    again.post("/account/sign-in/", {"username": "bm", "password": PASSWORD})
    assert again.post(VERIFY, {"code": codes[0]}).status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 9


# Who must use it ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role",
    [
        Role.BUSINESS_MANAGER,
        Role.LEAD_PARTNER,
        Role.DELEGATED_PARTNER,
        Role.CHAIR,
        Role.SCRUTINEER,
        Role.REVIEWER,
    ],
)
def test_case_roles_must_set_up_before_any_page(partnership, required, role):
    _person(partnership, "person", role)
    client = password_signed_in(Client(), "person", PASSWORD)
    for path in _pages("testshire"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SET_UP), path
    api = client.get("/api/v1/partnerships/testshire/notifications/")
    assert api.status_code == 403
    assert "two-factor" in api.json()["detail"]
    # The pages that get them through still answer.
    assert client.get(SET_UP).status_code == 200


def test_once_verified_a_case_role_reaches_every_page(partnership, required):
    user = _person(partnership, "bm", Role.BUSINESS_MANAGER)
    device = authenticator_for(user)
    client = password_signed_in(Client(), "bm", PASSWORD)
    assert client.get("/partnerships/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device)})
    for path in _pages("testshire"):
        assert client.get(path).status_code == 200, path
    assert client.get("/api/v1/partnerships/testshire/notifications/").status_code == 200


@pytest.mark.parametrize("role", [Role.VIEWER, Role.AGENCY_CONTACT])
def test_roles_without_case_records_sign_in_with_a_password(partnership, required, role):
    _person(partnership, "person", role)
    client = password_signed_in(Client(), "person", PASSWORD)
    assert client.get("/partnerships/").status_code == 200
    assert client.get("/partnerships/testshire/").status_code == 200


def test_a_role_given_after_sign_in_is_enforced_at_once(partnership, required):
    user = _person(partnership, "person", Role.VIEWER)
    client = password_signed_in(Client(), "person", PASSWORD)
    assert client.get("/partnerships/").status_code == 200
    member_of_role = user.memberships.create(partnership=partnership, role=Role.SCRUTINEER)
    assert member_of_role.pk
    assert client.get("/partnerships/")["Location"].startswith(SET_UP)


def test_operators_give_a_code_before_the_admin(partnership, required):
    operator = User.objects.create_user("op", password=PASSWORD, is_staff=True, is_superuser=True)
    device = authenticator_for(operator)
    client = password_signed_in(Client(), "op", PASSWORD)
    response = client.get("/operators/admin/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get("/operators/admin/").status_code == 200


def test_an_operator_without_an_app_sets_one_up_first(required):
    User.objects.create_user("op", password=PASSWORD, is_staff=True, is_superuser=True)
    client = password_signed_in(Client(), "op", PASSWORD)
    assert client.get("/operators/admin/")["Location"].startswith(SET_UP)


def test_the_admin_sends_anonymous_visitors_to_the_sign_in_page(client):
    response = client.get("/operators/admin/")
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow.status_code == 302
    assert follow["Location"] == "/account/sign-in/?next=%2Foperators%2Fadmin%2F"


def test_the_admin_refuses_members_who_are_not_operators(partnership):
    _person(partnership, "bm", Role.BUSINESS_MANAGER)
    client = password_signed_in(Client(), "bm", PASSWORD)
    response = client.get("/operators/admin/", follow=True)
    assert response.status_code == 403


def test_when_not_required_no_one_is_stopped(partnership):
    _person(partnership, "bm", Role.BUSINESS_MANAGER)
    client = password_signed_in(Client(), "bm", PASSWORD)
    assert client.get("/partnerships/testshire/incidents/").status_code == 200


# Resetting ------------------------------------------------------------------------------------


def test_an_operator_resets_a_lost_phone_from_the_admin(partnership):
    user = _person(partnership, "bm", Role.BUSINESS_MANAGER)
    authenticator_for(user)
    from masa.accounts.services import backup_codes_create

    backup_codes_create(user=user)
    operator = User.objects.create_user("op", password=PASSWORD, is_staff=True, is_superuser=True)
    admin = Client()
    admin.force_login(operator)
    response = admin.post(
        "/operators/admin/accounts/user/",
        {"action": "reset_two_factor", "_selected_action": [user.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    event = SignInEvent.objects.get(kind=SignInEvent.Kind.TWO_FACTOR_RESET)
    assert event.user == user and event.detail == "by op"


def test_operators_cannot_read_anyones_secret_key_in_the_admin(partnership):
    operator = User.objects.create_user("op", password=PASSWORD, is_staff=True, is_superuser=True)
    admin = Client()
    admin.force_login(operator)
    assert admin.get("/operators/admin/otp_totp/totpdevice/").status_code == 404
    assert admin.get("/operators/admin/otp_static/staticdevice/").status_code == 404


# The demonstration says so -------------------------------------------------------------------


def test_the_demonstration_says_two_factor_sign_in_is_off(client, settings):
    settings.MASA_DEMONSTRATION = True
    settings.MASA_TWO_FACTOR_REQUIRED = False
    banner = _soup(client.get("/")).select_one(".govuk-phase-banner")
    assert "Two-factor sign-in is off in this demonstration" in banner.get_text()
    settings.MASA_TWO_FACTOR_REQUIRED = True
    assert _soup(client.get("/")).select_one(".govuk-phase-banner") is None


def test_the_header_links_to_the_two_factor_page(partnership):
    _person(partnership, "viewer", Role.VIEWER)
    client = password_signed_in(Client(), "viewer", PASSWORD)
    nav = _soup(client.get("/partnerships/")).select_one("#navigation")
    assert nav.select_one('a[href="/account/two-factor/"]').get_text(strip=True) == "Two-factor"
    assert nav.select_one("button").get_text(strip=True) == "Sign out"


def test_after_a_reset_the_code_step_leads_to_setting_up_again(partnership, required):
    user = _person(partnership, "bm", Role.BUSINESS_MANAGER)
    authenticator_for(user)
    client = password_signed_in(Client(), "bm", PASSWORD)
    assert client.get("/partnerships/")["Location"].startswith(VERIFY)
    from masa.accounts.services import two_factor_reset

    two_factor_reset(user=user, by=None)
    response = client.get(VERIFY, {"next": "/partnerships/"})
    assert response["Location"] == "/partnerships/"
    assert client.get("/partnerships/")["Location"].startswith(SET_UP)


@pytest.mark.parametrize(
    ("module", "required"),
    [
        ("config.settings.base", True),
        ("config.settings.local", False),
        ("config.settings.test", False),
    ],
)
def test_two_factor_is_required_except_in_the_demonstration_and_the_tests(module, required):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "MASA_TWO_FACTOR_REQUIRED"}
    code = f"import {module} as s; print(s.MASA_TWO_FACTOR_REQUIRED, s.MASA_DEMONSTRATION)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "MASA_SECRET_KEY": "x"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [str(required), str(module.endswith("local"))]

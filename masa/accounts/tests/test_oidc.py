"""Single sign-on with Microsoft Entra ID, driven end to end against a fake OpenID provider on
127.0.0.1: the redirect, the code exchange, the RS256 ID token checked against the JWKS, and the
match by email to an existing account. No network beyond this machine."""

import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from bs4 import BeautifulSoup
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client

from masa.accounts.models import Role, SignInEvent, User
from masa.accounts.tests.people import member_of
from masa.partnerships.tests.factories import PartnershipFactory

from .fake_oidc import FakeProvider

pytestmark = pytest.mark.django_db

START = "/account/sign-in/microsoft/"
BACKEND = "masa.accounts.oidc.MasaOIDCBackend"


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def provider(settings, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with FakeProvider() as fake:
        for name, value in fake.settings().items():
            setattr(settings, name, value)
        settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
        yield fake


@pytest.fixture
def person(db):
    user = member_of(PartnershipFactory(slug="testshire"), "bm", Role.BUSINESS_MANAGER)
    user.email = "BM@Example.org"
    user.save()
    return user


def _sign_in_with_microsoft(client, next_path="/partnerships/"):
    """Follow the code flow: MASA → provider's authorize → back to MASA's callback."""
    start = client.get(START, {"next": next_path})
    assert start.status_code == 302
    location = start["Location"]
    query = parse_qs(urlsplit(location).query)
    assert query["response_type"] == ["code"] and query["code_challenge_method"] == ["S256"]
    authorize = requests.get(location, allow_redirects=False, timeout=5)
    assert authorize.status_code == 302
    callback = urlsplit(authorize.headers["Location"])
    assert callback.netloc == "testserver"
    return client.get(f"{callback.path}?{callback.query}")


def test_sign_in_with_microsoft_reaches_the_existing_account(client, provider, person):
    page = _soup(client.get("/account/sign-in/"))
    button = page.find("a", string="Sign in with Microsoft")
    assert button is not None and button["href"].startswith(START)
    assert urlsplit(client.get(START)["Location"]).netloc == urlsplit(provider.url).netloc

    response = _sign_in_with_microsoft(client)
    assert response.status_code == 302 and response["Location"] == "/partnerships/"
    assert client.session["_auth_user_id"] == str(person.pk)
    assert client.get("/partnerships/").status_code == 200
    event = SignInEvent.objects.get(kind=SignInEvent.Kind.SIGNED_IN)
    assert event.user == person and event.detail == "Microsoft single sign-on"


def _refused(client, response):
    assert response.status_code == 302 and response["Location"] == "/account/sign-in/"
    assert "_auth_user_id" not in client.session
    banner = _soup(client.get("/account/sign-in/")).select_one(".govuk-notification-banner")
    assert "We could not sign you in with Microsoft" in banner.get_text()


def test_no_account_is_created_for_an_unknown_address(client, provider, person):
    provider.claims["email"] = "stranger@example.org"
    _refused(client, _sign_in_with_microsoft(client))
    assert not User.objects.filter(email__iexact="stranger@example.org").exists()
    assert SignInEvent.objects.filter(kind=SignInEvent.Kind.FAILED).exists()


def test_a_switched_off_account_is_refused(client, provider, person):
    person.is_active = False
    person.save()
    _refused(client, _sign_in_with_microsoft(client))


def test_an_address_shared_by_two_accounts_is_refused(client, provider, person):
    User.objects.create_user("bm2", email="bm@example.org")
    _refused(client, _sign_in_with_microsoft(client))


@pytest.mark.parametrize(
    "spoil",
    [
        {"aud": "another-application"},
        {"iss": "https://login.microsoftonline.com/another-tenant/v2.0"},
        {"nonce": "not-the-one-we-sent"},
        {"exp": 1_000_000_000},
    ],
    ids=["audience", "issuer", "nonce", "expired"],
)
def test_a_token_that_is_not_for_us_is_refused(client, provider, person, spoil):
    provider.overrides = spoil
    _refused(client, _sign_in_with_microsoft(client))


def test_a_token_signed_with_another_key_is_refused(client, provider, person):
    provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _refused(client, _sign_in_with_microsoft(client))


def test_a_callback_that_was_not_started_here_is_refused(client, provider, person):
    response = client.get(f"{START}callback/", {"code": "made-up", "state": "made-up"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    client.get(START)  # a state now exists in the session, but not this one
    response = client.get(f"{START}callback/", {"code": "made-up", "state": "other"})
    _refused(client, response)


def test_the_provider_being_down_is_a_clear_refusal(client, provider, person, settings):
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/token"
    _refused(client, _sign_in_with_microsoft(client))


def test_two_factor_after_single_sign_on_follows_the_setting(client, provider, person, settings):
    settings.MASA_TWO_FACTOR_REQUIRED = True
    settings.MASA_OIDC_SATISFIES_TWO_FACTOR = False
    _sign_in_with_microsoft(client)
    assert client.get("/partnerships/")["Location"].startswith("/account/two-factor/set-up/")

    settings.MASA_OIDC_SATISFIES_TWO_FACTOR = True
    other = Client()
    _sign_in_with_microsoft(other)
    assert other.get("/partnerships/").status_code == 200


def test_without_configuration_there_is_no_microsoft_sign_in(client):
    assert _soup(client.get("/account/sign-in/")).find("a", string="Sign in with Microsoft") is None
    assert client.get(START).status_code == 404
    assert client.get(f"{START}callback/", {"code": "x", "state": "y"}).status_code == 404


def _settings_from(env: dict[str, str]) -> dict[str, object]:
    code = (
        "import json, config.settings.base as s; print(json.dumps({k: getattr(s, k, None) "
        "for k in ['OIDC_OP_AUTHORIZATION_ENDPOINT', 'OIDC_OP_TOKEN_ENDPOINT', "
        "'OIDC_OP_JWKS_ENDPOINT', 'OIDC_OP_USER_ENDPOINT', 'MASA_OIDC_ISSUER', "
        "'OIDC_RP_SIGN_ALGO', 'AUTHENTICATION_BACKENDS']}))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MASA_OIDC")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "MASA_SECRET_KEY": "x", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1]}
    import json

    return json.loads(result.stdout)


def test_the_tenant_id_gives_the_entra_endpoints():
    found = _settings_from(
        {"MASA_OIDC_CLIENT_ID": "c", "MASA_OIDC_CLIENT_SECRET": "s", "MASA_OIDC_TENANT_ID": "t1"}
    )
    base = "https://login.microsoftonline.com/t1"
    assert found["OIDC_OP_AUTHORIZATION_ENDPOINT"] == f"{base}/oauth2/v2.0/authorize"
    assert found["OIDC_OP_TOKEN_ENDPOINT"] == f"{base}/oauth2/v2.0/token"
    assert found["OIDC_OP_JWKS_ENDPOINT"] == f"{base}/discovery/v2.0/keys"
    assert found["OIDC_OP_USER_ENDPOINT"] == "https://graph.microsoft.com/oidc/userinfo"
    assert found["MASA_OIDC_ISSUER"] == f"{base}/v2.0"
    assert found["OIDC_RP_SIGN_ALGO"] == "RS256"
    assert BACKEND in found["AUTHENTICATION_BACKENDS"]


def test_without_a_tenant_each_endpoint_is_required():
    found = _settings_from({"MASA_OIDC_CLIENT_ID": "c", "MASA_OIDC_CLIENT_SECRET": "s"})
    assert "MASA_OIDC_AUTHORIZATION_ENDPOINT" in found["error"]
    assert BACKEND not in _settings_from({})["AUTHENTICATION_BACKENDS"]

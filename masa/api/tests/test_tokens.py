"""The API tokens page and `masa api token create`."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command

from masa.accounts.models import Role
from masa.api.models import ApiToken
from masa.api.services import key_hash

pytestmark = pytest.mark.django_db


def page_url(partnership) -> str:
    return f"/partnerships/{partnership.slug}/api-tokens/"


def test_the_manager_creates_a_token_and_sees_its_key_once(partnership, manager_client):
    response = manager_client.post(page_url(partnership), {"name": "Case system"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    key = soup.select_one("[data-new-key] code").get_text()
    token = ApiToken.objects.get()
    assert token.key_hash == key_hash(key) and token.created_by.username == "manager"
    again = BeautifulSoup(manager_client.get(page_url(partnership)).content, "html.parser")
    assert again.select_one("[data-new-key]") is None
    assert key not in again.get_text()
    assert "Case system" in again.select_one("[data-tokens]").get_text()


def test_a_blank_name_shows_the_error_summary(partnership, manager_client):
    soup = BeautifulSoup(
        manager_client.post(page_url(partnership), {"name": ""}).content, "html.parser"
    )
    assert soup.select_one(".govuk-error-summary") is not None
    assert not ApiToken.objects.exists()


def test_the_manager_revokes_a_token(partnership, manager_client):
    manager_client.post(page_url(partnership), {"name": "Case system"})
    token = ApiToken.objects.get()
    response = manager_client.post(f"{page_url(partnership)}{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert manager_client.get(f"{page_url(partnership)}{token.pk}/revoke/").status_code == 405


@pytest.mark.parametrize("role", [Role.CHAIR, Role.SCRUTINEER, Role.VIEWER])
def test_others_may_not_manage_tokens(partnership, client_as, role):
    client = client_as(role)
    assert client.get(page_url(partnership)).status_code == 403
    assert client.post(page_url(partnership), {"name": "Mine"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_the_command_prints_the_key_once(partnership):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "api", "token", "create", partnership.slug, "--name", "LA system", stdout=out, stderr=err
    )
    key = out.getvalue().strip()
    assert ApiToken.objects.get(name="LA system").key_hash == key_hash(key)
    assert "only this once" in err.getvalue()
    with pytest.raises(CommandError, match="No partnership"):
        call_command("api", "token", "create", "nowhere", "--name", "X")

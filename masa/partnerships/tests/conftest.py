from datetime import date

import pytest
from django.test import Client

from masa.accounts.models import Role

from .factories import MembershipFactory, PartnershipFactory, UserFactory, complete_partnership

ON = date(2025, 6, 2)


@pytest.fixture
def on() -> date:
    return ON


@pytest.fixture
def partnership(db):
    return complete_partnership(
        name="Testshire Safeguarding Children Partnership", slug="testshire"
    )


@pytest.fixture
def editor(partnership):
    user = UserFactory(username="manager")
    MembershipFactory(user=user, partnership=partnership, role=Role.BUSINESS_MANAGER)
    return user


@pytest.fixture
def member(partnership):
    user = UserFactory(username="viewer")
    MembershipFactory(user=user, partnership=partnership, role=Role.VIEWER)
    return user


@pytest.fixture
def outsider(db):
    user = UserFactory(username="outsider")
    MembershipFactory(
        user=user, partnership=PartnershipFactory(slug="elsewhere"), role=Role.BUSINESS_MANAGER
    )
    return user


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor) -> Client:
    return _client(editor)


@pytest.fixture
def member_client(member) -> Client:
    return _client(member)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return _client(outsider)

from datetime import date

import pytest
from django.test import Client

from masa.accounts.models import Role
from masa.actions.services import partnership_organisations
from masa.partnerships.tests.factories import (
    MembershipFactory,
    PartnershipFactory,
    UserFactory,
    complete_partnership,
)

from .factories import ActionFactory, RecommendationFactory

TODAY = date(2025, 6, 2)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def partnership(db):
    return complete_partnership(
        name="Testshire Safeguarding Children Partnership", slug="testshire"
    )


@pytest.fixture
def organisations(partnership):
    return list(partnership_organisations(partnership).order_by("name"))


@pytest.fixture
def owner(organisations):
    return organisations[0]


@pytest.fixture
def recommendation(partnership):
    return RecommendationFactory(partnership=partnership)


@pytest.fixture
def action(recommendation, owner):
    return ActionFactory(recommendation=recommendation, owner=owner)


def _member(partnership, username, role, **kwargs):
    user = UserFactory(username=username)
    MembershipFactory(user=user, partnership=partnership, role=role, **kwargs)
    return user


@pytest.fixture
def editor(partnership):
    return _member(partnership, "manager", Role.BUSINESS_MANAGER)


@pytest.fixture
def member(partnership):
    return _member(partnership, "viewer", Role.VIEWER)


@pytest.fixture
def agency_contact(partnership, owner):
    return _member(partnership, "dsl", Role.AGENCY_CONTACT, organisation=owner)


@pytest.fixture
def outsider(db):
    return _member(PartnershipFactory(slug="elsewhere"), "outsider", Role.BUSINESS_MANAGER)


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
def agency_client(agency_contact) -> Client:
    return _client(agency_contact)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return _client(outsider)

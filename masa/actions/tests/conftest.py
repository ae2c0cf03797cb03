from datetime import date

import pytest
from django.test import Client

from masa.accounts.models import Role
from masa.accounts.tests.people import lead_partners_of, member_of, signed_in
from masa.actions.services import partnership_organisations
from masa.partnerships.tests.factories import (
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


@pytest.fixture
def agency_contact(partnership, owner):
    return member_of(partnership, "dsl", Role.AGENCY_CONTACT, organisation=owner)


@pytest.fixture
def agency_client(agency_contact) -> Client:
    return signed_in(agency_contact)


@pytest.fixture
def lead_partners(partnership) -> dict:
    """Sign-off partner word (la, icb, police) → the user who may sign off for it."""
    from masa.actions.services import SIGN_OFF_PARTNER_TYPES

    users = lead_partners_of(partnership)
    return {str(word): users[partner_type] for word, partner_type in SIGN_OFF_PARTNER_TYPES.items()}

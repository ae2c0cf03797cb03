import pytest
from django.test import Client

from masa.accounts.models import Role
from masa.partnerships.tests.factories import (
    MembershipFactory,
    UserFactory,
    complete_partnership,
)


@pytest.fixture
def partnership(db):
    return complete_partnership(
        name="Testshire Safeguarding Children Partnership", slug="testshire"
    )


@pytest.fixture
def la(partnership):
    return partnership.areas.get().local_authority


def user_with(partnership, role: str, username: str = ""):
    user = UserFactory(username=username or role.replace("_", "-"))
    MembershipFactory(user=user, partnership=partnership, role=role)
    return user


@pytest.fixture
def manager(partnership):
    return user_with(partnership, Role.BUSINESS_MANAGER, "manager")


@pytest.fixture
def client_as(partnership):
    def make(role: str) -> Client:
        client = Client()
        client.force_login(user_with(partnership, role))
        return client

    return make


@pytest.fixture
def manager_client(manager) -> Client:
    client = Client()
    client.force_login(manager)
    return client

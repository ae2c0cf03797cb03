"""Project-wide pytest configuration and the people every app's page tests sign in as.

`editor`, `member` and `outsider` stand in relation to the `partnership` fixture of the test's own app
(each app's conftest defines what its partnership holds); pytest resolves it per directory. Models are
imported inside the fixtures: this module loads before Django is set up."""

import pytest


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"


@pytest.fixture
def editor(partnership):
    from masa.accounts.models import Role
    from masa.accounts.tests.people import member_of

    return member_of(partnership, "manager", Role.BUSINESS_MANAGER)


@pytest.fixture
def member(partnership):
    from masa.accounts.models import Role
    from masa.accounts.tests.people import member_of

    return member_of(partnership, "viewer", Role.VIEWER)


@pytest.fixture
def outsider(db):
    from masa.accounts.models import Role
    from masa.accounts.tests.people import member_of
    from masa.partnerships.tests.factories import PartnershipFactory

    return member_of(PartnershipFactory(slug="elsewhere"), "outsider", Role.BUSINESS_MANAGER)


@pytest.fixture
def editor_client(editor):
    from masa.accounts.tests.people import signed_in

    return signed_in(editor)


@pytest.fixture
def member_client(member):
    from masa.accounts.tests.people import signed_in

    return signed_in(member)


@pytest.fixture
def outsider_client(outsider):
    from masa.accounts.tests.people import signed_in

    return signed_in(outsider)


@pytest.fixture
def colleague(partnership):
    """A second business manager, named: the one whose save comes first in concurrent-edit tests."""
    from masa.accounts.models import Role
    from masa.accounts.tests.people import member_of

    user = member_of(partnership, "colleague", Role.BUSINESS_MANAGER)
    user.first_name, user.last_name = "Casey", "Colleague"
    user.save()
    return user


@pytest.fixture
def colleague_client(colleague):
    from masa.accounts.tests.people import signed_in

    return signed_in(colleague)

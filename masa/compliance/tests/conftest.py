from datetime import date

import pytest

from masa.accounts.models import Role
from masa.partnerships.tests.factories import MembershipFactory, UserFactory, complete_partnership

from .factories import FrameworkFactory, RequirementFactory

ON = date(2025, 6, 2)  # in the 2025–26 financial year


@pytest.fixture
def on() -> date:
    return ON


@pytest.fixture
def frameworks(db):
    """A small library: an Act, WT2018 (replaced) and WT2023, dated as the real ones."""
    return {
        "ca2004": FrameworkFactory(id="ca2004", short_title="CA2004", kind="act"),
        "wt2018": FrameworkFactory(
            id="wt2018",
            short_title="WT2018",
            kind="guidance",
            in_force_until=date(2023, 12, 14),
        ),
        "wt2023": FrameworkFactory(
            id="wt2023",
            short_title="WT2023",
            kind="guidance",
            in_force_from=date(2023, 12, 15),
        ),
    }


@pytest.fixture
def library(frameworks):
    """Two Act duties (one derived), one WT2018 and two WT2023 guidance items, one retired."""
    law, wt2018, wt2023 = frameworks["ca2004"], frameworks["wt2018"], frameworks["wt2023"]
    return {
        "manual": RequirementFactory(id="ca2004.manual", framework=law, topic="publication"),
        "derived": RequirementFactory(
            id="ca2004.scrutiny", framework=law, topic="scrutiny", derivation="scrutineer_appointed"
        ),
        "old": RequirementFactory(id="wt2018.thing", framework=wt2018, level="should"),
        "new": RequirementFactory(id="wt2023.thing", framework=wt2023, level="should"),
        "may": RequirementFactory(id="wt2023.may", framework=wt2023, level="may", topic="funding"),
        "retired": RequirementFactory(id="wt2023.gone", framework=wt2023, retired=True),
    }


@pytest.fixture
def partnership(db):
    return complete_partnership(
        name="Testshire Safeguarding Children Partnership", slug="testshire"
    )


@pytest.fixture
def editor(partnership):
    """The business manager, with a name: assessments say who recorded them."""
    user = UserFactory(username="manager", first_name="Morgan", last_name="Manager")
    MembershipFactory(user=user, partnership=partnership, role=Role.BUSINESS_MANAGER)
    return user

from datetime import date

import pytest

from masa.accounts.models import Role
from masa.accounts.tests.people import member_of, signed_in
from masa.documents import services
from masa.partnerships.models import PartnerType, RoleAssignment, RoleKind, StatutoryPartner
from masa.partnerships.tests.factories import complete_partnership

TODAY = date(2025, 9, 15)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def partnership(db):
    return complete_partnership(
        name="Testshire Safeguarding Children Partnership", slug="testshire"
    )


@pytest.fixture
def lead_partners(partnership) -> dict[str, object]:
    """One lead safeguarding partner user per partner: a membership tied to their partner's
    organisation and the partner's lead safeguarding partner role linked to their sign-in."""
    users = {}
    for partner in StatutoryPartner.objects.filter(partnership=partnership):
        users[partner.partner_type] = member_of(
            partnership,
            f"lsp-{partner.partner_type}",
            Role.LEAD_PARTNER,
            organisation=partner.organisation,
        )
        RoleAssignment.objects.filter(
            partnership=partnership, role=RoleKind.LEAD_PARTNER, partner_type=partner.partner_type
        ).update(user=users[partner.partner_type])
    assert set(users) == set(PartnerType.values)
    return users


@pytest.fixture
def lead_client(lead_partners):
    return signed_in(lead_partners[PartnerType.LOCAL_AUTHORITY])


@pytest.fixture
def arrangements(partnership, editor):
    """The partnership's published arrangements: a first draft, made through the service."""
    return services.document_create(
        partnership=partnership, kind="published_arrangements", by=editor
    )


@pytest.fixture
def draft(arrangements):
    return arrangements.versions.get()


@pytest.fixture
def report(partnership, editor):
    return services.document_create(
        partnership=partnership, kind="yearly_report", period="2024-25", by=editor
    )

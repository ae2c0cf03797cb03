"""factory_boy factories for the registry (the compliance tests import them too).

    p = PartnershipFactory(guidance="wt2018")
    area = PartnershipAreaFactory(partnership=p)              # a new LA with its own force and ICB
    p = complete_partnership()                                # a clean WT2023 partnership
    p = complete_partnership(guidance="wt2018", scrutineer=False)

Factories write rows directly (no timeline events); tests of behaviour call the services.
"""

from __future__ import annotations

from datetime import date

import factory
from factory.django import DjangoModelFactory

from masa.accounts.models import Membership, Role, User
from masa.geography.models import LocalAuthority
from masa.geography.tests.factories import LocalAuthorityFactory
from masa.partnerships.models import (
    Board,
    BoardKind,
    Guidance,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipArea,
    PartnerType,
    Priority,
    RelevantAgency,
    RoleAssignment,
    RoleKind,
    StatutoryPartner,
)

START = date(2024, 4, 1)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    job_title = "Partnership officer"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory("masa.partnerships.tests.factories.PartnershipFactory")
    role = Role.VIEWER
    is_active = True


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test Safeguarding Children Partnership {n}")
    slug = factory.Sequence(lambda n: f"test-partnership-{n}")
    guidance = Guidance.WT2023


class OrganisationFactory(DjangoModelFactory):
    """A relevant agency outside the regulations by default; pass `schedule_paragraph=4` etc."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test organisation {n}")
    kind = OrganisationKind.RELEVANT_AGENCY


def la_organisation(la: LocalAuthority, **kwargs) -> Organisation:
    return OrganisationFactory(
        name=f"{la.name} Council",
        kind=OrganisationKind.LOCAL_AUTHORITY,
        local_authority=la,
        **kwargs,
    )


def icb_organisation(icb, **kwargs) -> Organisation:
    return OrganisationFactory(name=icb.name, kind=OrganisationKind.ICB, icb=icb, **kwargs)


def police_organisation(force, **kwargs) -> Organisation:
    return OrganisationFactory(
        name=f"{force.name} Police", kind=OrganisationKind.POLICE, police_force=force, **kwargs
    )


class PartnershipAreaFactory(DjangoModelFactory):
    class Meta:
        model = PartnershipArea

    partnership = factory.SubFactory(PartnershipFactory)
    local_authority = factory.SubFactory(LocalAuthorityFactory)
    start = START


class StatutoryPartnerFactory(DjangoModelFactory):
    class Meta:
        model = StatutoryPartner

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.LOCAL_AUTHORITY)
    partner_type = factory.LazyAttribute(
        lambda o: {
            OrganisationKind.LOCAL_AUTHORITY: PartnerType.LOCAL_AUTHORITY,
            OrganisationKind.ICB: PartnerType.ICB,
            OrganisationKind.POLICE: PartnerType.POLICE,
        }[o.organisation.kind]
    )
    start = START


class RelevantAgencyFactory(DjangoModelFactory):
    class Meta:
        model = RelevantAgency

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory, schedule_paragraph=4)
    why_chosen = "Maintained schools see every child of school age every day."
    start = START


class RoleAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    partnership = factory.SubFactory(PartnershipFactory)
    role = RoleKind.SCRUTINEER
    job_title = factory.Sequence(lambda n: f"Post holder {n}")
    partner_type = ""
    start = START


class BoardFactory(DjangoModelFactory):
    class Meta:
        model = Board

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Group {n}")
    kind = BoardKind.SUBGROUP


class PriorityFactory(DjangoModelFactory):
    class Meta:
        model = Priority

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Priority {n}")
    start = START


def complete_partnership(
    *,
    guidance: str = Guidance.WT2023,
    local_authority: LocalAuthority | None = None,
    scrutineer: bool = True,
    **kwargs,
) -> Partnership:
    """A partnership with nothing missing on any day from 1 April 2024: one LA area (with its own
    police force and ICB), the three partners, a lead and a delegated partner for each, the chair
    held by the local authority's delegate, a scrutineer, a business manager, an education
    representative, a school and a charity as relevant agencies, a strategic board with education
    on it and a priority."""
    partnership = PartnershipFactory(guidance=guidance, **kwargs)
    la = local_authority or LocalAuthorityFactory()
    PartnershipAreaFactory(partnership=partnership, local_authority=la)
    icb = la.icbs.first()
    force = la.police_forces.first()
    for organisation in (la_organisation(la), icb_organisation(icb), police_organisation(force)):
        StatutoryPartnerFactory(partnership=partnership, organisation=organisation)
    titles = {
        PartnerType.LOCAL_AUTHORITY: ("Chief Executive", "Director of Children's Services"),
        PartnerType.ICB: ("ICB Chief Executive", "ICB Chief Nurse"),
        PartnerType.POLICE: ("Chief Constable", "Head of Public Protection"),
    }
    delegates = {}
    for partner_type, (lead, delegate) in titles.items():
        RoleAssignmentFactory(
            partnership=partnership,
            role=RoleKind.LEAD_PARTNER,
            partner_type=partner_type,
            job_title=lead,
        )
        delegates[partner_type] = RoleAssignmentFactory(
            partnership=partnership,
            role=RoleKind.DELEGATED_PARTNER,
            partner_type=partner_type,
            job_title=delegate,
        )
    RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.CHAIR,
        job_title="Director of Children's Services",
        held_by_delegate=delegates[PartnerType.LOCAL_AUTHORITY],
    )
    if scrutineer:
        RoleAssignmentFactory(
            partnership=partnership, role=RoleKind.SCRUTINEER, job_title="Independent Scrutineer"
        )
    RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.BUSINESS_MANAGER,
        job_title="Partnership Business Manager",
    )
    RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.EDUCATION_REPRESENTATIVE,
        job_title="Secondary headteacher representative",
    )
    RelevantAgencyFactory(partnership=partnership)
    RelevantAgencyFactory(
        partnership=partnership,
        organisation=OrganisationFactory(schedule_paragraph=36),
        why_chosen="Runs youth clubs across the area.",
    )
    BoardFactory(
        partnership=partnership, name="Executive", kind=BoardKind.STRATEGIC, includes_education=True
    )
    PriorityFactory(partnership=partnership)
    return partnership

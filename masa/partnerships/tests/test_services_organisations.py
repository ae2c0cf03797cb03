"""Organisations, safeguarding partners (s.16E(3)) and the suggestions drawn from geography."""

from datetime import date

import pytest

from masa.core.errors import Conflict, InvalidInput
from masa.geography.tests.factories import (
    IntegratedCareBoardFactory,
    LocalAuthorityFactory,
    PoliceForceAreaFactory,
)
from masa.partnerships import services
from masa.partnerships.models import Organisation, OrganisationKind, PartnerType, StatutoryPartner
from masa.timeline.models import Event

from .factories import (
    OrganisationFactory,
    PartnershipAreaFactory,
    PartnershipFactory,
    StatutoryPartnerFactory,
    UserFactory,
    la_organisation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def by():
    return UserFactory()


@pytest.mark.parametrize("paragraph", [1, 12, 38])
def test_relevant_agency_with_a_schedule_paragraph(by, paragraph):
    organisation = services.organisation_create(
        name="Northshire College",
        kind=OrganisationKind.RELEVANT_AGENCY,
        schedule_paragraph=paragraph,
        by=by,
    )
    assert organisation.schedule_paragraph == paragraph
    assert Event.objects.filter(verb="organisation.created").count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"schedule_paragraph": 0}, "schedule_paragraph"),
        ({"schedule_paragraph": 39}, "schedule_paragraph"),
        ({"schedule_paragraph": "x"}, "schedule_paragraph"),
        ({"kind": "club"}, "kind"),
        ({"kind": OrganisationKind.LOCAL_AUTHORITY}, "local_authority"),  # link required
        ({"kind": OrganisationKind.POLICE}, "police_force"),
        ({"kind": OrganisationKind.ICB, "schedule_paragraph": 15}, "schedule_paragraph"),
        ({"kind": OrganisationKind.OTHER, "schedule_paragraph": 36}, "schedule_paragraph"),
        ({"name": "  "}, "name"),
        ({"name": "EXISTING"}, "name"),
    ],
)
def test_organisation_create_refusals(by, fields, field):
    OrganisationFactory(name="Existing")
    values = {"name": "New body", "kind": OrganisationKind.RELEVANT_AGENCY, **fields}
    with pytest.raises(InvalidInput) as refused:
        services.organisation_create(by=by, **values)
    assert field in refused.value.field_errors
    assert Organisation.objects.count() == 1


def test_an_organisation_cannot_link_to_geography_of_another_kind(by):
    with pytest.raises(InvalidInput) as refused:
        services.organisation_create(
            name="Police?",
            kind=OrganisationKind.LOCAL_AUTHORITY,
            local_authority=LocalAuthorityFactory(),
            police_force=PoliceForceAreaFactory(),
            by=by,
        )
    assert "police_force" in refused.value.field_errors


def test_an_icb_may_stand_without_a_link_as_a_former_ccg(by):
    ccg = services.organisation_create(name="NHS Somewhere CCG", kind=OrganisationKind.ICB, by=by)
    assert ccg.icb is None


def test_one_organisation_per_geography_row(by):
    la = LocalAuthorityFactory()
    la_organisation(la)
    with pytest.raises(Conflict, match="already stands for"):
        services.organisation_create(
            name="Other name", kind=OrganisationKind.LOCAL_AUTHORITY, local_authority=la, by=by
        )


def test_statutory_partner_add_takes_the_type_from_the_organisation(by):
    partnership = PartnershipFactory()
    force = OrganisationFactory(kind=OrganisationKind.POLICE, police_force=PoliceForceAreaFactory())
    partner = services.statutory_partner_add(
        partnership=partnership, organisation=force, start=date(2024, 4, 1), by=by
    )
    assert partner.partner_type == PartnerType.POLICE
    assert Event.objects.get(verb="partner.added").partnership == partnership


def test_a_relevant_agency_cannot_be_a_statutory_partner(by):
    with pytest.raises(InvalidInput, match="a safeguarding partner is a local authority"):
        services.statutory_partner_add(
            partnership=PartnershipFactory(),
            organisation=OrganisationFactory(),
            start=date(2024, 4, 1),
            by=by,
        )


def test_the_same_partner_twice_on_overlapping_dates_is_refused(by):
    existing = StatutoryPartnerFactory(start=date(2019, 1, 1))
    with pytest.raises(Conflict, match="already a safeguarding partner"):
        services.statutory_partner_add(
            partnership=existing.partnership,
            organisation=existing.organisation,
            start=date(2024, 1, 1),
            by=by,
        )
    assert StatutoryPartner.objects.count() == 1


def test_statutory_partner_end(by):
    partner = StatutoryPartnerFactory(start=date(2019, 1, 1))
    services.statutory_partner_end(partner=partner, end=date(2022, 6, 30), by=by)
    partner.refresh_from_db()
    assert partner.end == date(2022, 6, 30)
    assert "after 30 June 2022" in Event.objects.get(verb="partner.ended").message


def test_suggestions_list_every_partner_the_areas_call_for_that_is_missing(by):
    met = PoliceForceAreaFactory(name="Metropolitan Police")
    nel = IntegratedCareBoardFactory(name="NHS North East London ICB")
    small = IntegratedCareBoardFactory(name="NHS Neighbouring ICB")
    la = LocalAuthorityFactory(
        name="Havering", police_forces=[met], icbs=[(nel, "0.990"), (small, "0.010")]
    )
    partnership = PartnershipFactory()
    PartnershipAreaFactory(partnership=partnership, local_authority=la)
    StatutoryPartnerFactory(partnership=partnership, organisation=la_organisation(la))

    suggestions = services.statutory_partners_suggest(partnership, on=date(2025, 1, 1))

    assert [(s.expected.partner_type, s.name) for s in suggestions] == [
        ("icb", "NHS Neighbouring ICB"),
        ("icb", "NHS North East London ICB"),
        ("police", "Metropolitan Police"),
    ]
    assert suggestions[0].expected.marginal and not suggestions[1].expected.marginal


def test_accepting_suggestions_creates_organisations_named_after_the_geography(by):
    force = PoliceForceAreaFactory(name="Humberside")
    la = LocalAuthorityFactory(name="North Lincolnshire", police_forces=[force])
    partnership = PartnershipFactory()
    PartnershipAreaFactory(partnership=partnership, local_authority=la)
    keys = [s.key for s in services.statutory_partners_suggest(partnership, on=date(2025, 1, 1))]

    added = services.statutory_partners_accept(
        partnership=partnership, keys=keys, start=date(2024, 4, 1), by=by
    )

    names = sorted(p.organisation.name for p in added)
    assert names == sorted(["North Lincolnshire", la.icbs.get().name, "Humberside Police"])
    assert services.statutory_partners_suggest(partnership, on=date(2025, 1, 1)) == []


def test_accepting_reuses_an_organisation_that_already_stands_for_the_row(by):
    la = LocalAuthorityFactory(name="Redbridge")
    council = la_organisation(la)
    partnership = PartnershipFactory()
    PartnershipAreaFactory(partnership=partnership, local_authority=la)

    services.statutory_partners_accept(
        partnership=partnership, keys=[f"local_authority:{la.pk}"], start=date(2024, 4, 1), by=by
    )

    assert partnership.statutory_partners.get().organisation == council


def test_accepting_an_unknown_key_writes_nothing(by):
    la = LocalAuthorityFactory()
    partnership = PartnershipFactory()
    PartnershipAreaFactory(partnership=partnership, local_authority=la)
    with pytest.raises(InvalidInput):
        services.statutory_partners_accept(
            partnership=partnership,
            keys=[f"local_authority:{la.pk}", "police:E23999999"],
            start=date(2024, 4, 1),
            by=by,
        )
    assert not StatutoryPartner.objects.exists()
    assert Organisation.objects.count() == 0

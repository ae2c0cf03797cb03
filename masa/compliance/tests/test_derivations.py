"""Each derivation rule, from registry records built with the factories, read the way the matrix
reads them: `DERIVATIONS[rule](Context(partnership, on))`."""

from datetime import date

import pytest

from masa.compliance.derivations import DERIVATIONS, Context
from masa.compliance.derivations.cases import CASE_RULES
from masa.compliance.derivations.documents import DOCUMENT_RULES
from masa.geography.tests.factories import LocalAuthorityFactory
from masa.partnerships.models import BoardKind, PartnerType, RoleKind, StatutoryPartner
from masa.partnerships.tests.factories import (
    OrganisationFactory,
    PartnershipAreaFactory,
    PartnershipFactory,
    PriorityFactory,
    RelevantAgencyFactory,
    RoleAssignmentFactory,
    StatutoryPartnerFactory,
    complete_partnership,
)
from masa.statute.schema import DERIVATION_RULES

from .conftest import ON

pytestmark = pytest.mark.django_db


def derive(rule, partnership, on=ON):
    return DERIVATIONS[rule](Context(partnership, on))


def test_every_library_rule_has_a_derivation():
    assert set(DERIVATIONS) == set(DERIVATION_RULES)


@pytest.mark.parametrize("rule", DERIVATION_RULES)
def test_a_complete_partnership_meets_every_rule_it_can(partnership, rule):
    # A complete partnership with no case records: the case rules have nothing to judge. It has
    # published no documents either: those rules find nothing published, or nothing owed.
    no_cases = rule == "combined_area_agreement" or rule in CASE_RULES
    expected = "not_applicable" if no_cases else "met"
    # deaths always to be notified: with none recorded the records cannot say, never N/A
    if rule in ("lac_deaths_notified", "care_leaver_deaths_notified"):
        expected = "not_assessed"
    result = derive(rule, partnership)
    if rule in DOCUMENT_RULES:
        assert result.status in {"not_met", "not_applicable"}, result.reasons
    else:
        assert result.status == expected, result.reasons
    assert result.reasons and all(isinstance(r, str) and r for r in result.reasons)


@pytest.mark.parametrize("rule", DERIVATION_RULES)
def test_an_empty_partnership_never_meets_a_rule(rule):
    result = derive(rule, PartnershipFactory())
    assert result.status in {"not_met", "not_applicable", "not_assessed"}


# Areas and partners -------------------------------------------------------------------------------


def test_three_partners_met_lists_the_partner_records(partnership):
    result = derive("three_partners_present", partnership)
    assert result.status == "met"
    assert "1 local authority, 1 integrated care board and 1 police force" in result.reasons[0]
    assert len(result.evidence) == 3
    assert all(line.startswith("Partner: ") and "(from 1 Apr 2024)" in line
               for line in result.evidence)  # fmt: skip


def test_three_partners_partly_met_names_the_missing_force(partnership):
    StatutoryPartner.objects.filter(
        partnership=partnership, partner_type=PartnerType.POLICE
    ).delete()
    result = derive("three_partners_present", partnership)
    assert result.status == "partly_met"
    assert "police" in result.reasons[0] and "is not recorded" in result.reasons[0]


def test_three_partners_not_met_when_none_recorded(partnership):
    StatutoryPartner.objects.filter(partnership=partnership).delete()
    assert derive("three_partners_present", partnership).status == "not_met"


def test_three_partners_not_met_without_an_area():
    result = derive("three_partners_present", PartnershipFactory())
    assert result.status == "not_met"
    assert "No local authority area" in result.reasons[0]


def test_before_icbs_a_ccg_stands_in_for_the_icb(partnership):
    """Health and Care Act 2022: CCGs until 30 June 2022. The geography holds ICBs only."""
    StatutoryPartner.objects.filter(partnership=partnership).update(start=date(2019, 4, 1))
    partnership.areas.update(start=date(2019, 4, 1))
    StatutoryPartner.objects.filter(partnership=partnership, partner_type=PartnerType.ICB).delete()
    ccg = OrganisationFactory(name="NHS Testshire CCG", kind="icb")
    StatutoryPartnerFactory(partnership=partnership, organisation=ccg, start=date(2019, 4, 1))
    before = derive("three_partners_present", partnership, on=date(2020, 6, 1))
    assert before.status == "met"
    assert any("clinical commissioning group" in r for r in before.reasons)
    after = derive("three_partners_present", partnership, on=date(2023, 6, 1))
    assert after.status == "partly_met"


def test_areas_covered(partnership):
    result = derive("areas_covered", partnership)
    assert result.status == "met"
    assert result.evidence[0].startswith("Area: ")
    assert derive("areas_covered", PartnershipFactory()).status == "not_met"


def test_areas_covered_partly_when_a_partnership_within_has_no_area():
    parent = PartnershipFactory()
    PartnershipAreaFactory(partnership=PartnershipFactory(parent=parent))
    PartnershipFactory(parent=parent, name="Emptyshire LSCP")
    result = derive("areas_covered", parent)
    assert result.status == "partly_met"
    assert any("Emptyshire LSCP covers no local authority area" in r for r in result.reasons)


def test_no_double_coverage_names_the_other_partnership(partnership):
    la = partnership.areas.get().local_authority
    other = PartnershipFactory(name="Otherton Partnership")
    PartnershipAreaFactory(
        partnership=other, local_authority=la, start=date(2024, 1, 1), end=date(2025, 12, 31)
    )
    result = derive("no_double_coverage", partnership)
    assert result.status == "not_met"
    assert "also covered by Otherton Partnership" in result.reasons[0]
    assert derive("no_double_coverage", partnership, on=date(2026, 1, 1)).status == "met"


def test_no_double_coverage_cannot_be_judged_without_an_area():
    assert derive("no_double_coverage", PartnershipFactory()).status == "not_assessed"


def test_a_partnership_within_another_is_not_double_coverage():
    parent = PartnershipFactory()
    child = complete_partnership(parent=parent)
    assert derive("no_double_coverage", parent).status == "met"
    assert derive("no_double_coverage", child).status == "met"


def test_combined_area_not_applicable_to_a_single_authority(partnership):
    result = derive("combined_area_agreement", partnership)
    assert result.status == "not_applicable"
    assert "single local authority area" in result.reasons[0]


def _combined(councils: int):
    """A parent over two partnerships, with `councils` of their two councils as its partners."""
    parent = PartnershipFactory(name="Three Boroughs Partnership")
    children = [complete_partnership(parent=parent) for _ in range(2)]
    for child in children[:councils]:
        council = child.statutory_partners.get(partner_type=PartnerType.LOCAL_AUTHORITY)
        StatutoryPartnerFactory(partnership=parent, organisation=council.organisation)
    return parent


@pytest.mark.parametrize(("councils", "status"), [(2, "met"), (1, "partly_met"), (0, "not_met")])
def test_combined_area_over_the_partnerships_within(councils, status):
    parent = _combined(councils)
    result = derive("combined_area_agreement", parent)
    assert result.status == status, result.reasons
    assert sum(line.startswith("Area: ") for line in result.evidence) == 2
    assert all(", through " in line for line in result.evidence if line.startswith("Area: "))


def test_combined_area_with_partnerships_within_but_one_area():
    parent = PartnershipFactory()
    complete_partnership(parent=parent)
    assert derive("combined_area_agreement", parent).status == "partly_met"


# Agencies and education -------------------------------------------------------------------------


def test_relevant_agencies(partnership):
    assert derive("relevant_agencies_named", partnership).status == "met"
    RelevantAgencyFactory(
        partnership=partnership, organisation=OrganisationFactory(name="Quiet Trust"), why_chosen=""
    )
    result = derive("relevant_agencies_named", partnership)
    assert result.status == "partly_met"
    assert "Quiet Trust" in result.reasons[0]
    partnership.relevant_agencies.all().delete()
    assert derive("relevant_agencies_named", partnership).status == "not_met"


def test_schools_named(partnership):
    result = derive("schools_named", partnership)
    assert result.status == "met"
    assert "Schedule paragraph 4" in result.evidence[0]
    partnership.relevant_agencies.filter(organisation__schedule_paragraph=4).delete()
    result = derive("schools_named", partnership)
    assert result.status == "partly_met"  # education is on the strategic board
    partnership.boards.all().delete()
    partnership.roles.filter(role=RoleKind.EDUCATION_REPRESENTATIVE).delete()
    assert derive("schools_named", partnership).status == "not_met"


def test_education_strategic(partnership):
    assert derive("education_strategic", partnership).status == "met"
    partnership.roles.filter(role=RoleKind.EDUCATION_REPRESENTATIVE).delete()
    partnership.boards.update(kind=BoardKind.SUBGROUP)
    assert derive("education_strategic", partnership).status == "partly_met"
    partnership.boards.all().delete()
    partnership.relevant_agencies.all().delete()
    assert derive("education_strategic", partnership).status == "not_met"


# People -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rule", "role"), [("lsps_named", RoleKind.LEAD_PARTNER),
                                            ("dsps_named", RoleKind.DELEGATED_PARTNER)])  # fmt: skip
def test_one_lead_and_one_delegate_per_partner(partnership, rule, role):
    partnership.roles.filter(role=role, partner_type=PartnerType.POLICE).delete()
    result = derive(rule, partnership)
    assert result.status == "partly_met"
    assert "chief officer of police" in result.reasons[0]
    RoleAssignmentFactory(partnership=partnership, role=role, partner_type=PartnerType.ICB)
    assert any("2 " in r and "there should be one" in r for r in derive(rule, partnership).reasons)
    partnership.roles.filter(role=role).delete()
    assert derive(rule, partnership).status == "not_met"


def test_wt2018_calls_them_lead_representatives():
    p = complete_partnership(guidance="wt2018")
    p.roles.filter(role=RoleKind.LEAD_PARTNER).delete()
    assert "lead representative" in derive("lsps_named", p).reasons[0]


def test_chair_is_dsp(partnership):
    result = derive("chair_is_dsp", partnership)
    assert result.status == "met"
    assert any(line.startswith("Role: Partnership chair") for line in result.evidence)
    delegate = partnership.roles.get(
        role=RoleKind.DELEGATED_PARTNER, partner_type="local_authority"
    )
    delegate.end = date(2025, 1, 31)
    delegate.save()
    assert derive("chair_is_dsp", partnership).status == "partly_met"
    partnership.roles.filter(role=RoleKind.CHAIR).update(held_by_delegate=None)
    assert derive("chair_is_dsp", partnership).status == "not_met"
    partnership.roles.filter(role=RoleKind.CHAIR).delete()
    assert derive("chair_is_dsp", partnership).reasons == ["No partnership chair is recorded."]


def test_chair_not_scrutineer(partnership):
    assert derive("chair_not_scrutineer", partnership).status == "met"
    chair = partnership.roles.get(role=RoleKind.CHAIR)
    partnership.roles.filter(role=RoleKind.SCRUTINEER).update(job_title=chair.job_title)
    assert derive("chair_not_scrutineer", partnership).status == "not_met"
    partnership.roles.filter(role=RoleKind.SCRUTINEER).delete()
    result = derive("chair_not_scrutineer", partnership)
    assert result.status == "not_assessed"
    assert "No scrutineer is recorded" in result.reasons[0]


def test_scrutineer_appointed(partnership):
    result = derive("scrutineer_appointed", partnership)
    assert result.status == "met"
    assert result.evidence == [
        "Role: Independent scrutineer — Independent Scrutineer (from 1 Apr 2024)"
    ]
    assert (
        derive("scrutineer_appointed", complete_partnership(scrutineer=False)).status == "not_met"
    )


def test_three_functions_distinct(partnership):
    assert derive("three_functions_distinct", partnership).status == "met"
    partnership.roles.filter(role=RoleKind.BUSINESS_MANAGER).delete()
    result = derive("three_functions_distinct", partnership)
    assert result.status == "partly_met"
    assert "business manager" in result.reasons[0]
    chair = partnership.roles.get(role=RoleKind.CHAIR)
    RoleAssignmentFactory(
        partnership=partnership, role=RoleKind.BUSINESS_MANAGER, job_title=chair.job_title
    )
    assert derive("three_functions_distinct", partnership).status == "not_met"


def test_priorities_agreed(partnership):
    assert derive("priorities_agreed", partnership).status == "met"
    partnership.roles.filter(role=RoleKind.LEAD_PARTNER, partner_type="icb").delete()
    assert derive("priorities_agreed", partnership).status == "partly_met"
    partnership.priorities.all().delete()
    PriorityFactory(partnership=partnership, start=date(2020, 4, 1), end=date(2021, 3, 31))
    assert derive("priorities_agreed", partnership).status == "not_met"


# A partnership with partnerships within it (BHR) --------------------------------------------------


def test_a_parent_meets_a_duty_through_every_partnership_within_it():
    parent = PartnershipFactory(name="Parent Partnership")
    children = [
        complete_partnership(parent=parent, name=f"Child {n}", slug=f"child-{n}") for n in "ABC"
    ]
    result = derive("scrutineer_appointed", parent)
    assert result.status == "met"
    assert "Discharged at local-authority level" in result.reasons[-1]
    assert all(line.endswith(f" — {c}") for line, c in zip(result.evidence, children, strict=True))
    children[0].roles.filter(role=RoleKind.SCRUTINEER).delete()
    result = derive("scrutineer_appointed", parent)
    assert result.status == "partly_met"
    assert f"The same holds in {children[0]}." in result.reasons  # as the parent's own
    assert any(
        r.startswith(f"In {children[1]} and {children[2]}: 1 independent") for r in result.reasons
    )


def test_a_parent_with_its_own_record_meets_it_itself():
    parent = PartnershipFactory()
    complete_partnership(parent=parent, scrutineer=False)
    RoleAssignmentFactory(partnership=parent, role=RoleKind.SCRUTINEER, job_title="Scrutineer")
    result = derive("scrutineer_appointed", parent)
    assert result.status == "met"
    assert not any("local-authority level" in r for r in result.reasons)


def test_reasons_shared_by_every_partnership_within_are_said_once():
    parent = PartnershipFactory()
    for _ in range(3):
        complete_partnership(parent=parent, scrutineer=False)
    result = derive("scrutineer_appointed", parent)
    assert result.status == "not_met"
    assert result.reasons[-1] == "The same holds in each of the 3 partnerships within it."


def test_three_partners_over_the_union_of_the_areas_within():
    parent = PartnershipFactory()
    las = [LocalAuthorityFactory() for _ in range(2)]
    for la in las:
        PartnershipAreaFactory(partnership=PartnershipFactory(parent=parent), local_authority=la)
    result = derive("three_partners_present", parent)
    assert result.status == "not_met"
    assert len([r for r in result.reasons if "is not recorded" in r]) == 6


def test_a_context_evaluates_each_rule_once(partnership, django_assert_max_num_queries):
    context = Context(partnership, ON)
    with django_assert_max_num_queries(20):
        for rule in DERIVATION_RULES:
            context.derive(rule)
    with django_assert_max_num_queries(0):
        for rule in DERIVATION_RULES:
            assert context.derive(rule) is context.derive(rule)

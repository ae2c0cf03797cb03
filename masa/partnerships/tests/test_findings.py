"""Each registry invariant, present and absent. A complete partnership has no findings; breaking
one thing gives exactly the finding for it."""

from datetime import date
from decimal import Decimal

import pytest

from masa.geography.tests.factories import IntegratedCareBoardFactory, LocalAuthorityFactory
from masa.partnerships.findings import findings_for, registry_facts
from masa.partnerships.models import (
    Board,
    Guidance,
    OrganisationKind,
    PartnerType,
    RoleAssignment,
    RoleKind,
)

from .factories import (
    OrganisationFactory,
    RelevantAgencyFactory,
    RoleAssignmentFactory,
    StatutoryPartnerFactory,
    complete_partnership,
    la_organisation,
)

pytestmark = pytest.mark.django_db
ON = date(2025, 6, 2)


def _roles(p, role, partner_type=""):
    return RoleAssignment.objects.filter(partnership=p, role=role, partner_type=partner_type)


def _codes(p):
    return [f.code for f in findings_for(p, on=ON)]


@pytest.mark.parametrize("guidance", [Guidance.WT2018, Guidance.WT2023])
def test_a_complete_partnership_has_no_findings(guidance):
    assert findings_for(complete_partnership(guidance=guidance), on=ON) == []


def _drop_areas(p):
    p.areas.all().delete()


def _drop_icb_partner(p):
    p.statutory_partners.filter(partner_type=PartnerType.ICB).delete()


def _end_police_partner(p):
    p.statutory_partners.filter(partner_type=PartnerType.POLICE).update(end=date(2025, 3, 31))


def _add_marginal_icb(p):
    la = p.areas.get().local_authority
    la.icboverlap_set.create(icb=IntegratedCareBoardFactory(), lsoa_share=Decimal("0.010"))


def _partner_elsewhere(p):
    StatutoryPartnerFactory(partnership=p, organisation=la_organisation(LocalAuthorityFactory()))


def _unlinked_partner(p):
    StatutoryPartnerFactory(
        partnership=p,
        organisation=OrganisationFactory(name="NHS Former CCG", kind=OrganisationKind.ICB),
    )


def _drop(role, partner_type=""):
    return lambda p: _roles(p, role, partner_type).delete()


def _second(role, partner_type):
    return lambda p: RoleAssignmentFactory(partnership=p, role=role, partner_type=partner_type)


def _chair_not_delegate(p):
    _roles(p, RoleKind.CHAIR).update(held_by_delegate=None, job_title="Independent Chair")


def _chair_delegate_ended(p):
    chair = _roles(p, RoleKind.CHAIR).get()
    RoleAssignment.objects.filter(pk=chair.held_by_delegate_id).update(end=date(2025, 1, 31))


def _scrutineer_is_chair(p):
    _roles(p, RoleKind.SCRUTINEER).update(job_title="Director of Children's Services")


def _manager_is_scrutineer(p):
    _roles(p, RoleKind.BUSINESS_MANAGER).update(job_title="Independent Scrutineer")


def _no_education_at_strategic_level(p):
    _roles(p, RoleKind.EDUCATION_REPRESENTATIVE).delete()
    Board.objects.filter(partnership=p).update(includes_education=False)


def _no_agencies(p):
    p.relevant_agencies.all().delete()


def _no_schools(p):
    p.relevant_agencies.filter(organisation__schedule_paragraph__lte=12).delete()


def _agency_without_reason(p):
    RelevantAgencyFactory(partnership=p, why_chosen="")


def _priorities_ended(p):
    p.priorities.update(end=date(2025, 3, 31))


WT2023_CASES = [
    (_drop_areas, "no_area", "error"),
    (_drop_icb_partner, "partner_missing", "error"),
    (_end_police_partner, "partner_missing", "error"),
    (_add_marginal_icb, "partner_missing_marginal", "warning"),
    (_partner_elsewhere, "partner_outside_area", "warning"),
    (_unlinked_partner, "partner_unlinked", "info"),
    (_drop(RoleKind.LEAD_PARTNER, PartnerType.POLICE), "lsp_missing", "warning"),
    (_second(RoleKind.LEAD_PARTNER, PartnerType.ICB), "lsp_multiple", "warning"),
    (_drop(RoleKind.DELEGATED_PARTNER, PartnerType.ICB), "dsp_missing", "warning"),
    (_second(RoleKind.DELEGATED_PARTNER, PartnerType.POLICE), "dsp_multiple", "warning"),
    (_drop(RoleKind.CHAIR), "chair_missing", "warning"),
    (_chair_not_delegate, "chair_not_delegate", "warning"),
    (_chair_delegate_ended, "chair_delegate_not_current", "warning"),
    (_scrutineer_is_chair, "chair_is_scrutineer", "warning"),
    (_drop(RoleKind.SCRUTINEER), "scrutineer_missing", "error"),
    (_drop(RoleKind.BUSINESS_MANAGER), "business_manager_missing", "warning"),
    (_manager_is_scrutineer, "functions_not_distinct", "warning"),
    (_no_education_at_strategic_level, "education_strategic_missing", "warning"),
    (_no_schools, "schools_not_named", "warning"),
    (_agency_without_reason, "agency_without_reason", "warning"),
    (_priorities_ended, "priorities_missing", "warning"),
]


@pytest.mark.parametrize(
    ("breaks", "code", "severity"),
    WT2023_CASES,
    ids=[c[1] + ":" + c[0].__name__ for c in WT2023_CASES],
)
def test_wt2023_invariants(breaks, code, severity):
    partnership = complete_partnership(guidance=Guidance.WT2023)
    breaks(partnership)

    findings = findings_for(partnership, on=ON)

    found = [f for f in findings if f.code == code]
    assert found, [f.code for f in findings]
    assert found[0].severity == severity
    assert found[0].fix_url.startswith(f"/partnerships/{partnership.slug}/")
    # Only the thing broken is reported (ending the chair's delegate also leaves a DSP missing).
    also = {"dsp_missing"} if code == "chair_delegate_not_current" else set()
    assert {f.code for f in findings} == {code, *also}


def test_no_agencies_reports_both_the_list_and_the_schools():
    partnership = complete_partnership()
    _no_agencies(partnership)
    assert set(_codes(partnership)) == {"agencies_none", "schools_not_named"}


WT2018_CASES = [
    (_drop(RoleKind.LEAD_PARTNER, PartnerType.LOCAL_AUTHORITY), "lead_missing", "warning"),
    (_second(RoleKind.LEAD_PARTNER, PartnerType.POLICE), "lead_multiple", "warning"),
    (_drop(RoleKind.SCRUTINEER), "scrutineer_missing", "error"),
    (_drop_icb_partner, "partner_missing", "error"),
    (_no_education_at_strategic_level, "education_strategic_missing", "info"),
    (_no_schools, "schools_not_named", "warning"),
    (_priorities_ended, "priorities_missing", "info"),
]


@pytest.mark.parametrize(
    ("breaks", "code", "severity"), WT2018_CASES, ids=[c[1] for c in WT2018_CASES]
)
def test_wt2018_invariants(breaks, code, severity):
    partnership = complete_partnership(guidance=Guidance.WT2018)
    breaks(partnership)
    findings = findings_for(partnership, on=ON)
    assert [(f.code, f.severity) for f in findings] == [(code, severity)]


@pytest.mark.parametrize(
    "breaks",
    [
        _drop(RoleKind.DELEGATED_PARTNER, PartnerType.ICB),
        _drop(RoleKind.CHAIR),
        _chair_not_delegate,
        _scrutineer_is_chair,
        _drop(RoleKind.BUSINESS_MANAGER),
    ],
)
def test_wt2023_only_expectations_are_not_findings_under_wt2018(breaks):
    partnership = complete_partnership(guidance=Guidance.WT2018)
    breaks(partnership)
    assert _codes(partnership) == []


@pytest.mark.parametrize("keep", ["representative", "board"])
def test_either_a_representative_or_a_strategic_board_puts_education_at_strategic_level(keep):
    partnership = complete_partnership()
    if keep == "board":
        _roles(partnership, RoleKind.EDUCATION_REPRESENTATIVE).delete()
    else:
        Board.objects.filter(partnership=partnership).update(includes_education=False)
    assert _codes(partnership) == []


def test_a_subgroup_with_education_is_not_strategic():
    partnership = complete_partnership()
    _no_education_at_strategic_level(partnership)
    Board.objects.create(
        partnership=partnership, name="Education subgroup", kind="subgroup", includes_education=True
    )
    assert "education_strategic_missing" in _codes(partnership)


def test_findings_name_the_statute_requirements_they_bear_on():
    partnership = complete_partnership(guidance=Guidance.WT2018)
    _drop(RoleKind.SCRUTINEER)(partnership)
    (finding,) = findings_for(partnership, on=ON)
    assert finding.rule == "scrutineer_appointed"
    assert "ca2004.s16g.independent-scrutiny" in finding.requirement_ids


def test_findings_are_as_of_the_day_asked():
    partnership = complete_partnership()
    assert "no_area" in [f.code for f in findings_for(partnership, on=date(2024, 3, 31))]


def test_registry_facts():
    partnership = complete_partnership()
    facts = registry_facts(partnership, ON)
    assert facts.has_all_partners
    assert len(facts.partners) == 3
    assert {t: len(rows) for t, rows in facts.lead_partners.items()} == {
        "local_authority": 1,
        "icb": 1,
        "police": 1,
    }
    assert facts.chair_is_delegate and not facts.chair_is_scrutineer and facts.functions_distinct
    assert facts.education_agency_count == 1
    assert facts.education_at_strategic_level
    assert len(facts.relevant_agencies) == 2 and len(facts.priorities) == 1
    assert facts.leads_complete() and facts.delegates_complete()


def test_registry_facts_query_count_does_not_grow_with_the_data(django_assert_max_num_queries):
    small = complete_partnership()
    large = complete_partnership()
    for _ in range(20):
        RelevantAgencyFactory(partnership=large)
        RoleAssignmentFactory(partnership=large, role=RoleKind.EDUCATION_REPRESENTATIVE)
    for partnership in (small, large):
        with django_assert_max_num_queries(9):
            findings_for(partnership, on=ON)

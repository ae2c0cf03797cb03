"""The demo loader: idempotent, the seeds' partnerships with their real gaps, a clean fictional one."""

from datetime import date

import pytest

from masa.core.errors import MasaError
from masa.geography.services import geography_load
from masa.partnerships.demo import demo_load
from masa.partnerships.findings import findings_for
from masa.partnerships.models import (
    Organisation,
    Partnership,
    PartnershipArea,
    RelevantAgency,
    RoleAssignment,
    RoleKind,
    StatutoryPartner,
)
from masa.timeline.models import Event

pytestmark = pytest.mark.django_db
ON = date(2025, 11, 1)


@pytest.fixture
def loaded():
    geography_load()
    demo_load()


def _counts():
    return [
        m.objects.count()
        for m in (
            Partnership,
            PartnershipArea,
            Organisation,
            StatutoryPartner,
            RelevantAgency,
            RoleAssignment,
            Event,
        )
    ]


def test_demo_needs_the_geography():
    with pytest.raises(MasaError, match="Load the geography first"):
        demo_load()


def test_demo_load_is_idempotent(loaded):
    before = _counts()
    demo_load()
    assert _counts() == before


def test_the_demo_partnerships(loaded):
    slugs = set(Partnership.objects.values_list("slug", flat=True))
    assert slugs == {
        "north-lincolnshire",
        "bhr",
        "barking-dagenham",
        "havering",
        "redbridge",
        "northshire",
    }
    bhr = Partnership.objects.get(slug="bhr")
    assert sorted(bhr.children.values_list("slug", flat=True)) == [
        "barking-dagenham",
        "havering",
        "redbridge",
    ]
    assert not bhr.areas.exists()  # areas are on the local partnerships
    assert {p.guidance for p in Partnership.objects.exclude(slug="northshire")} == {"wt2018"}


def test_northshire_is_fictional_and_claims_no_real_area(loaded):
    northshire = Partnership.objects.get(slug="northshire")
    assert northshire.is_fictional and northshire.guidance == "wt2023"
    codes = set(northshire.areas.values_list("local_authority_id", flat=True))
    assert codes == {"X00000001"}
    assert findings_for(northshire, on=ON) == []
    assert northshire.relevant_agencies.count() >= 12
    chairs = northshire.roles.filter(role=RoleKind.CHAIR).order_by("start")
    assert [c.end for c in chairs] == [date(2025, 3, 31), None]  # rotation kept


def test_real_partnerships_name_posts_by_job_title_only(loaded):
    assert not RoleAssignment.objects.exclude(person_name="").exists()


def test_north_lincolnshire_from_the_seeds(loaded):
    nl = Partnership.objects.get(slug="north-lincolnshire")
    partners = {
        p.organisation.name: p.end for p in nl.statutory_partners.select_related("organisation")
    }
    assert partners == {
        "North Lincolnshire Council": None,
        "NHS North Lincolnshire Clinical Commissioning Group": date(2022, 6, 30),
        "NHS Humber and North Yorkshire Integrated Care Board": None,
        "Humberside Police": None,
    }
    assert nl.demo_source == "https://www.northlincscmars.co.uk"  # every page says so
    # The foreword is signed by the three delegated officers: signing was delegated to them.
    delegates = nl.roles.filter(role=RoleKind.DELEGATED_PARTNER)
    assert delegates.count() == 3
    assert all(d.signs_documents and d.user is not None for d in delegates)
    assert not nl.roles.filter(role=RoleKind.LEAD_PARTNER, user__isnull=False).exists()
    # Section 9 does not say where the Child Exploitation and Missing Strategy Group reports.
    assert nl.boards.get(name="Child Exploitation and Missing Strategy Group").parent is None
    codes = {f.code for f in findings_for(nl, on=ON)}
    # The 2020 arrangements predate the ICB, and name no schools in the text held.
    assert codes == {"lead_missing", "schools_not_named"}


def test_bhr_keeps_the_gaps_its_matrix_shows(loaded):
    bhr = Partnership.objects.get(slug="bhr")
    codes = {f.code for f in findings_for(bhr, on=ON)}
    assert "scrutineer_missing" in codes  # "No formal arrangement at a BHR level"
    assert "partner_missing" not in codes
    havering = Partnership.objects.get(slug="havering")
    assert "education_strategic_missing" not in {f.code for f in findings_for(havering, on=ON)}

"""`coverage()` and `partners_expected_for()`: who covers each LA, force and ICB on a date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from masa.geography.selectors import (
    COVERED,
    DOUBLE_COVERED,
    UNCOVERED,
    coverage,
    partners_expected_for,
)
from masa.geography.tests.factories import (
    IntegratedCareBoardFactory,
    LocalAuthorityFactory,
    PoliceForceAreaFactory,
)
from masa.partnerships.models import Partnership, PartnershipArea

ON = date(2025, 6, 1)


def partnership(slug: str, parent: Partnership | None = None) -> Partnership:
    return Partnership.objects.create(slug=slug, name=slug.replace("-", " ").title(), parent=parent)


def area(p: Partnership, la, start=date(2019, 9, 29), end=None) -> PartnershipArea:
    return PartnershipArea.objects.create(partnership=p, local_authority=la, start=start, end=end)


def by_code(result):
    return {la.local_authority.code: la for la in result.local_authorities}


@pytest.fixture
def london(db):
    """Three LAs under BHR, one on its own, one uncovered; one force and one ICB for all five."""
    met = PoliceForceAreaFactory(name="Metropolitan Police")
    nel = IntegratedCareBoardFactory(name="NHS North East London ICB")
    las = {
        name: LocalAuthorityFactory(name=name, police_forces=[met], icbs=[nel])
        for name in ("Barking and Dagenham", "Havering", "Redbridge", "Hackney", "Newham")
    }
    bhr = partnership("bhr")
    for name, slug in (("Barking and Dagenham", "barking-dagenham"), ("Havering", "havering"),
                       ("Redbridge", "redbridge")):  # fmt: skip
        area(partnership(slug, parent=bhr), las[name])
    area(partnership("city-hackney"), las["Hackney"])
    return {"met": met, "nel": nel, "bhr": bhr, **las}


def test_leaf_partnership_and_parent_chain(london):
    result = by_code(coverage(on=ON))
    havering = result[london["Havering"].code]
    assert havering.status == COVERED
    assert havering.partnership.slug == "havering"
    assert [p.slug for p in havering.parents] == ["bhr"]
    assert result[london["Hackney"].code].parents == ()


def test_uncovered_la(london):
    result = coverage(on=ON)
    assert [la.local_authority.name for la in result.uncovered] == ["Newham"]
    newham = by_code(result)[london["Newham"].code]
    assert (newham.status, newham.partnership, newham.parents) == (UNCOVERED, None, ())
    assert result.double_covered == ()


def test_area_recorded_on_parent_and_child_counts_once(london):
    area(london["bhr"], london["Havering"], start=date(2024, 1, 1), end=date(2026, 1, 1))
    havering = by_code(coverage(on=ON))[london["Havering"].code]
    assert havering.status == COVERED
    assert havering.partnership.slug == "havering"


def test_deeper_nesting(london):
    region = partnership("east-london-region")
    Partnership.objects.filter(pk=london["bhr"].pk).update(parent=region)
    havering = by_code(coverage(on=ON))[london["Havering"].code]
    assert [p.slug for p in havering.parents] == ["bhr", "east-london-region"]


def test_double_covered_by_overlapping_dated_areas(london):
    # The open row stays on Hackney's partnership; an old row for another one ran on too long.
    area(partnership("newham-and-hackney"), london["Hackney"], start=date(2018, 1, 1),
         end=date(2025, 12, 31))  # fmt: skip
    result = coverage(on=ON)
    hackney = by_code(result)[london["Hackney"].code]
    assert hackney.status == DOUBLE_COVERED
    assert hackney.partnership is None
    assert [p.slug for p in hackney.partnerships] == ["city-hackney", "newham-and-hackney"]
    assert [la.local_authority.name for la in result.double_covered] == ["Hackney"]
    # Before and after the overlap the LA is covered once.
    assert by_code(coverage(on=date(2026, 1, 1)))[london["Hackney"].code].status == COVERED


@pytest.mark.parametrize(
    ("on", "slug"),
    [
        (date(2019, 9, 28), None),  # before the first arrangements
        (date(2019, 9, 29), "newham"),  # start is inclusive
        (date(2023, 3, 31), "newham"),  # end is inclusive
        (date(2023, 4, 1), "east-london"),
        (date(2030, 1, 1), "east-london"),  # open-ended
    ],
)
def test_dated_areas(london, on, slug):
    area(partnership("newham"), london["Newham"], start=date(2019, 9, 29), end=date(2023, 3, 31))
    area(partnership("east-london"), london["Newham"], start=date(2023, 4, 1))
    newham = by_code(coverage(on=on))[london["Newham"].code]
    assert (newham.partnership.slug if newham.partnership else None) == slug


def test_force_and_icb_covered_only_when_every_la_is(london):
    result = coverage(on=ON)
    (met,) = result.police_force_areas
    (nel,) = result.icbs
    assert not met.covered and not nel.covered
    assert [la.local_authority.name for la in met.uncovered_local_authorities] == ["Newham"]
    assert [p.slug for p in met.partnerships] == [
        "barking-dagenham", "city-hackney", "havering", "redbridge",
    ]  # fmt: skip
    assert result.uncovered_police_force_areas == (met,)
    area(partnership("newham"), london["Newham"])
    result = coverage(on=ON)
    assert result.police_force_areas[0].covered and result.icbs[0].covered
    assert result.uncovered_police_force_areas == result.uncovered_icbs == ()


def test_force_with_no_la_is_not_covered(db):
    PoliceForceAreaFactory()
    assert not coverage(on=ON).police_force_areas[0].covered


def test_icb_spanning_two_las_in_different_partnerships(db):
    shared = IntegratedCareBoardFactory()
    own = IntegratedCareBoardFactory()
    essex = LocalAuthorityFactory(name="Essex", icbs=[(shared, "0.6"), (own, "0.4")])
    suffolk = LocalAuthorityFactory(name="Suffolk", icbs=[shared])
    area(partnership("essex"), essex)
    result = coverage(on=ON)
    icbs = {row.area.code: row for row in result.icbs}
    assert not icbs[shared.code].covered  # Suffolk is not covered
    assert icbs[own.code].covered
    area(partnership("suffolk"), suffolk)
    icbs = {row.area.code: row for row in coverage(on=ON).icbs}
    assert [p.slug for p in icbs[shared.code].partnerships] == ["essex", "suffolk"]
    essex_row = by_code(coverage(on=ON))[essex.code]
    assert [o.lsoa_share for o in essex_row.icb_overlaps] == [Decimal("0.6"), Decimal("0.4")]


def test_region_filter(london):
    LocalAuthorityFactory(
        name="Leeds", region_code="E12000003", region_name="Yorkshire and The Humber"
    )
    result = coverage(on=ON)
    assert [name for _, name in result.regions] == ["London", "Yorkshire and The Humber"]
    leeds = result.in_region("E12000003")
    assert [la.local_authority.name for la in leeds.local_authorities] == ["Leeds"]
    assert len(leeds.police_force_areas) == len(leeds.icbs) == 1
    assert [region for region, _ in result.by_region()] == ["London", "Yorkshire and The Humber"]


def test_query_count_does_not_grow_with_rows(db, django_assert_max_num_queries):
    force = PoliceForceAreaFactory()
    parent = partnership("parent")
    for n in range(30):
        la = LocalAuthorityFactory(
            police_forces=[force, PoliceForceAreaFactory()],
            icbs=[IntegratedCareBoardFactory(), IntegratedCareBoardFactory()],
        )
        area(partnership(f"p-{n}", parent=parent), la)
    with django_assert_max_num_queries(7):
        result = coverage(on=ON)
        assert len(result.local_authorities) == 30
        assert all(la.parents for la in result.local_authorities)
        assert len(result.icbs) == 60


def test_on_the_shipped_data_everything_starts_uncovered(loaded):
    result = coverage(on=ON)
    assert len(result.local_authorities) == len(result.uncovered) == 153
    assert len(result.uncovered_police_force_areas) == 39
    assert len(result.uncovered_icbs) == 42


def test_partners_expected_for_essex(loaded):
    from masa.geography.models import LocalAuthority

    expected = partners_expected_for(LocalAuthority.objects.filter(name="Essex"))
    assert [p.name for p in expected["police"]] == ["Essex"]
    assert sorted(i.ods_code for i in expected["icbs"]) == ["QH8", "QJG", "QM7"]


def test_partners_expected_for_bhr_and_city_with_codes(loaded, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        expected = partners_expected_for(["E09000002", "E09000016", "E09000026", "E09000001"])
    assert [p.name for p in expected["police"]] == ["London, City of", "Metropolitan Police"]
    assert [i.ods_code for i in expected["icbs"]] == ["QMF"]
    assert expected["icbs"][0].largest_lsoa_share == Decimal("1.000")


def test_partners_expected_for_flags_small_overlaps(loaded):
    expected = partners_expected_for(["E10000025"])  # Oxfordshire
    shares = {i.ods_code: i.largest_lsoa_share for i in expected["icbs"]}
    assert shares == {"QU9": Decimal("0.988"), "QOX": Decimal("0.009"), "QPM": Decimal("0.002")}


@pytest.mark.django_db
def test_fictional_demo_areas_never_count_in_national_coverage():
    from datetime import date

    from masa.geography.models import LocalAuthority
    from masa.geography.selectors import coverage
    from masa.geography.tests.factories import (
        IntegratedCareBoardFactory,
        LocalAuthorityFactory,
        PoliceForceAreaFactory,
    )

    real = LocalAuthorityFactory()
    force = PoliceForceAreaFactory(code="X23000001", name="Northshire Police (fictional)")
    icb = IntegratedCareBoardFactory(code="X54000001", name="NHS Northshire ICB (fictional)")
    fictional = LocalAuthorityFactory(
        code="X00000001", name="Northshire (fictional)", police_forces=[force], icbs=[icb]
    )
    assert fictional.is_fictional and not real.is_fictional
    assert list(LocalAuthority.objects.real()) == [real]
    result = coverage(on=date(2025, 6, 1))
    codes = {c.local_authority.code for c in result.local_authorities}
    assert codes == {real.code}
    assert "X23000001" not in {a.area.code for a in result.police_force_areas}
    assert "X54000001" not in {a.area.code for a in result.icbs}

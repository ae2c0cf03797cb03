"""Areas: an LA is in one partnership at a time; areas are recorded on the local partnerships."""

from datetime import date

import pytest

from masa.core.errors import Conflict, InvalidInput
from masa.geography.tests.factories import LocalAuthorityFactory
from masa.partnerships import services
from masa.partnerships.models import PartnershipArea
from masa.timeline.models import Event

from .factories import PartnershipAreaFactory, PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def by():
    return UserFactory()


def test_area_add_records_the_area_and_an_event(by):
    partnership = PartnershipFactory(name="Havering LSCP")
    la = LocalAuthorityFactory(name="Havering")

    area = services.area_add(
        partnership=partnership, local_authority=la, start=date(2019, 6, 1), by=by
    )

    assert area.end is None
    event = Event.objects.get(verb="area.added")
    assert event.partnership == partnership
    assert event.actor == by
    assert "Havering LSCP covers Havering from 1 June 2019" in event.message


@pytest.mark.parametrize(
    ("existing", "new"),
    [
        ((date(2019, 6, 1), None), (date(2024, 1, 1), None)),  # both open
        ((date(2019, 6, 1), date(2022, 3, 31)), (date(2022, 3, 31), None)),  # one shared day
        ((date(2023, 1, 1), None), (date(2019, 1, 1), date(2023, 1, 1))),  # new ends on its start
        ((date(2020, 1, 1), date(2020, 12, 31)), (date(2019, 1, 1), date(2021, 1, 1))),  # inside
    ],
)
def test_an_area_already_covered_on_any_day_is_refused_and_nothing_is_written(by, existing, new):
    la = LocalAuthorityFactory(name="Redbridge")
    holder = PartnershipFactory(name="Redbridge LSCP")
    PartnershipAreaFactory(
        partnership=holder, local_authority=la, start=existing[0], end=existing[1]
    )
    other = PartnershipFactory(name="Another partnership")

    with pytest.raises(Conflict) as refused:
        services.area_add(partnership=other, local_authority=la, start=new[0], end=new[1], by=by)

    assert "Redbridge is already covered by Redbridge LSCP" in refused.value.message
    assert f"from {existing[0].day} " in refused.value.message
    assert "local_authority" in refused.value.field_errors
    assert not PartnershipArea.objects.filter(partnership=other).exists()
    assert not Event.objects.exists()


def test_adjacent_periods_do_not_conflict(by):
    la = LocalAuthorityFactory()
    PartnershipAreaFactory(local_authority=la, start=date(2019, 6, 1), end=date(2022, 3, 31))
    other = PartnershipFactory()

    area = services.area_add(partnership=other, local_authority=la, start=date(2022, 4, 1), by=by)

    assert area.pk


def test_a_parent_cannot_take_an_area_its_child_covers(by):
    bhr = PartnershipFactory(name="BHR")
    havering = PartnershipFactory(name="Havering LSCP", parent=bhr)
    la = LocalAuthorityFactory(name="Havering")
    PartnershipAreaFactory(partnership=havering, local_authority=la)

    with pytest.raises(Conflict) as refused:
        services.area_add(partnership=bhr, local_authority=la, start=date(2024, 4, 1), by=by)

    assert "BHR has local partnerships within it" in refused.value.message
    assert not PartnershipArea.objects.filter(partnership=bhr).exists()


def test_a_child_cannot_take_an_area_its_parent_still_covers(by):
    bhr = PartnershipFactory(name="BHR")
    la = LocalAuthorityFactory(name="Havering")
    PartnershipAreaFactory(partnership=bhr, local_authority=la)
    # The parent row predates the child (set up directly, as a migration from older data would).
    havering = PartnershipFactory(name="Havering LSCP", parent=bhr)

    with pytest.raises(Conflict) as refused:
        services.area_add(partnership=havering, local_authority=la, start=date(2025, 1, 1), by=by)

    assert "already covered by BHR itself" in refused.value.message
    assert "End that area on BHR first" in refused.value.message


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (None, None, "start"),
        ("2024-01-01", None, "start"),
        (date(2024, 4, 1), date(2024, 3, 31), "end"),
    ],
)
def test_area_dates_are_checked(by, start, end, field):
    with pytest.raises(InvalidInput) as refused:
        services.area_add(
            partnership=PartnershipFactory(),
            local_authority=LocalAuthorityFactory(),
            start=start,
            end=end,
            by=by,
        )
    assert field in refused.value.field_errors
    assert not PartnershipArea.objects.exists()


def test_area_end_sets_the_last_day_once(by):
    area = PartnershipAreaFactory(start=date(2019, 6, 1))

    services.area_end(area=area, end=date(2025, 3, 31), by=by)

    area.refresh_from_db()
    assert area.end == date(2025, 3, 31)
    assert Event.objects.filter(verb="area.ended").count() == 1
    with pytest.raises(Conflict, match="already ended on 31 March 2025"):
        services.area_end(area=area, end=date(2025, 4, 30), by=by)


def test_area_end_before_start_is_refused(by):
    area = PartnershipAreaFactory(start=date(2019, 6, 1))
    with pytest.raises(InvalidInput) as refused:
        services.area_end(area=area, end=date(2019, 5, 31), by=by)
    assert "end" in refused.value.field_errors
    area.refresh_from_db()
    assert area.end is None

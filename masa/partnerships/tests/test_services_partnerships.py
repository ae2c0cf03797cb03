from datetime import date

import pytest

from masa.core.errors import Conflict, InvalidInput
from masa.partnerships import services
from masa.partnerships.models import Guidance, Partnership
from masa.timeline.models import Event

from .factories import PartnershipAreaFactory, PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def by():
    return UserFactory()


def test_partnership_create(by):
    bhr = PartnershipFactory(name="BHR")
    created = services.partnership_create(
        name="Havering LSCP",
        slug="havering",
        guidance=Guidance.WT2018,
        parent=bhr,
        by=by,
        website="https://example.org",
    )
    assert created.parent == bhr
    event = Event.objects.get(verb="partnership.created")
    assert event.partnership == created
    assert "Havering LSCP (Working Together 2018), within BHR" in event.message


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": ""}, "name"),
        ({"slug": "Not a slug!"}, "slug"),
        ({"slug": "add"}, "slug"),
        ({"guidance": "wt1999"}, "guidance"),
        ({"website": "not a url"}, "website"),
        ({"slug": "taken"}, "slug"),
        ({"name": "TAKEN NAME"}, "name"),
    ],
)
def test_partnership_create_refusals(by, fields, field):
    PartnershipFactory(name="Taken name", slug="taken")
    values = {"name": "New partnership", "slug": "brand-new", "guidance": Guidance.WT2023, **fields}
    with pytest.raises(InvalidInput) as refused:
        services.partnership_create(by=by, **values)
    assert field in refused.value.field_errors
    assert Partnership.objects.count() == 1
    assert not Event.objects.exists()


def test_a_partnership_covering_areas_itself_cannot_take_children(by):
    parent = PartnershipFactory(name="Combined")
    PartnershipAreaFactory(partnership=parent)
    with pytest.raises(Conflict, match="still covers"):
        services.partnership_create(
            name="Child", slug="child", guidance="wt2023", parent=parent, by=by
        )


def test_nesting_is_limited_to_three_levels(by):
    top = PartnershipFactory()
    middle = PartnershipFactory(parent=top)
    leaf = PartnershipFactory(parent=middle)
    with pytest.raises(InvalidInput, match="at most 3 levels"):
        services.partnership_create(
            name="Too deep", slug="deep", guidance="wt2023", parent=leaf, by=by
        )


def test_partnership_update_records_what_changed(by):
    partnership = PartnershipFactory(name="Old name", guidance=Guidance.WT2018)
    services.partnership_update(
        partnership=partnership, by=by, name="New name", guidance=Guidance.WT2023
    )
    partnership.refresh_from_db()
    assert (partnership.name, partnership.guidance) == ("New name", Guidance.WT2023)
    event = Event.objects.get(verb="partnership.updated")
    assert "now works to Working Together 2023" in event.message
    assert "renamed from Old name" in event.message
    assert event.data["changes"]["guidance"] == ["wt2018", "wt2023"]


def test_partnership_update_without_change_writes_nothing(by):
    partnership = PartnershipFactory(name="Same")
    services.partnership_update(partnership=partnership, by=by, name="Same")
    assert not Event.objects.exists()


def test_a_partnership_cannot_sit_within_its_own_child(by):
    parent = PartnershipFactory()
    child = PartnershipFactory(parent=parent)
    with pytest.raises(InvalidInput, match="cannot sit within itself"):
        services.partnership_update(partnership=parent, parent=child, by=by)
    with pytest.raises(InvalidInput, match="cannot sit within itself"):
        services.partnership_update(partnership=parent, parent=parent, by=by)
    parent.refresh_from_db()
    assert parent.parent is None


def test_area_history_survives_a_parent_change(by):
    partnership = PartnershipFactory()
    PartnershipAreaFactory(partnership=partnership, start=date(2019, 1, 1))
    services.partnership_update(partnership=partnership, parent=PartnershipFactory(), by=by)
    assert partnership.areas.count() == 1

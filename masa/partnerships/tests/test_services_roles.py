"""Posts: one holder at a time for single-holder roles, rotation keeps the history."""

from datetime import date

import pytest

from masa.core.errors import Conflict, InvalidInput
from masa.partnerships import services
from masa.partnerships.models import OrganisationKind, PartnerType, RoleAssignment, RoleKind
from masa.timeline.models import Event

from .factories import OrganisationFactory, PartnershipFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def by():
    return UserFactory()


@pytest.fixture
def partnership():
    return PartnershipFactory(name="Northshire")


def _dsp(partnership, partner_type, title, start=date(2024, 4, 1)):
    return RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.DELEGATED_PARTNER,
        partner_type=partner_type,
        job_title=title,
        start=start,
    )


def test_rotating_the_chair_ends_the_previous_holder_the_day_before(by, partnership):
    police = _dsp(partnership, PartnerType.POLICE, "Head of Public Protection")
    council = _dsp(partnership, PartnerType.LOCAL_AUTHORITY, "Director of Children's Services")
    first = services.role_assign(
        partnership=partnership,
        role=RoleKind.CHAIR,
        job_title="",
        held_by_delegate=police,
        start=date(2024, 4, 1),
        by=by,
    )

    second = services.role_assign(
        partnership=partnership,
        role=RoleKind.CHAIR,
        job_title="",
        held_by_delegate=council,
        start=date(2025, 4, 1),
        by=by,
    )

    first.refresh_from_db()
    assert first.end == date(2025, 3, 31)
    assert second.end is None
    assert second.job_title == "Director of Children's Services"  # taken from the delegate
    chairs = RoleAssignment.objects.filter(partnership=partnership, role=RoleKind.CHAIR)
    assert chairs.count() == 2  # history kept, nothing overwritten
    event = Event.objects.filter(verb="role.assigned").first()
    assert "Head of Public Protection stopped after 31 March 2025" in event.message
    assert event.data["ended"] == [first.pk]


@pytest.mark.parametrize("role", [RoleKind.SCRUTINEER, RoleKind.BUSINESS_MANAGER])
def test_single_holder_roles_rotate(by, partnership, role):
    old = RoleAssignmentFactory(partnership=partnership, role=role, start=date(2020, 1, 1))
    services.role_assign(
        partnership=partnership, role=role, job_title="New holder", start=date(2025, 1, 6), by=by
    )
    old.refresh_from_db()
    assert old.end == date(2025, 1, 5)


def test_lead_partners_rotate_per_partner_type(by, partnership):
    la_lead = RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.LEAD_PARTNER,
        partner_type=PartnerType.LOCAL_AUTHORITY,
    )
    police_lead = RoleAssignmentFactory(
        partnership=partnership, role=RoleKind.LEAD_PARTNER, partner_type=PartnerType.POLICE
    )
    services.role_assign(
        partnership=partnership,
        role=RoleKind.LEAD_PARTNER,
        partner_type=PartnerType.POLICE,
        job_title="New Chief Constable",
        start=date(2025, 2, 1),
        by=by,
    )
    la_lead.refresh_from_db()
    police_lead.refresh_from_db()
    assert la_lead.end is None
    assert police_lead.end == date(2025, 1, 31)


def test_an_already_ended_holder_is_left_alone(by, partnership):
    old = RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.SCRUTINEER,
        start=date(2020, 1, 1),
        end=date(2022, 12, 31),
    )
    services.role_assign(
        partnership=partnership,
        role=RoleKind.SCRUTINEER,
        job_title="New",
        start=date(2025, 1, 1),
        by=by,
    )
    old.refresh_from_db()
    assert old.end == date(2022, 12, 31)


def test_a_new_holder_cannot_start_before_the_current_one(by, partnership):
    current = RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.SCRUTINEER,
        job_title="Independent Scrutineer",
        start=date(2025, 1, 1),
    )
    with pytest.raises(Conflict) as refused:
        services.role_assign(
            partnership=partnership,
            role=RoleKind.SCRUTINEER,
            job_title="Other",
            start=date(2024, 6, 1),
            by=by,
        )
    assert "start" in refused.value.field_errors
    current.refresh_from_db()
    assert current.end is None
    assert RoleAssignment.objects.count() == 1


def test_education_representatives_may_be_several(by, partnership):
    for title in ("Primary headteacher", "Secondary headteacher"):
        services.role_assign(
            partnership=partnership,
            role=RoleKind.EDUCATION_REPRESENTATIVE,
            job_title=title,
            start=date(2024, 9, 1),
            by=by,
        )
    assert RoleAssignment.objects.filter(end__isnull=True).count() == 2
    with pytest.raises(Conflict):
        services.role_assign(
            partnership=partnership,
            role=RoleKind.EDUCATION_REPRESENTATIVE,
            job_title="primary headteacher",
            start=date(2025, 1, 1),
            by=by,
        )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"role": "king"}, "role"),
        ({"job_title": ""}, "job_title"),
        ({"start": None}, "start"),
        ({"role": RoleKind.LEAD_PARTNER}, "partner_type"),
        ({"role": RoleKind.SCRUTINEER, "partner_type": PartnerType.POLICE}, "partner_type"),
    ],
)
def test_role_assign_refusals(by, partnership, fields, field):
    values = {
        "role": RoleKind.SCRUTINEER,
        "job_title": "Scrutineer",
        "start": date(2025, 1, 1),
        **fields,
    }
    with pytest.raises(InvalidInput) as refused:
        services.role_assign(partnership=partnership, by=by, **values)
    assert field in refused.value.field_errors
    assert not RoleAssignment.objects.exists()
    assert not Event.objects.exists()


def test_the_chair_must_be_held_by_a_current_delegate_of_the_same_partnership(by, partnership):
    other = _dsp(PartnershipFactory(), PartnerType.POLICE, "Elsewhere")
    ended = _dsp(partnership, PartnerType.ICB, "Former Chief Nurse")
    ended.end = date(2024, 12, 31)
    ended.save()
    lead = RoleAssignmentFactory(
        partnership=partnership, role=RoleKind.LEAD_PARTNER, partner_type=PartnerType.ICB
    )
    for delegate in (other, ended, lead):
        with pytest.raises(InvalidInput) as refused:
            services.role_assign(
                partnership=partnership,
                role=RoleKind.CHAIR,
                job_title="",
                held_by_delegate=delegate,
                start=date(2025, 1, 1),
                by=by,
            )
        assert "held_by_delegate" in refused.value.field_errors


def test_only_the_chair_is_held_by_a_delegate(by, partnership):
    dsp = _dsp(partnership, PartnerType.POLICE, "Head of Public Protection")
    with pytest.raises(InvalidInput) as refused:
        services.role_assign(
            partnership=partnership,
            role=RoleKind.SCRUTINEER,
            job_title="Scrutineer",
            held_by_delegate=dsp,
            start=date(2025, 1, 1),
            by=by,
        )
    assert "held_by_delegate" in refused.value.field_errors


def test_a_partner_post_organisation_must_be_that_partner(by, partnership):
    force = OrganisationFactory(kind=OrganisationKind.POLICE)
    with pytest.raises(InvalidInput) as refused:
        services.role_assign(
            partnership=partnership,
            role=RoleKind.LEAD_PARTNER,
            partner_type=PartnerType.ICB,
            job_title="Chief Executive",
            organisation=force,
            start=date(2025, 1, 1),
            by=by,
        )
    assert "organisation" in refused.value.field_errors


def test_role_end(by, partnership):
    role = RoleAssignmentFactory(partnership=partnership, start=date(2020, 1, 1))
    services.role_end(assignment=role, end=date(2024, 3, 31), by=by)
    role.refresh_from_db()
    assert role.end == date(2024, 3, 31)
    assert Event.objects.filter(verb="role.ended").count() == 1

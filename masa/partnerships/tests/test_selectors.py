from datetime import date

import pytest

from masa.partnerships import selectors
from masa.partnerships.models import RoleKind

from .factories import (
    BoardFactory,
    PartnershipFactory,
    RoleAssignmentFactory,
    complete_partnership,
)

pytestmark = pytest.mark.django_db
ON = date(2025, 6, 2)


def test_roles_with_history_groups_current_then_upcoming_then_ended(
    django_assert_num_queries,
):
    partnership = PartnershipFactory()
    old = RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.SCRUTINEER,
        start=date(2019, 1, 1),
        end=date(2021, 12, 31),
    )
    older = RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.SCRUTINEER,
        start=date(2015, 1, 1),
        end=date(2018, 12, 31),
    )
    now = RoleAssignmentFactory(
        partnership=partnership,
        role=RoleKind.SCRUTINEER,
        start=date(2022, 1, 1),
        end=date(2025, 12, 31),
    )
    later = RoleAssignmentFactory(
        partnership=partnership, role=RoleKind.SCRUTINEER, start=date(2026, 1, 1)
    )

    with django_assert_num_queries(1):
        groups = {g.role: g for g in selectors.roles_with_history(partnership, ON)}

    assert list(groups) == [role.value for role in RoleKind]
    scrutineers = groups[RoleKind.SCRUTINEER]
    assert scrutineers.rows == (now, later, old, older)
    assert groups[RoleKind.CHAIR].rows == ()


def test_partnership_overview_counts():
    partnership = complete_partnership()
    overview = selectors.partnership_overview(partnership, ON)
    assert overview.findings == []
    assert overview.counts == {
        "areas": 1,
        "partners": 3,
        "people": 10,
        "relevant_agencies": 2,
        "education_agencies": 1,
        "boards": 1,
        "priorities": 1,
    }
    assert [label for label, _ in overview.people][:2] == [
        "Lead safeguarding partner",
        "Delegated safeguarding partner",
    ]


def test_a_parent_covers_the_areas_of_the_partnerships_within_it():
    parent = PartnershipFactory()
    child = complete_partnership(parent=parent)
    assert list(selectors.areas_for(parent)) == list(child.areas.all())
    overview = selectors.partnership_overview(parent, ON)
    assert overview.counts["areas"] == 1
    assert overview.children == [child]


def test_boards_outline_nests_subgroups():
    partnership = PartnershipFactory()
    executive = BoardFactory(partnership=partnership, name="Executive", kind="strategic")
    learning = BoardFactory(partnership=partnership, name="Learning", parent=executive)
    audit = BoardFactory(partnership=partnership, name="Audit", parent=learning)
    assert selectors.boards_for(partnership) == [(executive, 0), (learning, 1), (audit, 2)]

"""Relevant agencies, boards and priorities."""

from datetime import date

import pytest

from masa.core.errors import Conflict, InvalidInput
from masa.partnerships import services
from masa.partnerships.models import Board, OrganisationKind, Priority, RelevantAgency
from masa.timeline.models import Event

from .factories import (
    BoardFactory,
    OrganisationFactory,
    PartnershipFactory,
    PriorityFactory,
    RelevantAgencyFactory,
    StatutoryPartnerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def by():
    return UserFactory()


def test_relevant_agency_add_update_end(by):
    partnership = PartnershipFactory()
    college = OrganisationFactory(name="Northshire College", schedule_paragraph=10)
    agency = services.relevant_agency_add(
        partnership=partnership,
        organisation=college,
        why_chosen=" The main FE college ",
        start=date(2024, 4, 1),
        by=by,
    )
    assert agency.why_chosen == "The main FE college"
    assert "(Schedule paragraph 10)" in Event.objects.get(verb="agency.added").message

    services.relevant_agency_update(
        agency=agency, why_chosen="Main college", contribution="Hosts training", by=by
    )
    agency.refresh_from_db()
    assert agency.contribution == "Hosts training"
    assert "why chosen and contribution" in Event.objects.get(verb="agency.updated").message

    services.relevant_agency_end(agency=agency, end=date(2025, 3, 31), by=by)
    agency.refresh_from_db()
    assert agency.end == date(2025, 3, 31)


@pytest.mark.parametrize("why", ["", "   ", None])
def test_why_chosen_is_required(by, why):
    with pytest.raises(InvalidInput) as refused:
        services.relevant_agency_add(
            partnership=PartnershipFactory(),
            organisation=OrganisationFactory(),
            why_chosen=why,
            start=date(2024, 4, 1),
            by=by,
        )
    assert "why_chosen" in refused.value.field_errors
    assert not RelevantAgency.objects.exists()


def test_why_chosen_cannot_be_emptied(by):
    agency = RelevantAgencyFactory()
    with pytest.raises(InvalidInput):
        services.relevant_agency_update(agency=agency, why_chosen="", contribution="", by=by)


def test_the_same_agency_twice_is_refused(by):
    agency = RelevantAgencyFactory()
    with pytest.raises(Conflict, match="already a relevant agency"):
        services.relevant_agency_add(
            partnership=agency.partnership,
            organisation=agency.organisation,
            why_chosen="Again",
            start=date(2025, 1, 1),
            by=by,
        )


def test_a_statutory_partner_is_not_also_a_relevant_agency(by):
    partner = StatutoryPartnerFactory()
    with pytest.raises(InvalidInput, match="is a safeguarding partner"):
        services.relevant_agency_add(
            partnership=partner.partnership,
            organisation=partner.organisation,
            why_chosen="Why",
            start=date(2025, 1, 1),
            by=by,
        )


def test_board_create_and_update(by):
    partnership = PartnershipFactory()
    executive = services.board_create(
        partnership=partnership, name="Executive", kind="strategic", includes_education=True, by=by
    )
    subgroup = services.board_create(
        partnership=partnership, name="Learning", kind="subgroup", parent=executive, by=by
    )
    assert "reporting to Executive" in Event.objects.filter(verb="board.created").first().message

    services.board_update(
        board=subgroup,
        name="Learning and Improvement",
        kind="subgroup",
        parent=executive,
        meets="Monthly",
        by=by,
    )
    subgroup.refresh_from_db()
    assert (subgroup.name, subgroup.meets) == ("Learning and Improvement", "Monthly")


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"name": ""}, "name"), ({"kind": "committee"}, "kind"), ({"name": "executive"}, "name")],
)
def test_board_refusals(by, fields, field):
    partnership = PartnershipFactory()
    BoardFactory(partnership=partnership, name="Executive")
    with pytest.raises(InvalidInput) as refused:
        services.board_create(
            partnership=partnership, by=by, **{"name": "New", "kind": "subgroup", **fields}
        )
    assert field in refused.value.field_errors
    assert Board.objects.count() == 1


def test_a_board_cannot_report_to_itself_or_another_partnerships_board(by):
    board = BoardFactory()
    child = BoardFactory(partnership=board.partnership, parent=board)
    with pytest.raises(InvalidInput, match="cannot report to itself"):
        services.board_update(board=board, name=board.name, kind=board.kind, parent=child, by=by)
    with pytest.raises(InvalidInput, match="this partnership's groups"):
        services.board_create(
            partnership=board.partnership, name="X", kind="subgroup", parent=BoardFactory(), by=by
        )


def test_priority_create_update_end(by):
    partnership = PartnershipFactory()
    PriorityFactory(partnership=partnership, position=3)
    priority = services.priority_create(
        partnership=partnership, title="Neglect", start=date(2024, 4, 1), by=by
    )
    assert priority.position == 4

    services.priority_update(
        priority=priority, title="Neglect in adolescence", by=by, description="Older children"
    )
    priority.refresh_from_db()
    assert priority.title == "Neglect in adolescence"

    services.priority_end(priority=priority, end=date(2025, 3, 31), by=by)
    priority.refresh_from_db()
    assert priority.end == date(2025, 3, 31)
    assert Event.objects.filter(partnership=partnership).count() == 3


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"start": None}, "start"),
        ({"end": date(2020, 1, 1)}, "end"),
        ({"position": -1}, "position"),
    ],
)
def test_priority_refusals(by, fields, field):
    values = {"title": "Neglect", "start": date(2024, 4, 1), **fields}
    with pytest.raises(InvalidInput) as refused:
        services.priority_create(partnership=PartnershipFactory(), by=by, **values)
    assert field in refused.value.field_errors
    assert not Priority.objects.exists()


def test_organisation_kind_other_can_be_a_relevant_agency(by):
    body = OrganisationFactory(kind=OrganisationKind.OTHER)
    agency = services.relevant_agency_add(
        partnership=PartnershipFactory(),
        organisation=body,
        why_chosen="Local knowledge",
        start=date(2024, 1, 1),
        by=by,
    )
    assert agency.pk

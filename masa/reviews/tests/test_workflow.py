"""Every allowed and every forbidden transition of both tables, through the services."""

from itertools import product

import pytest

from masa.core.errors import TransitionNotAllowed
from masa.reviews import workflow
from masa.reviews.workflow import (
    PRACTICE_TRANSITIONS,
    RAPID_TRANSITIONS,
    PracticeStatus,
    RapidStatus,
)

from .factories import practice_to, rapid_to

RAPID_PAIRS = list(product(RapidStatus.values, RapidStatus.values))
PRACTICE_PAIRS = list(product(PracticeStatus.values, PracticeStatus.values))


@pytest.mark.parametrize(("current", "target"), RAPID_PAIRS)
def test_rapid_table(current, target):
    if target in RAPID_TRANSITIONS[current]:
        workflow.check_transition("rapid review", current, target)
    else:
        with pytest.raises(TransitionNotAllowed):
            workflow.check_transition("rapid review", current, target)


@pytest.mark.parametrize(("current", "target"), PRACTICE_PAIRS)
def test_practice_table(current, target):
    if target in PRACTICE_TRANSITIONS[current]:
        workflow.check_transition("practice review", current, target)
    else:
        with pytest.raises(TransitionNotAllowed):
            workflow.check_transition("practice review", current, target)


def test_open_and_terminal_are_derived():
    assert {RapidStatus.CLOSED} == workflow.RAPID_TERMINAL
    assert {PracticeStatus.CLOSED} == workflow.PRACTICE_TERMINAL
    assert (
        RapidStatus.OPEN in workflow.RAPID_OPEN
        and PracticeStatus.INITIATED in workflow.PRACTICE_OPEN
    )


@pytest.mark.django_db
@pytest.mark.parametrize("status", RapidStatus.values)
def test_each_rapid_status_is_reachable_through_the_services(partnership, manager, status):
    assert rapid_to(status, partnership, manager).status == status


@pytest.mark.django_db
@pytest.mark.parametrize("status", PracticeStatus.values)
def test_each_practice_status_is_reachable_through_the_services(partnership, manager, status):
    assert practice_to(status, partnership, manager).status == status


@pytest.mark.django_db
@pytest.mark.parametrize("status", PracticeStatus.values)
def test_steps_offered_are_only_the_allowed_moves(partnership, manager, status):
    from masa.reviews.steps import offered

    for _slug, step in offered("practice review", status):
        assert not step.to or step.to in PRACTICE_TRANSITIONS[status] or status in step.while_in

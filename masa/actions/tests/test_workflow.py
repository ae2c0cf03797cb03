"""Every allowed and every forbidden move of both workflows, read from the tables."""

from itertools import product

import pytest

from masa.actions import workflow
from masa.actions.workflow import ActionStatus, RecommendationStatus
from masa.core.errors import TransitionNotAllowed

ACTION_PAIRS = list(product(ActionStatus.values, repeat=2))
RECOMMENDATION_PAIRS = list(product(RecommendationStatus.values, repeat=2))


def test_the_action_table_is_the_agreed_workflow():
    A = ActionStatus
    assert {
        A.NOT_STARTED: {A.IN_PROGRESS},
        A.IN_PROGRESS: {A.BLOCKED, A.IMPLEMENTED},
        A.BLOCKED: {A.IN_PROGRESS},
        A.IMPLEMENTED: {A.IMPACT_EVIDENCED},
        A.IMPACT_EVIDENCED: {A.SIGNED_OFF},
        A.SIGNED_OFF: set(),
    } == workflow.ACTION_TRANSITIONS
    assert {A.SIGNED_OFF} == workflow.ACTION_TERMINAL


@pytest.mark.parametrize(("current", "target"), ACTION_PAIRS)
def test_action_moves(current, target):
    if target in workflow.ACTION_TRANSITIONS[current]:
        workflow.check_action(current, target)
    else:
        with pytest.raises(TransitionNotAllowed, match="An action cannot move from"):
            workflow.check_action(current, target)


@pytest.mark.parametrize(("current", "target"), RECOMMENDATION_PAIRS)
def test_recommendation_moves(current, target):
    if target in workflow.RECOMMENDATION_TRANSITIONS[current]:
        workflow.check_recommendation(current, target)
    else:
        with pytest.raises(TransitionNotAllowed, match="A recommendation cannot move from"):
            workflow.check_recommendation(current, target)


def test_every_move_has_a_button_label():
    for nexts in workflow.ACTION_TRANSITIONS.values():
        assert nexts <= set(workflow.ACTION_LABELS)
    for nexts in workflow.RECOMMENDATION_TRANSITIONS.values():
        assert nexts <= set(workflow.RECOMMENDATION_LABELS)
    assert {"closed", "rejected"} == workflow.RECOMMENDATION_TERMINAL

"""Every allowed and every forbidden move of a notification's status, as a table."""

from itertools import product

import pytest

from masa.core.errors import TransitionNotAllowed
from masa.incidents import workflow
from masa.incidents.workflow import Status

ALLOWED = {("draft", "notified"), ("notified", "closed")}
ALL_PAIRS = list(product(Status.values, Status.values))


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_allowed(current, target):
    workflow.check_transition(current, target)
    assert target in workflow.allowed(current)


@pytest.mark.parametrize(("current", "target"), [p for p in ALL_PAIRS if p not in ALLOWED])
def test_forbidden(current, target):
    with pytest.raises(TransitionNotAllowed, match="cannot move from"):
        workflow.check_transition(current, target)


def test_unknown_states_are_refused():
    with pytest.raises(TransitionNotAllowed):
        workflow.check_transition("draft", "published")
    assert workflow.allowed("nonsense") == frozenset()


def test_open_and_terminal_are_derived_from_the_table():
    assert {"closed"} == workflow.TERMINAL
    assert {"draft", "notified"} == workflow.OPEN

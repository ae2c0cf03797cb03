"""Every allowed and forbidden move of a version."""

import itertools

import pytest

from masa.core.errors import TransitionNotAllowed
from masa.documents import workflow
from masa.documents.models import VersionStatus as S

ALLOWED = {(S.DRAFT, S.PUBLISHED), (S.PUBLISHED, S.SUPERSEDED)}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S.values, S.values)))
def test_transition_table(current, target):
    if (current, target) in ALLOWED:
        workflow.check_transition(current, target)
    else:
        with pytest.raises(TransitionNotAllowed):
            workflow.check_transition(current, target)


def test_derived_sets():
    assert {S.SUPERSEDED} == workflow.TERMINAL
    assert {S.DRAFT} == workflow.EDITABLE
    assert {S.PUBLISHED, S.SUPERSEDED} == workflow.FROZEN
    assert set(workflow.TAGS) == set(S.values)


def test_refusal_says_what_was_tried():
    with pytest.raises(TransitionNotAllowed, match="from superseded to published"):
        workflow.check_transition(S.SUPERSEDED, S.PUBLISHED)

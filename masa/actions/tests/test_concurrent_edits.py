"""Two people moving the same action or recommendation from the same page: the second move is
refused with what the first saved, and nothing is overwritten."""

import pytest
from django.urls import reverse

from masa.actions import services
from masa.actions.models import Action, Recommendation
from masa.actions.workflow import ActionStatus as A
from masa.actions.workflow import RecommendationStatus as R
from masa.core.errors import InvalidInput, StaleRecord
from masa.core.tests.edit_forms import form_in, open_form, stale_summary
from masa.timeline.models import Event

pytestmark = pytest.mark.django_db


def test_two_moves_of_an_action_from_one_version_the_second_is_refused(action, editor, colleague):
    opened = action.version
    services.action_transition(action=action, to=A.IN_PROGRESS, by=colleague,
                               expected_version=opened)  # fmt: skip
    events = Event.objects.count()
    stale = Action.objects.get(pk=action.pk)
    stale.version = opened  # the second person's page was opened before the first move
    with pytest.raises(StaleRecord) as refused:
        services.action_transition(action=stale, to=A.BLOCKED, by=editor, expected_version=opened)
    action.refresh_from_db()
    assert (action.status, action.version) == (A.IN_PROGRESS, opened + 1)
    assert Event.objects.count() == events
    [change] = refused.value.changes
    assert (change.theirs, change.yours) == ("In progress", "Blocked")


def test_two_moves_of_a_recommendation_the_second_is_refused(recommendation, editor, colleague):
    opened = recommendation.version
    services.recommendation_transition(recommendation=recommendation, to=R.REJECTED,
                                       reason="Duplicate", by=colleague, expected_version=opened)  # fmt: skip
    with pytest.raises(StaleRecord):
        services.recommendation_transition(
            recommendation=Recommendation.objects.get(), to=R.REJECTED, reason="Out of scope",
            by=editor, expected_version=opened,
        )  # fmt: skip
    assert Recommendation.objects.get().rejected_reason == "Duplicate"


def test_a_move_without_the_form_version_is_refused_clearly(action, editor):
    with pytest.raises(InvalidInput) as refused:
        services.action_transition(action=action, to=A.IN_PROGRESS, by=editor, expected_version="")
    assert "open the record again" in refused.value.message
    assert Action.objects.get().status == A.NOT_STARTED


def test_two_people_move_an_action_on_the_page(
    partnership, action, editor_client, colleague_client
):
    url = reverse("actions:status", args=[partnership.slug, action.pk])
    theirs, mine = open_form(colleague_client, url), open_form(editor_client, url)
    theirs["to"] = "in_progress"
    assert colleague_client.post(url, theirs).status_code == 302
    mine["to"] = "blocked"
    response = editor_client.post(url, mine)
    headline, listed = stale_summary(response)
    assert headline.startswith("Someone else changed this record since you opened it: Casey")
    assert listed == ["Status: Casey Colleague saved “In progress”; "
                      "you were about to save “Blocked”"]  # fmt: skip
    assert Action.objects.get().status == A.IN_PROGRESS
    assert form_in(response)["expected_version"] == "2"


def test_two_people_move_a_recommendation_on_the_page(
    partnership, recommendation, editor_client, colleague_client
):
    url = reverse("actions:recommendation-status", args=[partnership.slug, recommendation.pk])
    theirs, mine = open_form(colleague_client, url), open_form(editor_client, url)
    theirs["to"] = "accepted"
    assert colleague_client.post(url, theirs).status_code == 302
    # Rejecting an accepted recommendation is allowed, so without the check this would go through.
    mine.update(to="rejected", reason="Out of scope")
    headline, listed = stale_summary(editor_client.post(url, mine))
    assert "Casey Colleague" in headline
    assert listed == ["Status: Casey Colleague saved “Accepted”; "
                      "you were about to save “Rejected”"]  # fmt: skip
    saved = Recommendation.objects.get()
    assert (saved.status, saved.rejected_reason) == (R.ACCEPTED, "")

"""Two people recording the same rapid review or practice review report: the second save is
refused with what the first saved, and nothing is overwritten."""

from datetime import date

import pytest
from django.urls import reverse

from masa.core.errors import StaleRecord
from masa.core.tests.edit_forms import form_in, open_form, stale_summary
from masa.reviews import services
from masa.reviews.models import PracticeReview, RapidReview
from masa.timeline.models import Event

from .factories import practice_to, rapid_to

pytestmark = pytest.mark.django_db


def test_two_rapid_review_saves_from_one_version_the_second_is_refused(
    partnership, manager, colleague
):
    review = rapid_to("open", partnership, manager)
    opened = review.version
    services.rapid_review_update(review=review, by=colleague, expected_version=opened,
                                 facts="Theirs")  # fmt: skip
    events = Event.objects.count()
    with pytest.raises(StaleRecord) as refused:
        services.rapid_review_update(
            review=RapidReview.objects.get(pk=review.pk), by=manager, expected_version=opened,
            facts="Mine", criterion_a="yes",
        )  # fmt: skip
    review.refresh_from_db()
    assert (review.facts, review.criterion_a, review.version) == ("Theirs", "", opened + 1)
    assert Event.objects.count() == events
    assert [(c.field, c.theirs, c.yours) for c in refused.value.changes] == [
        ("facts", "Theirs", "Mine")
    ]


def test_two_report_records_from_one_version_the_second_is_refused(partnership, manager, colleague):
    review = practice_to("in_progress", partnership, manager)
    opened = review.version

    def receive(who, summary):
        services.practice_review_receive_report(
            review=PracticeReview.objects.get(pk=review.pk), by=who, expected_version=opened,
            received_on=date(2026, 3, 2), summary_of_improvements=summary,
            systemic_analysis=True,
        )  # fmt: skip

    receive(colleague, True)
    with pytest.raises(StaleRecord):
        receive(manager, False)
    review.refresh_from_db()
    assert review.summary_of_improvements is True


def test_two_people_submit_the_rapid_review_form(partnership, manager, manager_client,
                                                 colleague_client):  # fmt: skip
    review = rapid_to("open", partnership, manager)
    page = reverse("reviews:rapid-step", args=[partnership.slug, review.pk, "record"])
    theirs, mine = open_form(colleague_client, page), open_form(manager_client, page)
    theirs["facts"] = "Seen at A&E on 2 March."
    assert colleague_client.post(page, theirs).status_code == 302
    mine.update(facts="Seen by the GP on 1 March.", learning_identified="Share chronologies")
    response = manager_client.post(page, mine)
    headline, listed = stale_summary(response)
    assert headline.startswith("Someone else changed this record since you opened it: Casey")
    assert listed == [
        "Facts, as far as they can readily be established: Casey Colleague saved "
        "“Seen at A&E on 2 March.”; you were about to save “Seen by the GP on 1 March.”"
    ]
    review.refresh_from_db()
    assert (review.facts, review.learning_identified) == ("Seen at A&E on 2 March.", "")
    again = form_in(response)
    assert again["expected_version"] == str(review.version)
    assert again["learning_identified"] == "Share chronologies"


def test_two_people_submit_the_report_form(partnership, manager, manager_client,
                                           colleague_client):  # fmt: skip
    review = practice_to("in_progress", partnership, manager)
    page = reverse("reviews:practice-step", args=[partnership.slug, review.pk, "report"])
    theirs, mine = open_form(colleague_client, page), open_form(manager_client, page)
    day = {"received_on_0": "2", "received_on_1": "3", "received_on_2": "2026"}
    theirs.update(day, summary_of_improvements="on")
    assert colleague_client.post(page, theirs).status_code == 302
    mine.update(day, systemic_analysis="on")
    headline, listed = stale_summary(manager_client.post(page, mine))
    assert "Casey Colleague" in headline
    assert any(line.startswith("Reg 15(a)") for line in listed)
    review.refresh_from_db()
    assert (review.summary_of_improvements, review.systemic_analysis) == (True, False)

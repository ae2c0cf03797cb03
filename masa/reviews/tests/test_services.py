"""Review services against the database: each bad input refused with a clear message, nothing
written on a refusal, a timeline event for each write."""

from datetime import date

import pytest

from masa.core.errors import InvalidInput, TransitionNotAllowed
from masa.incidents.workflow import Status as IncidentStatus
from masa.reviews import services
from masa.reviews.models import PracticeReview, RapidReview, ReviewSettings
from masa.timeline.models import Event

from .factories import SENT, TODAY, notified_incident, practice_to, rapid_to

pytestmark = pytest.mark.django_db


def unchanged(model, pk, call):
    """Run `call`, expecting InvalidInput; the row and the timeline must be as they were."""
    before = model.objects.filter(pk=pk).values().first()
    events = Event.objects.count()
    with pytest.raises(InvalidInput) as caught:
        call()
    assert model.objects.filter(pk=pk).values().first() == before
    assert Event.objects.count() == events
    return caught.value


def test_start_uses_the_partnership_clock_basis_and_writes_an_event(partnership, manager):
    ReviewSettings.objects.create(
        partnership=partnership, rapid_review_clock_basis="partners_aware"
    )
    incident = notified_incident(partnership)
    review = services.rapid_review_start(
        incident=incident, by=manager, started_on=SENT, today=TODAY
    )
    assert review.clock_start_basis == "partners_aware"
    assert Event.objects.filter(verb="rapid_review.started").count() == 1


@pytest.mark.parametrize(
    ("overrides", "started_on", "message"),
    [
        ({"status": IncidentStatus.DRAFT, "panel_notified_on": None}, SENT, "not been notified"),
        ({}, date(2027, 1, 1), "today or in the past"),
        ({}, date(2025, 12, 1), "on or after the date the local authority became aware"),
        ({}, "garbage", "Enter the date the rapid review started"),
    ],
)
def test_start_refuses(partnership, manager, overrides, started_on, message):
    incident = notified_incident(partnership, **overrides)
    with pytest.raises(InvalidInput, match=message):
        services.rapid_review_start(
            incident=incident, by=manager, started_on=started_on, today=TODAY
        )
    assert not RapidReview.objects.exists()


def test_start_twice_is_refused(partnership, manager):
    review = rapid_to("open", partnership, manager)
    with pytest.raises(InvalidInput, match="already has a rapid review"):
        services.rapid_review_start(
            incident=review.incident, by=manager, started_on=SENT, today=TODAY
        )


def test_decision_needs_every_criterion_and_a_rationale(partnership, manager):
    review = rapid_to("open", partnership, manager)
    ok = {"decision": "local_review", "rationale": "Why", "decided_on": date(2026, 1, 5)}
    error = unchanged(RapidReview, review.pk, lambda: services.rapid_review_decide(
        review=review, by=manager, today=TODAY, **ok))  # fmt: skip
    assert "(a), (b), (c), (d)" in error.message
    services.rapid_review_update(
        review=review, by=manager, **{f"criterion_{x}": "no" for x in "abcd"}
    )
    for bad, message in [
        ({"rationale": "  "}, "Enter the rationale"),
        ({"decision": "maybe"}, "Select the decision"),
        ({"decided_on": date(2027, 1, 1)}, "today or in the past"),
        ({"decided_on": date(2025, 12, 1)}, "on or after the date the rapid review started"),
    ]:
        error = unchanged(RapidReview, review.pk, lambda bad=bad: services.rapid_review_decide(
            review=review, by=manager, today=TODAY, **{**ok, **bad}))  # fmt: skip
        assert message in error.message
    services.rapid_review_decide(review=review, by=manager, today=TODAY, **ok)
    assert review.status == "decided"


def test_update_refuses_a_bad_answer_and_a_settled_review(partnership, manager):
    review = rapid_to("open", partnership, manager)
    unchanged(RapidReview, review.pk, lambda: services.rapid_review_update(
        review=review, by=manager, criterion_a="perhaps"))  # fmt: skip
    unchanged(RapidReview, review.pk, lambda: services.rapid_review_update(
        review=review, by=manager, facts="\x00"))  # fmt: skip
    decided = rapid_to("decided", partnership, manager)
    unchanged(RapidReview, decided.pk, lambda: services.rapid_review_update(
        review=decided, by=manager, facts="More"))  # fmt: skip


def test_out_of_order_moves_are_refused(partnership, manager):
    review = rapid_to("open", partnership, manager)
    with pytest.raises(TransitionNotAllowed):
        services.rapid_review_send(review=review, by=manager, sent_on=SENT, today=TODAY)
    with pytest.raises(TransitionNotAllowed):
        services.rapid_review_close(review=review, by=manager)
    practice = practice_to("initiated", partnership, manager)
    with pytest.raises(TransitionNotAllowed):
        services.practice_review_publish(
            review=practice, by=manager, published_on=date(2026, 5, 1),
            published_url="https://example.org", today=TODAY,
        )  # fmt: skip


def test_send_and_response_dates_are_checked(partnership, manager):
    review = rapid_to("decided", partnership, manager)
    unchanged(RapidReview, review.pk, lambda: services.rapid_review_send(
        review=review, by=manager, sent_on=date(2026, 1, 1), today=TODAY))  # fmt: skip
    sent = rapid_to("sent", partnership, manager)
    unchanged(RapidReview, sent.pk, lambda: services.rapid_review_panel_response(
        review=sent, by=manager, response_on=date(2026, 1, 20), response="", today=TODAY))  # fmt: skip


def test_practice_from_a_rapid_review_that_decided_otherwise_is_refused(partnership, manager):
    rapid = rapid_to("open", partnership, manager)
    with pytest.raises(InvalidInput, match="did not decide on a local review"):
        services.practice_review_initiate(
            partnership=partnership, by=manager, title="Child A", rapid_review=rapid,
            initiated_on=date(2026, 1, 10), today=TODAY,
        )  # fmt: skip
    assert not PracticeReview.objects.exists()


def test_reviewer_appoint_and_remove_reg_12_13(partnership, manager):
    review = practice_to("tor_agreed", partnership, manager)
    appointment = services.reviewer_appoint(
        review=review, by=manager, name="R Reviewer", appointed_on=date(2026, 1, 26), today=TODAY
    )
    assert review.status == "reviewer_appointed"
    with pytest.raises(InvalidInput, match="Enter the reason"):
        services.reviewer_remove(
            appointment=appointment, by=manager, removed_on=date(2026, 2, 1), reason="", today=TODAY
        )
    services.reviewer_remove(
        appointment=appointment, by=manager, removed_on=date(2026, 2, 1), reason="Conflict",
        today=TODAY,
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="Appoint a reviewer first"):
        services.practice_review_begin(review=review, by=manager)
    published = practice_to("published", partnership, manager)
    with pytest.raises(InvalidInput, match="before publication"):
        services.reviewer_remove(
            appointment=published.appointments.get(), by=manager, removed_on=date(2026, 5, 2),
            reason="Late", today=TODAY,
        )  # fmt: skip


def test_checkpoints_fall_due_at_the_configured_interval(partnership, manager):
    ReviewSettings.objects.create(partnership=partnership, checkpoint_interval_weeks=4)
    review = practice_to("in_progress", partnership, manager)
    first = services.checkpoint_record(
        review=review, by=manager, held_on=date(2026, 2, 10), progress_satisfactory=True,
        quality_satisfactory=False, today=TODAY,
    )  # fmt: skip
    second = services.checkpoint_record(
        review=review, by=manager, held_on=date(2026, 3, 10), progress_satisfactory=True,
        quality_satisfactory=True, today=TODAY,
    )  # fmt: skip
    assert (first.due_on, second.due_on) == (date(2026, 2, 9), date(2026, 3, 9))
    with pytest.raises(InvalidInput, match="Say whether progress"):
        services.checkpoint_record(
            review=review, by=manager, held_on=date(2026, 3, 10), progress_satisfactory="yes",
            quality_satisfactory=True, today=TODAY,
        )  # fmt: skip


def test_an_incomplete_reg_15_report_cannot_move_to_publication(partnership, manager):
    review = practice_to("in_progress", partnership, manager)
    services.practice_review_receive_report(
        review=review, by=manager, received_on=date(2026, 4, 1), summary_of_improvements=True,
        systemic_analysis=False, today=TODAY,
    )  # fmt: skip
    error = unchanged(PracticeReview, review.pk, lambda: services.practice_review_decide_publication(
        review=review, by=manager, publication="full", rationale="Fine",
        planned_publication_on=date(2026, 5, 1), today=TODAY))  # fmt: skip
    assert "(b) an analysis of systemic" in error.message


def test_publication_decision_needs_a_rationale(partnership, manager):
    review = practice_to("report_received", partnership, manager)
    error = unchanged(PracticeReview, review.pk, lambda: services.practice_review_decide_publication(
        review=review, by=manager, publication="improvements_only", rationale="",
        planned_publication_on=date(2026, 5, 1), today=TODAY))  # fmt: skip
    assert "rationale" in error.message


def test_publishing_too_soon_after_the_copies_is_refused_naming_the_dates(partnership, manager):
    review = practice_to("sent_to_sos_panel", partnership, manager)  # copies went Tue 21 Apr 2026
    error = unchanged(PracticeReview, review.pk, lambda: services.practice_review_publish(
        review=review, by=manager, published_on=date(2026, 4, 27),
        published_url="https://example.org/r", today=TODAY))  # fmt: skip
    assert "Tue 21 Apr 2026" in error.message and "Mon 20 Apr 2026" in error.message
    services.practice_review_publish(
        review=review, by=manager, published_on=date(2026, 4, 28),
        published_url="https://example.org/r", today=TODAY,
    )  # fmt: skip
    assert review.status == "published"


def test_the_working_day_reading_is_a_configurable_addition(partnership, manager):
    review = practice_to("sent_to_sos_panel", partnership, manager)
    ReviewSettings.objects.create(partnership=partnership, include_working_day_reading=True)
    # 7 calendar days after Tue 21 Apr is Tue 28 Apr, but 7 working days need Thu 30 Apr
    error = unchanged(PracticeReview, review.pk, lambda: services.practice_review_publish(
        review=review, by=manager, published_on=date(2026, 4, 28),
        published_url="https://example.org/r", today=TODAY))  # fmt: skip
    assert "7 working days" in error.message
    services.practice_review_publish(
        review=review, by=manager, published_on=date(2026, 4, 30),
        published_url="https://example.org/r", today=TODAY,
    )  # fmt: skip


def test_ofsted_date_is_required_when_configured(partnership, manager):
    review = practice_to("publication_decided", partnership, manager)
    ReviewSettings.objects.create(partnership=partnership, notify_ofsted=True)
    unchanged(PracticeReview, review.pk, lambda: services.practice_review_send_copies(
        review=review, by=manager, sent_to_sos_on=date(2026, 4, 20),
        sent_to_panel_on=date(2026, 4, 20), today=TODAY))  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published_url", "not a url", "Enter the address in full"),
        ("published_on", date(2027, 1, 1), "today or in the past"),
        ("published_on", date(2026, 3, 1), "on or after the date the report was received"),
    ],
)
def test_publish_refuses_bad_input(partnership, manager, field, value, message):
    review = practice_to("sent_to_sos_panel", partnership, manager)
    good = {"published_on": date(2026, 5, 1), "published_url": "https://example.org/r"}
    error = unchanged(PracticeReview, review.pk, lambda: services.practice_review_publish(
        review=review, by=manager, today=TODAY, **{**good, field: value}))  # fmt: skip
    assert message in error.message


def test_settings_refuse_bad_input(partnership, manager):
    with pytest.raises(InvalidInput, match="weeks from 1 to 52"):
        services.review_settings_update(
            partnership=partnership, by=manager, rapid_review_clock_basis="notification_sent",
            include_working_day_reading=False, notify_ofsted=False, checkpoint_interval_weeks=0,
        )  # fmt: skip
    assert not ReviewSettings.objects.exists()

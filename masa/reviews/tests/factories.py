"""Builders for review tests: a notified incident, and reviews walked to a given status through the
services (so every step's checks run)."""

from __future__ import annotations

from datetime import date
from typing import Any

from masa.incidents.tests.factories import SeriousIncidentFactory
from masa.incidents.workflow import Status as IncidentStatus
from masa.reviews import services
from masa.reviews.models import PracticeReview, RapidReview
from masa.reviews.workflow import PracticeStatus, RapidStatus

TODAY = date(2026, 6, 30)
AWARE = date(2025, 12, 15)
SENT = date(2025, 12, 19)  # notification to the Panel: a Friday before Christmas


def notified_incident(partnership: Any, **overrides: Any):
    fields = {
        "partnership": partnership,
        "incident_date": date(2025, 12, 14),
        "became_aware_on": AWARE,
        "panel_notified_on": SENT,
        "partners_notified_on": date(2025, 12, 17),
        "status": IncidentStatus.NOTIFIED,
        **overrides,
    }
    return SeriousIncidentFactory(**fields)


CRITERIA = {f"criterion_{x}": "yes" for x in "abcd"}


def rapid_to(status: str, partnership: Any, by: Any, **overrides: Any) -> RapidReview:
    incident = notified_incident(partnership, **overrides)
    review = services.rapid_review_start(incident=incident, by=by, started_on=SENT, today=TODAY)
    order = list(RapidStatus.values)
    if order.index(status) >= 1:
        services.rapid_review_update(review=review, by=by, facts="Fictional facts", **CRITERIA)
        services.rapid_review_decide(
            review=review, by=by, decision="local_review", rationale="Learning likely",
            decided_on=date(2026, 1, 5), today=TODAY,
        )  # fmt: skip
    if order.index(status) >= 2:
        services.rapid_review_send(review=review, by=by, sent_on=date(2026, 1, 9), today=TODAY)
    if order.index(status) >= 3:
        services.rapid_review_panel_response(
            review=review, by=by, response_on=date(2026, 1, 20), response="Agreed", today=TODAY
        )
    if order.index(status) >= 4:
        services.rapid_review_close(review=review, by=by)
    review.refresh_from_db()
    return review


def practice_to(status: str, partnership: Any, by: Any, *, user: Any = None) -> PracticeReview:
    order = list(PracticeStatus.values)
    at = order.index(status)
    review = services.practice_review_initiate(
        partnership=partnership, by=by, title="Child T", initiated_on=date(2026, 1, 12),
        today=TODAY,
    )  # fmt: skip
    d = {"review": review, "by": by, "today": TODAY}
    steps = [
        lambda: services.practice_review_agree_tor(
            terms_of_reference="Fictional terms", agreed_on=date(2026, 1, 20), **d
        ),
        lambda: services.reviewer_appoint(
            name="Fictional Reviews Ltd", appointed_on=date(2026, 1, 26), user=user, **d
        ),
        lambda: services.practice_review_begin(review=review, by=by),
        lambda: services.practice_review_receive_report(
            received_on=date(2026, 4, 1),
            summary_of_improvements=True,
            systemic_analysis=True,
            **d,
        ),
        lambda: services.practice_review_decide_publication(
            publication="full",
            rationale="Nothing to withhold",
            planned_publication_on=date(2026, 5, 1),
            **d,
        ),
        lambda: services.practice_review_send_copies(
            sent_to_sos_on=date(2026, 4, 20), sent_to_panel_on=date(2026, 4, 21), **d
        ),
        lambda: services.practice_review_publish(
            published_on=date(2026, 5, 1), published_url="https://example.org/child-t", **d
        ),
        lambda: services.practice_review_close(review=review, by=by),
    ]
    for step in steps[:at]:
        step()
    review.refresh_from_db()
    return review

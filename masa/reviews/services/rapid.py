"""Writes for rapid reviews (WT2018 ch4 / WT2023 ch5 "Rapid review"; SI 2018/789 reg 11). Every
check runs before anything is written, so a refusal leaves the database as it was."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from masa.core.clocks.engine import long_date
from masa.core.versioning import UNCHECKED, version_claim
from masa.incidents.models import SeriousIncident
from masa.incidents.workflow import Status as IncidentStatus
from masa.partnerships.models import Partnership
from masa.timeline.services import event_record

from ..clocks import settings_for
from ..models import CRITERIA, Answer, ClockBasis, Decision, RapidReview, ReviewSettings
from ..workflow import RapidStatus, check_transition
from .common import checked_bool, checked_choice, checked_date, checked_text, refuse

KIND = "rapid review"
CONTENT = (
    "facts",
    "immediate_safety_actions",
    "learning_identified",
    *(f"criterion_{letter}{part}" for letter, _ in CRITERIA for part in ("", "_note")),
)
CONTENT_LABELS = {
    "facts": "The facts",
    "immediate_safety_actions": "The immediate safety actions",
    "learning_identified": "The learning identified",
}


def _move(review: RapidReview, to: str) -> str:
    check_transition(KIND, review.status, to)
    before = review.get_status_display().lower()
    review.status = to
    return before


def _log(review: RapidReview, by: Any, verb: str, message: str, **data: Any) -> None:
    event_record(
        by=by,
        verb=f"rapid_review.{verb}",
        message=message,
        subject=review,
        partnership=review.partnership,
        data=data,
    )


@transaction.atomic
def review_settings_update(
    *,
    partnership: Partnership,
    by: Any,
    rapid_review_clock_basis: str,
    include_working_day_reading: bool,
    notify_ofsted: bool,
    checkpoint_interval_weeks: int,
) -> ReviewSettings:
    basis = checked_choice(
        rapid_review_clock_basis, ClockBasis, "rapid_review_clock_basis",
        "Select when the rapid review clock starts",
    )  # fmt: skip
    working = checked_bool(
        include_working_day_reading, "include_working_day_reading", "Say yes or no"
    )
    ofsted = checked_bool(notify_ofsted, "notify_ofsted", "Say yes or no")
    weeks = checkpoint_interval_weeks
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 52:
        raise refuse("checkpoint_interval_weeks", "Enter a number of weeks from 1 to 52")
    found = settings_for(partnership)
    found.rapid_review_clock_basis = basis
    found.include_working_day_reading = working
    found.notify_ofsted = ofsted
    found.checkpoint_interval_weeks = weeks
    found.save()
    event_record(
        by=by,
        verb="reviews.settings_updated",
        message=f"Changed review settings: rapid review clock from "
        f"{found.get_rapid_review_clock_basis_display().lower()}; working-day reading "
        f"{'on' if working else 'off'}; Ofsted {'told' if ofsted else 'not told'}; checkpoints "
        f"every {weeks} weeks",
        subject=found,
        partnership=partnership,
    )
    return found


@transaction.atomic
def rapid_review_start(
    *, incident: SeriousIncident, by: Any, started_on: date, today: date | None = None
) -> RapidReview:
    """Open the rapid review of a notified incident (RR-01: a rapid review needs a notification)."""
    today = today or timezone.localdate()
    if not isinstance(incident, SeriousIncident) or incident.pk is None:
        raise refuse("__all__", "Choose a notified serious incident")
    if incident.status == IncidentStatus.DRAFT or incident.panel_notified_on is None:
        raise refuse(
            "__all__",
            f"{incident.reference} has not been notified to the Panel: a rapid review follows a "
            f"notification",
        )
    if RapidReview.objects.filter(incident=incident).exists():
        raise refuse("__all__", f"{incident.reference} already has a rapid review")
    started = checked_date(
        started_on, "started_on", "The date the rapid review started", today=today,
        not_before=incident.became_aware_on,
        not_before_label="the date the local authority became aware",
    )  # fmt: skip
    basis = settings_for(incident.partnership).rapid_review_clock_basis
    review = RapidReview.objects.create(
        incident=incident,
        partnership=incident.partnership,
        clock_start_basis=basis,
        started_on=started,
    )
    _log(
        review, by, "started",
        f"Started the rapid review of {incident.reference} on {long_date(started)}; its clock "
        f"counts from {review.get_clock_start_basis_display().lower()}",
    )  # fmt: skip
    return review


def _open(review: RapidReview) -> None:
    if review.status != RapidStatus.OPEN:
        raise refuse(
            "__all__",
            f"The rapid review is {review.get_status_display().lower()}: its record is settled",
        )


@transaction.atomic
def rapid_review_update(
    *, review: RapidReview, by: Any, expected_version: Any = UNCHECKED, **changes: Any
) -> RapidReview:
    """Record the facts, immediate safety actions, learning and the reg 11 criteria (a)-(d).
    StaleRecord if someone recorded them since the form was opened at `expected_version`."""
    unknown = set(changes) - set(CONTENT)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    _open(review)
    clean: dict[str, str] = {}
    for field, value in changes.items():
        if field.startswith("criterion_") and not field.endswith("_note"):
            if value not in ("", None, *Answer.values):
                raise refuse(field, f"Select yes, no or unclear for criterion ({field[-1]})")
            clean[field] = str(value or "")
        else:
            label = CONTENT_LABELS.get(field) or f"The note on criterion ({field[10]})"
            clean[field] = checked_text(value, field, label, required=False)
    changed = [f for f, v in clean.items() if getattr(review, f) != v]
    if not changed:
        return review
    version_claim(review, expected_version, yours={f: clean[f] for f in changed})
    for field in changed:
        setattr(review, field, clean[field])
    review.save()
    _log(
        review, by, "updated",
        f"Recorded on the rapid review of {review.incident}: "
        f"{', '.join(f.replace('_', ' ') for f in changed)}",
        fields=changed,
    )  # fmt: skip
    return review


@transaction.atomic
def rapid_review_decide(
    *,
    review: RapidReview,
    by: Any,
    decision: str,
    rationale: str,
    decided_on: date,
    today: date | None = None,
) -> RapidReview:
    """The decision on a local review, with its rationale (WT: decisions are transparent), once
    each reg 11 criterion has been considered."""
    today = today or timezone.localdate()
    check_transition(KIND, review.status, RapidStatus.DECIDED)
    missing = [
        f"({letter})" for letter, _ in CRITERIA if not getattr(review, f"criterion_{letter}")
    ]
    if missing:
        raise refuse(
            "__all__",
            f"Consider every reg 11 criterion before deciding: {', '.join(missing)} not yet answered",
        )
    choice = checked_choice(decision, Decision, "decision", "Select the decision")
    why = checked_text(rationale, "rationale", "The rationale for the decision")
    on = checked_date(
        decided_on, "decided_on", "The date of the decision", today=today,
        not_before=review.started_on, not_before_label="the date the rapid review started",
    )  # fmt: skip
    review.decision, review.decision_rationale, review.decided_on = choice, why, on
    _move(review, RapidStatus.DECIDED)
    review.save()
    _log(
        review, by, "decided",
        f"Decided on {long_date(on)}: {review.get_decision_display().lower()}",
        decision=choice,
    )  # fmt: skip
    return review


@transaction.atomic
def rapid_review_send(
    *, review: RapidReview, by: Any, sent_on: date, today: date | None = None
) -> RapidReview:
    """RR-04: the rapid review goes to the Panel; this stops its 15-working-day clock."""
    today = today or timezone.localdate()
    check_transition(KIND, review.status, RapidStatus.SENT)
    on = checked_date(
        sent_on, "sent_on", "The date sent to the Panel", today=today,
        not_before=review.decided_on, not_before_label="the date of the decision",
    )  # fmt: skip
    review.sent_to_panel_on = on
    _move(review, RapidStatus.SENT)
    review.save()
    _log(
        review,
        by,
        "sent",
        f"Sent the rapid review of {review.incident} to the Panel on {long_date(on)}",
    )
    return review


@transaction.atomic
def rapid_review_panel_response(
    *, review: RapidReview, by: Any, response_on: date, response: str, today: date | None = None
) -> RapidReview:
    today = today or timezone.localdate()
    check_transition(KIND, review.status, RapidStatus.PANEL_RESPONDED)
    on = checked_date(
        response_on, "response_on", "The date of the Panel's response", today=today,
        not_before=review.sent_to_panel_on, not_before_label="the date sent to the Panel",
    )  # fmt: skip
    text = checked_text(response, "response", "The Panel's response")
    review.panel_response_on, review.panel_response = on, text
    _move(review, RapidStatus.PANEL_RESPONDED)
    review.save()
    _log(review, by, "panel_responded", f"Recorded the Panel's response of {long_date(on)}")
    return review


@transaction.atomic
def rapid_review_close(*, review: RapidReview, by: Any) -> RapidReview:
    before = _move(review, RapidStatus.CLOSED)
    review.save()
    _log(review, by, "closed", f"Closed the rapid review of {review.incident} (was {before})")
    return review

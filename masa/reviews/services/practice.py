"""Writes for local child safeguarding practice reviews (CA2004 s.16F; SI 2018/789 regs 12-17).
Every check runs before anything is written, so a refusal leaves the database as it was."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from masa.core.clocks.engine import compute_due, long_date
from masa.core.versioning import UNCHECKED, version_claim
from masa.partnerships.models import Partnership
from masa.statute.loader import load_library
from masa.timeline.services import event_record

from ..clocks import REG16, REG16_WORKING, copies_sent_on, settings_for
from ..models import (
    Decision,
    PracticeReview,
    Publication,
    RapidReview,
    ReviewCheckpoint,
    ReviewerAppointment,
)
from ..workflow import PracticeStatus, RapidStatus, check_transition
from .common import checked_bool, checked_choice, checked_date, checked_text, refuse

KIND = "practice review"
S = PracticeStatus
# reg 13: a reviewer may be removed any time before the report (or information) is published
BEFORE_PUBLICATION = frozenset(
    {S.TOR_AGREED, S.REVIEWER_APPOINTED, S.IN_PROGRESS, S.REPORT_RECEIVED, S.PUBLICATION_DECIDED,
     S.SENT_TO_SOS_PANEL}
)  # fmt: skip
CHECKPOINT_STATUSES = frozenset({S.REVIEWER_APPOINTED, S.IN_PROGRESS})


def _move(review: PracticeReview, to: str) -> None:
    check_transition(KIND, review.status, to)
    review.status = to


def _log(review: PracticeReview, by: Any, verb: str, message: str, **data: Any) -> None:
    event_record(
        by=by,
        verb=f"practice_review.{verb}",
        message=message,
        subject=review,
        partnership=review.partnership,
        data=data,
    )


def _next_reference(partnership: Partnership, year: int) -> str:
    prefix = f"LCSPR-{year}-"
    taken = PracticeReview.objects.filter(
        partnership=partnership, reference__startswith=prefix
    ).values_list("reference", flat=True)
    numbers = [int(r[len(prefix) :]) for r in taken if r[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


@transaction.atomic
def practice_review_initiate(
    *,
    partnership: Partnership,
    by: Any,
    title: str,
    initiated_on: date,
    rapid_review: RapidReview | None = None,
    today: date | None = None,
) -> PracticeReview:
    """A new LCSPR (s.16F(1)(b)), from a rapid review that decided on a local review, or not."""
    today = today or timezone.localdate()
    name = checked_text(
        title, "title", "A title (for example 'Child P', never a name)", max_length=200
    )
    not_before = None
    if rapid_review is not None:
        if rapid_review.partnership_id != partnership.pk:
            raise refuse("rapid_review", "The rapid review belongs to another partnership")
        if (
            rapid_review.decision != Decision.LOCAL_REVIEW
            or rapid_review.status == RapidStatus.OPEN
        ):
            raise refuse("rapid_review", "The rapid review did not decide on a local review")
        if PracticeReview.objects.filter(rapid_review=rapid_review).exists():
            raise refuse("rapid_review", "That rapid review already has a practice review")
        not_before = rapid_review.decided_on
    on = checked_date(
        initiated_on, "initiated_on", "The date the review was initiated", today=today,
        not_before=not_before, not_before_label="the rapid review's decision",
    )  # fmt: skip
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    review = PracticeReview.objects.create(
        partnership=partnership,
        rapid_review=rapid_review,
        reference=_next_reference(partnership, on.year),
        title=name,
        initiated_on=on,
    )
    _log(review, by, "initiated", f"Initiated {review} on {long_date(on)}")
    return review


@transaction.atomic
def practice_review_agree_tor(
    *, review: PracticeReview, by: Any, terms_of_reference: str, agreed_on: date,
    today: date | None = None,
) -> PracticeReview:  # fmt: skip
    today = today or timezone.localdate()
    check_transition(KIND, review.status, S.TOR_AGREED)
    text = checked_text(terms_of_reference, "terms_of_reference", "The terms of reference")
    on = checked_date(
        agreed_on, "agreed_on", "The date the terms of reference were agreed", today=today,
        not_before=review.initiated_on, not_before_label="the date the review was initiated",
    )  # fmt: skip
    review.terms_of_reference, review.tor_agreed_on = text, on
    _move(review, S.TOR_AGREED)
    review.save()
    _log(review, by, "tor_agreed", f"Agreed the terms of reference of {review} on {long_date(on)}")
    return review


@transaction.atomic
def reviewer_appoint(
    *, review: PracticeReview, by: Any, name: str, appointed_on: date, user: Any = None,
    today: date | None = None,
) -> ReviewerAppointment:  # fmt: skip
    """SI 2018/789 reg 12. The first appointment moves the review to reviewer appointed."""
    today = today or timezone.localdate()
    if review.status not in BEFORE_PUBLICATION:
        raise refuse(
            "__all__",
            "A reviewer is appointed after the terms of reference are agreed and before publication",
        )
    who = checked_text(name, "name", "The reviewer's name or organisation", max_length=200)
    if user is not None and not isinstance(user, get_user_model()):
        raise refuse("user", "Choose a user account or none")
    on = checked_date(
        appointed_on, "appointed_on", "The date of appointment", today=today,
        not_before=review.tor_agreed_on, not_before_label="the date the terms were agreed",
    )  # fmt: skip
    if review.status == S.TOR_AGREED:
        _move(review, S.REVIEWER_APPOINTED)
        review.save()
    appointment = ReviewerAppointment.objects.create(
        review=review, name=who, user=user, appointed_on=on
    )
    _log(
        review,
        by,
        "reviewer_appointed",
        f"Appointed {who} as reviewer of {review} on {long_date(on)}",
    )
    return appointment


@transaction.atomic
def reviewer_remove(
    *, appointment: ReviewerAppointment, by: Any, removed_on: date, reason: str,
    today: date | None = None,
) -> ReviewerAppointment:  # fmt: skip
    """SI 2018/789 reg 13: removal any time before publication, with the reason recorded."""
    today = today or timezone.localdate()
    review = appointment.review
    if appointment.removed_on is not None:
        raise refuse("__all__", f"{appointment.name} was already removed")
    if review.status not in BEFORE_PUBLICATION:
        raise refuse("__all__", "A reviewer can be removed only before publication (reg 13)")
    on = checked_date(
        removed_on, "removed_on", "The date of removal", today=today,
        not_before=appointment.appointed_on, not_before_label="the date of appointment",
    )  # fmt: skip
    why = checked_text(reason, "reason", "The reason for removal")
    appointment.removed_on, appointment.removal_reason = on, why
    appointment.save()
    _log(
        review,
        by,
        "reviewer_removed",
        f"Removed {appointment.name} as reviewer on {long_date(on)}: {why}",
    )
    return appointment


@transaction.atomic
def practice_review_begin(*, review: PracticeReview, by: Any) -> PracticeReview:
    check_transition(KIND, review.status, S.IN_PROGRESS)
    if not review.appointments.filter(removed_on__isnull=True).exists():
        raise refuse("__all__", "Appoint a reviewer first: every reviewer has been removed")
    _move(review, S.IN_PROGRESS)
    review.save()
    _log(review, by, "in_progress", f"{review} is in progress")
    return review


def next_checkpoint_due(review: PracticeReview, *, weeks: int, held: int) -> date:
    return review.initiated_on + timedelta(weeks=weeks * (held + 1))


@transaction.atomic
def checkpoint_record(
    *, review: PracticeReview, by: Any, held_on: date, progress_satisfactory: bool,
    quality_satisfactory: bool, note: str = "", today: date | None = None,
) -> ReviewCheckpoint:  # fmt: skip
    """SI 2018/789 reg 14(1): time and quality monitored at the partnership's interval."""
    today = today or timezone.localdate()
    if review.status not in CHECKPOINT_STATUSES:
        raise refuse("__all__", "Checkpoints are held while the review is under way")
    on = checked_date(
        held_on, "held_on", "The date the checkpoint was held", today=today,
        not_before=review.initiated_on, not_before_label="the date the review was initiated",
    )  # fmt: skip
    progress = checked_bool(
        progress_satisfactory, "progress_satisfactory", "Say whether progress is satisfactory"
    )
    quality = checked_bool(
        quality_satisfactory, "quality_satisfactory", "Say whether quality is satisfactory"
    )
    text = checked_text(note, "note", "The note", required=False, max_length=5000)
    weeks = settings_for(review.partnership).checkpoint_interval_weeks
    due = next_checkpoint_due(review, weeks=weeks, held=review.checkpoints.count())
    checkpoint = ReviewCheckpoint.objects.create(
        review=review, due_on=due, held_on=on, progress_satisfactory=progress,
        quality_satisfactory=quality, note=text,
    )  # fmt: skip
    _log(
        review, by, "checkpoint",
        f"Checkpoint on {long_date(on)} (due {long_date(due)}): progress "
        f"{'satisfactory' if progress else 'not satisfactory'}, quality "
        f"{'satisfactory' if quality else 'not satisfactory'}",
    )  # fmt: skip
    return checkpoint


@transaction.atomic
def practice_review_receive_report(
    *, review: PracticeReview, by: Any, received_on: date, summary_of_improvements: bool,
    systemic_analysis: bool, today: date | None = None, expected_version: Any = UNCHECKED,
) -> PracticeReview:  # fmt: skip
    """The final report and its reg 15 checklist; later calls correct the checklist. StaleRecord
    if someone recorded or corrected it since the form was opened at `expected_version`."""
    today = today or timezone.localdate()
    version_claim(
        review, expected_version,
        yours={"report_received_on": received_on, "status": S.REPORT_RECEIVED,
               "summary_of_improvements": summary_of_improvements,
               "systemic_analysis": systemic_analysis},
    )  # fmt: skip
    if review.status != S.REPORT_RECEIVED:
        check_transition(KIND, review.status, S.REPORT_RECEIVED)
    on = checked_date(
        received_on, "received_on", "The date the report was received", today=today,
        not_before=review.initiated_on, not_before_label="the date the review was initiated",
    )  # fmt: skip
    review.summary_of_improvements = checked_bool(
        summary_of_improvements, "summary_of_improvements", "Say whether it has the summary"
    )
    review.systemic_analysis = checked_bool(
        systemic_analysis, "systemic_analysis", "Say whether it has the systemic analysis"
    )
    review.report_received_on = on
    review.status = S.REPORT_RECEIVED
    review.save()
    _log(
        review, by, "report_received",
        f"Final report of {review} received on {long_date(on)}; reg 15 checklist "
        f"{'complete' if review.checklist_complete else 'incomplete'}",
    )  # fmt: skip
    return review


@transaction.atomic
def practice_review_decide_publication(
    *, review: PracticeReview, by: Any, publication: str, rationale: str,
    planned_publication_on: date, today: date | None = None,
) -> PracticeReview:  # fmt: skip
    """CA2004 s.16F(4)-(5): the full report, or improvements information only, with the reason."""
    today = today or timezone.localdate()
    check_transition(KIND, review.status, S.PUBLICATION_DECIDED)
    if not review.checklist_complete:
        missing = [
            text
            for ok, text in (
                (review.summary_of_improvements, "(a) a summary of recommended improvements"),
                (review.systemic_analysis, "(b) an analysis of systemic or underlying reasons"),
            )
            if not ok
        ]
        raise refuse(
            "__all__", f"The final report does not meet reg 15: it lacks {' and '.join(missing)}"
        )
    choice = checked_choice(
        publication, Publication, "publication", "Select what will be published"
    )
    why = checked_text(rationale, "rationale", "The rationale for the publication decision")
    planned = checked_date(
        planned_publication_on, "planned_publication_on", "The planned publication date",
        today=today, future_ok=True, not_before=review.report_received_on,
        not_before_label="the date the report was received",
    )  # fmt: skip
    review.publication, review.publication_rationale = choice, why
    review.planned_publication_on = planned
    _move(review, S.PUBLICATION_DECIDED)
    review.save()
    _log(
        review, by, "publication_decided",
        f"Decided to publish {review.get_publication_display().split(' (')[0].lower()}, planned "
        f"for {long_date(planned)}",
    )  # fmt: skip
    return review


@transaction.atomic
def practice_review_send_copies(
    *, review: PracticeReview, by: Any, sent_to_sos_on: date, sent_to_panel_on: date,
    sent_to_ofsted_on: date | None = None, today: date | None = None,
) -> PracticeReview:  # fmt: skip
    """SI 2018/789 reg 16: copies to the Secretary of State and the Panel (Ofsted if configured)."""
    today = today or timezone.localdate()
    check_transition(KIND, review.status, S.SENT_TO_SOS_PANEL)
    since: dict[str, Any] = {
        "not_before": review.report_received_on,
        "not_before_label": "the date the report was received",
    }
    sos = checked_date(
        sent_to_sos_on,
        "sent_to_sos_on",
        "The date sent to the Secretary of State",
        today=today,
        **since,
    )
    panel = checked_date(
        sent_to_panel_on, "sent_to_panel_on", "The date sent to the Panel", today=today, **since
    )
    ofsted = None
    if settings_for(review.partnership).notify_ofsted or sent_to_ofsted_on is not None:
        ofsted = checked_date(
            sent_to_ofsted_on, "sent_to_ofsted_on", "The date sent to Ofsted", today=today, **since
        )
    review.sent_to_sos_on, review.sent_to_panel_on, review.sent_to_ofsted_on = sos, panel, ofsted
    _move(review, S.SENT_TO_SOS_PANEL)
    review.save()
    _log(
        review,
        by,
        "copies_sent",
        f"Copies of {review} sent: Secretary of State {long_date(sos)}, Panel {long_date(panel)}"
        + (f", Ofsted {long_date(ofsted)}" if ofsted else ""),
    )
    return review


def latest_allowed_send(review: PracticeReview, published_on: date) -> list[tuple[str, date]]:
    """(rule, last day the copies could go) for reg 16 and, if configured, the working-day reading."""
    rules = load_library().clocks
    found = [(REG16, compute_due(rules[REG16], published_on).due)]
    if settings_for(review.partnership).include_working_day_reading:
        found.append((REG16_WORKING, compute_due(rules[REG16_WORKING], published_on).due))
    return found


@transaction.atomic
def practice_review_publish(
    *, review: PracticeReview, by: Any, published_on: date, published_url: str,
    today: date | None = None,
) -> PracticeReview:  # fmt: skip
    """Published, but only if the copies went at least 7 days before (SI 2018/789 reg 16)."""
    today = today or timezone.localdate()
    check_transition(KIND, review.status, S.PUBLISHED)
    on = checked_date(
        published_on, "published_on", "The publication date", today=today,
        not_before=review.report_received_on, not_before_label="the date the report was received",
    )  # fmt: skip
    url = checked_text(
        published_url, "published_url", "The address where it is published", max_length=500
    )
    if not url.startswith(("https://", "http://")) or " " in url:
        raise refuse("published_url", "Enter the address in full, like https://example.org/report")
    settings = settings_for(review.partnership)
    sent = copies_sent_on(review, with_ofsted=settings.notify_ofsted)
    for rule, latest in latest_allowed_send(review, on):
        if sent is None or sent > latest:
            reading = "7 working days" if rule == REG16_WORKING else "7 days"
            raise refuse(
                "published_on",
                f"Publication on {long_date(on)} is too soon: the copies went on "
                f"{long_date(sent) if sent else 'no recorded date'}, and must go at least "
                f"{reading} before publication, by {long_date(latest)} (SI 2018/789 reg 16)",
            )
    review.published_on, review.published_url = on, url
    _move(review, S.PUBLISHED)
    review.save()
    _log(review, by, "published", f"Published {review} on {long_date(on)} at {url}")
    return review


@transaction.atomic
def practice_review_close(*, review: PracticeReview, by: Any) -> PracticeReview:
    _move(review, S.CLOSED)
    review.save()
    _log(review, by, "closed", f"Closed {review}")
    return review

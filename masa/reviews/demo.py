"""Demo reviews for the fictional `northshire` partnership only, built from the notifications the
incidents demo made: a rapid review for most of them (a couple sent late, one overdue), and three
practice reviews at different stages (in progress, report received, published)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from masa.core.clocks.calendar import add_working_days
from masa.incidents.models import SeriousIncident
from masa.partnerships.demo import fictional_northshire

from . import services
from .models import Decision, PracticeReview, RapidReview

FACTS = "Fictional demo record. Agencies involved: children's social care, school, GP, police."
SAFETY = "Fictional: siblings seen and safety plans checked within 24 hours."
LEARNING = "Fictional: information about the adult's risk was not shared between agencies."


def _rapid(
    incident: SeriousIncident, n: int, by: Any, today: date, *, hold: bool = False
) -> RapidReview | None:
    start = incident.panel_notified_on
    assert start is not None
    review = services.rapid_review_start(incident=incident, by=by, started_on=start, today=today)
    answers = ("yes", "yes" if n % 2 else "no", "yes" if n % 3 else "unclear", "no")
    services.rapid_review_update(
        review=review, by=by, facts=FACTS, immediate_safety_actions=SAFETY,
        learning_identified=LEARNING,
        **{f"criterion_{letter}": a for letter, a in zip("abcd", answers, strict=True)},
    )  # fmt: skip
    decided = add_working_days(start, 10)
    if hold or decided > today:
        return review  # still open: its clock runs (or is overdue)
    decision = (Decision.LOCAL_REVIEW, Decision.NO_LOCAL_REVIEW, Decision.NO_LOCAL_REVIEW,
                Decision.REFER_NATIONAL)[n % 4]  # fmt: skip
    services.rapid_review_decide(
        review=review, by=by, decision=decision, decided_on=decided, today=today,
        rationale="Fictional: the criteria in reg 11 (a) and (c) are met; learning is likely "
        "about multi-agency information sharing.",
    )  # fmt: skip
    sent = add_working_days(start, 19 if n % 5 == 2 else 14)  # every fifth one sent late
    if sent > today:
        return review
    services.rapid_review_send(review=review, by=by, sent_on=sent, today=today)
    response = sent + timedelta(days=10)
    if response > today:
        return review
    services.rapid_review_panel_response(
        review=review, by=by, response_on=response, today=today,
        response="Fictional: the Panel agrees with the partnership's decision.",
    )  # fmt: skip
    if response + timedelta(days=30) <= today:
        services.rapid_review_close(review=review, by=by)
    return review


def _practice(rapid: RapidReview, stage: str, by: Any, today: date) -> PracticeReview:
    assert rapid.decided_on is not None
    start = rapid.decided_on + timedelta(days=5)
    review = services.practice_review_initiate(
        partnership=rapid.partnership, by=by, rapid_review=rapid, today=today,
        title=f"Child {'PQR'[PracticeReview.objects.filter(partnership=rapid.partnership).count()]}",
        initiated_on=start,
    )  # fmt: skip
    d = {"today": today, "by": by, "review": review}
    services.practice_review_agree_tor(
        terms_of_reference="Fictional: how agencies shared information about risk in the "
        "twelve months before the incident.", agreed_on=start + timedelta(days=14), **d,
    )  # fmt: skip
    services.reviewer_appoint(
        name="Fictional Review Associates", appointed_on=start + timedelta(days=21), **d
    )
    services.practice_review_begin(review=review, by=by)
    for week in (6, 12):
        held = start + timedelta(weeks=week, days=2)
        if held <= today:
            services.checkpoint_record(
                held_on=held, progress_satisfactory=week == 6, quality_satisfactory=True,
                note="Fictional checkpoint", **d,
            )  # fmt: skip
    if stage == "in_progress":
        return review
    services.practice_review_receive_report(
        received_on=start + timedelta(days=120), summary_of_improvements=True,
        systemic_analysis=True, **d,
    )  # fmt: skip
    if stage == "report_received":
        return review
    planned = start + timedelta(days=170)
    services.practice_review_decide_publication(
        publication="full", rationale="Fictional: no reason to withhold the full report.",
        planned_publication_on=planned, **d,
    )  # fmt: skip
    sent = planned - timedelta(days=10)
    services.practice_review_send_copies(sent_to_sos_on=sent, sent_to_panel_on=sent, **d)
    services.practice_review_publish(
        published_on=planned, published_url="https://northshire.example/lcspr/child-p", **d
    )
    return review


# (stage, days a practice review needs from the rapid review's decision to reach it)
STAGES = (("published", 180), ("report_received", 130), ("in_progress", 30))


@transaction.atomic
def demo_load(*, by: Any = None, today: date | None = None) -> str:
    """Record the northshire demo reviews (idempotent); returns a one-line summary."""
    today = today or timezone.localdate()
    northshire = fictional_northshire()
    if RapidReview.objects.filter(partnership=northshire).exists():
        return "northshire reviews already loaded"
    notified = list(
        SeriousIncident.objects.filter(
            partnership=northshire, panel_notified_on__isnull=False
        ).order_by("panel_notified_on", "id")
    )
    if not notified:
        return "no northshire notifications yet: load the incidents demo first; no reviews made"
    last = len(notified) - 1  # the newest is left open: its clock runs, or is overdue
    rapids = [_rapid(i, n, by, today, hold=n == last) for n, i in enumerate(notified)]
    local = [r for r in rapids if r and r.decision == Decision.LOCAL_REVIEW and r.decided_on]
    made = 0
    for stage, needs in STAGES:
        fits = [r for r in local if r.decided_on and r.decided_on + timedelta(days=needs) <= today]
        if fits:
            rapid = fits[0]
            local.remove(rapid)
            _practice(rapid, stage, by, today)
            made += 1
    return f"{len(rapids)} rapid reviews and {made} practice reviews for northshire"


@transaction.atomic
def demo_reviewer_appoint(*, username: str = "reviewer", today: date | None = None) -> str:
    """Appoint the demo reviewer account to northshire's practice review that is under way, so
    the reviewer's pages can be tried (idempotent; run after the demo users exist)."""
    from masa.accounts.models import User

    from .services.practice import CHECKPOINT_STATUSES

    today = today or timezone.localdate()
    user = User.objects.filter(username=username).first()
    review = (
        PracticeReview.objects.filter(
            partnership=fictional_northshire(), status__in=CHECKPOINT_STATUSES
        )
        .order_by("initiated_on", "id")
        .first()
    )
    if user is None or review is None:
        return "no demo reviewer or no northshire practice review under way"
    if review.appointments.filter(user=user, removed_on__isnull=True).exists():
        return f"{username} already reviews {review.reference}"
    appointed = max(review.tor_agreed_on or review.initiated_on, today - timedelta(days=7))
    services.reviewer_appoint(
        review=review, by=None, name=f"{user} (demo reviewer account)", user=user,
        appointed_on=min(appointed, today), today=today,
    )  # fmt: skip
    return f"{username} appointed to {review.reference}"

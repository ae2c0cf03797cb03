"""Demo recommendations and actions for the fictional `northshire` partnership only: nine made-up
recommendations from made-up reviews, audits and scrutiny over two years, dated relative to today,
with forty actions across every status (some overdue, some signed off by all three partners)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from django.db import transaction
from django.utils import timezone

from masa.accounts.demo import demo_signers_create
from masa.core.errors import MasaError
from masa.partnerships.demo import fictional_northshire
from masa.reviews.models import PracticeReview

from . import services
from .models import LearningTheme, Recommendation, UpdateKind
from .workflow import ActionStatus as A
from .workflow import RecommendationStatus as R

NS, IP, BL, IM, IE, SO = (
    A.NOT_STARTED,
    A.IN_PROGRESS,
    A.BLOCKED,
    A.IMPLEMENTED,
    A.IMPACT_EVIDENCED,
    A.SIGNED_OFF,
)


class _Demo(NamedTuple):
    reference: str
    source: str
    made_days_ago: int
    themes: tuple[str, ...]
    text: str
    actions: tuple[str, ...]  # the status each action reaches
    status: str = R.ACCEPTED


LCSPR1 = "Practice review NS-LCSPR-2025-01 (fictional)"
LCSPR2 = "Practice review NS-LCSPR-2025-02 (fictional)"
DEMO = (
    _Demo("NS-LCSPR-2025-01 R1", LCSPR1, 620, ("safer-sleep", "sudden-unexpected-death-in-infancy"),
          "Fictional: every health visitor contact discusses safer sleep, including when the family "
          "is away from home.", (SO, SO, SO, SO, SO), R.CLOSED),
    _Demo("NS-LCSPR-2025-01 R2", LCSPR1, 620, ("parental-substance-misuse", "safer-sleep"),
          "Fictional: adult substance misuse services ask about infants in the household.",
          (IE, IE, IM, IM, SO), R.ACCEPTED),
    _Demo("NS-LCSPR-2025-01 R3", LCSPR1, 620, ("information-sharing", "professional-curiosity"),
          "Fictional: midwifery and GP records share antenatal concerns within five working days.",
          (IM, IM, IM, IM, IM), R.IMPLEMENTED),
    _Demo("NS-LCSPR-2025-02 R1", LCSPR2, 400, ("child-criminal-exploitation", "voice-of-the-child"),
          "Fictional: exploitation screening records the young person's own account.",
          (IP, IP, BL, NS, IM)),
    _Demo("NS-LCSPR-2025-02 R2", LCSPR2, 400, ("escalation-and-challenge", "information-sharing"),
          "Fictional: partners use the escalation protocol when a referral is closed without "
          "assessment.", (NS, NS, IP, IE, IM)),
    _Demo("NS-AUD-2025-03 R1", "Multi-agency audit: neglect, spring 2025 (fictional)", 300,
          ("neglect", "voice-of-the-child"),
          "Fictional: practitioners use the graded care profile before a neglect case is closed.",
          (IP, BL, NS, IM, IP)),
    _Demo("NS-SCR-2025-04 R1", "Independent scrutiny: front door (fictional)", 200,
          ("domestic-abuse", "information-sharing"),
          "Fictional: police domestic abuse notifications reach schools by the next school day.",
          (IP, NS, NS, IP, IM)),
    _Demo("NS-RR-2025-05 R1", "Rapid review NS-SIN-2025-006 learning (fictional)", 90,
          ("non-accidental-injury-in-babies", "professional-curiosity"),
          "Fictional: bruising in non-mobile babies is always referred for a paediatric opinion.",
          (NS, NS, IP, IP, NS), R.OPEN),
    _Demo("NS-SCR-2025-06 R1", "Independent scrutiny: training offer (fictional)", 150,
          ("neurodiversity",), "Fictional: a separate neurodiversity training course.", (),
          R.REJECTED),
)  # fmt: skip
WHAT = (
    "Brief every team on the recommendation and record attendance.",
    "Change the recording template and audit twenty cases.",
    "Add the topic to the multi-agency training offer.",
    "Report progress to the partnership's quality subgroup.",
    "Check with families whether practice has changed.",
)


def _reach(action: Any, target: str, *, made: date, today: date, by: Any) -> None:
    """Move a new action along the workflow to `target`, with the evidence each step needs."""
    day = min(made + timedelta(days=60), today)

    def add(kind: str, text: str) -> None:
        services.action_update_add(
            action=action, by=by, on=day, text=text, kind=kind, today=today,
            link="https://example.org/northshire-demo-evidence" if kind != "progress" else "",
        )  # fmt: skip

    def move(to: str) -> None:
        services.action_transition(action=action, to=to, by=by)

    if target == A.NOT_STARTED:
        return
    move(A.IN_PROGRESS)
    add(UpdateKind.PROGRESS, "Fictional: work started; the lead is meeting each team.")
    if target == A.BLOCKED:
        move(A.BLOCKED)
        return
    if target == A.IN_PROGRESS:
        return
    add(UpdateKind.IMPLEMENTATION_EVIDENCE, "Fictional: new template live; audit of 20 cases done.")
    move(A.IMPLEMENTED)
    if target == A.IMPLEMENTED:
        return
    add(UpdateKind.IMPACT_EVIDENCE, "Fictional: re-audit shows the change in 18 of 20 cases.")
    move(A.IMPACT_EVIDENCED)
    if target == A.IMPACT_EVIDENCED:
        return
    # Each partner signs off through its lead safeguarding partner (masa.accounts.signing).
    signers = demo_signers_create(action.partnership, on=timezone.localdate())
    for partner, partner_type in services.SIGN_OFF_PARTNER_TYPES.items():
        services.action_sign_off(action=action, partner_type=partner, by=signers[partner_type])
    move(A.SIGNED_OFF)


@transaction.atomic
def demo_load(*, by: Any = None, today: date | None = None) -> str:
    """Record the northshire demo recommendations and actions (idempotent); returns a summary."""
    today = today or timezone.localdate()
    northshire = fictional_northshire()
    if Recommendation.objects.filter(partnership=northshire).exists():
        return "northshire recommendations already loaded"
    owners = list(services.partnership_organisations(northshire).order_by("name"))
    if not owners:
        raise MasaError("The fictional northshire partnership has no organisations")
    # The themes are seeded by a migration; a database emptied since (a test's flush) gets back
    # the ones the demo uses, named as the seed names them.
    themes = {t.slug: t for t in LearningTheme.objects.all()}
    for slug in {s for row in DEMO for s in row.themes} - themes.keys():
        themes[slug] = LearningTheme.objects.create(
            slug=slug, name=slug.replace("-", " ").capitalize()
        )
    actions = 0
    # the demo practice reviews, when loaded, are the recommendations' sources
    reviews = {r.reference: r for r in PracticeReview.objects.filter(partnership=northshire)}
    for row in DEMO:
        made = today - timedelta(days=row.made_days_ago)
        review = reviews.get(row.reference.removeprefix("NS-").split(" ")[0])
        recommendation = services.recommendation_create(
            partnership=northshire, by=by, reference=row.reference, text=row.text,
            source_label=f"{review.reference}: {review.title}" if review else row.source,
            source=review, made_on=made, themes=[themes[s] for s in row.themes], today=today,
        )  # fmt: skip
        if row.status == R.REJECTED:
            services.recommendation_transition(
                recommendation=recommendation, to=R.REJECTED, by=by, today=today,
                reason="Fictional: covered by the existing neurodiversity module.",
            )  # fmt: skip
            continue
        if row.status != R.OPEN:
            services.recommendation_transition(recommendation=recommendation, to=R.ACCEPTED, by=by)
        for position, target in enumerate(row.actions):
            action = services.action_create(
                recommendation=recommendation, by=by, text=f"Fictional: {WHAT[position]}",
                owner=owners[(actions + position) % len(owners)],
                owner_role="Safeguarding lead", due_on=made + timedelta(days=90 + 45 * position),
            )  # fmt: skip
            _reach(action, target, made=made, today=today, by=by)
        actions += len(row.actions)
        steps: dict[str, list[str]] = {R.IMPLEMENTED: [R.IMPLEMENTED],
                 R.CLOSED: [R.IMPLEMENTED, R.IMPACT_EVIDENCED, R.CLOSED]}  # fmt: skip
        for to in steps.get(row.status, []):
            services.recommendation_transition(
                recommendation=recommendation, to=to, by=by, today=today,
                signed_off_on=today - timedelta(days=20) if to == R.CLOSED else None,
                signed_off_note="Fictional: signed off at the executive meeting",
            )  # fmt: skip
    return f"{len(DEMO)} northshire recommendations with {actions} actions"

"""Assemblers over the year's case records, for the yearly report: reviews, notification
timeliness, recommendations and actions, recurring learning themes.

A public document never carries a case: counts, quarters and review references only, never a
notification's reference or a child's. Due dates come from the incidents' and reviews' own clock
functions (pauses and extensions included), never recomputed here. A period with nothing recorded
gives a Note saying so, never an error.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from masa.actions.models import Action, ActionUpdate, Recommendation, UpdateKind
from masa.actions.selectors import overdue_q
from masa.actions.workflow import ActionStatus, RecommendationStatus
from masa.clocks.selectors import events_for
from masa.core.clocks.engine import ClockStatus
from masa.incidents.clocks import incident_clocks
from masa.incidents.models import AbuseOrNeglect, Outcome, SeriousIncident
from masa.partnerships.periods import format_day
from masa.reviews.clocks import rapid_clocks
from masa.reviews.models import Decision, PracticeReview, RapidReview

from ..content import Block, Chart, Facts, Note, Table
from .records import Records

NOT_DECIDED = "Not yet decided"
# How a notification's clock to the Panel reads in the report.
TIMELINESS = (
    (ClockStatus.MET, "On time"),
    (ClockStatus.MET_LATE, "Late"),
    (ClockStatus.OVERDUE, "Not yet sent, overdue"),
    (ClockStatus.RUNNING, "Not yet sent, still in time"),
)


def _bounds(records: Records) -> tuple[date, date]:
    if records.period_start is None or records.period_end is None:
        raise ValueError("Case records are assembled for a yearly report's period only")
    return records.period_start, records.period_end


def quarters(start: date) -> list[tuple[date, date, str]]:
    """The four quarters of the financial year starting `start` (1 April)."""
    found = []
    for first, last in ((4, 6), (7, 9), (10, 12), (1, 3)):
        year = start.year if first >= 4 else start.year + 1
        begin = date(year, first, 1)
        end = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
        end = date.fromordinal(end.toordinal() - 1)
        found.append((begin, end, f"{begin:%B} to {end:%B %Y}"))
    return found


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "none"


def reviews(records: Records) -> tuple[Block, ...]:
    start, end = _bounds(records)
    partnership = records.partnership
    rapid = list(
        RapidReview.objects.filter(
            partnership=partnership, started_on__gte=start, started_on__lte=end
        ).select_related("incident")
    )
    practice = list(
        PracticeReview.objects.filter(partnership=partnership)
        .filter(initiated_on__lte=end)
        .exclude(published_on__lt=start)
        .order_by("initiated_on", "id")
    )
    blocks: list[Block] = []
    if rapid:
        events = events_for(partnership=partnership, model=RapidReview, ids=[r.pk for r in rapid])
        on_time = sent = 0
        for review in rapid:
            for clock in rapid_clocks(
                review, guidance=partnership.guidance, today=records.today, events=events
            ):
                sent += clock.done is not None
                on_time += clock.status == ClockStatus.MET
        decisions = Counter(r.get_decision_display() if r.decision else NOT_DECIDED for r in rapid)
        order = [str(label) for label in Decision.labels] + [NOT_DECIDED]
        blocks.append(
            Table(
                caption=f"Rapid reviews started {records.period_words}, by decision",
                headers=("Decision", "Rapid reviews"),
                rows=tuple((d, str(decisions[d])) for d in order if decisions[d]),
            )
        )
        blocks.append(
            Facts(
                (
                    ("Rapid reviews started", str(len(rapid))),
                    ("Sent to the Panel", str(sent)),
                    ("Sent within 15 working days", f"{on_time} ({_percent(on_time, sent)})"),
                )
            )
        )
    else:
        blocks.append(Note(f"No rapid reviews were started {records.period_words}."))
    if practice:
        blocks.append(
            Table(
                caption="Local child safeguarding practice reviews in the year",
                headers=("Review", "Initiated", "Status", "Published"),
                rows=tuple(
                    (
                        f"{p.reference} ({p.title})",
                        format_day(p.initiated_on),
                        p.get_status_display(),
                        format_day(p.published_on) if p.published_on else "Not yet",
                    )
                    for p in practice
                ),
            )
        )
        initiated = sum(1 for p in practice if start <= p.initiated_on <= end)
        published = sum(1 for p in practice if p.published_on and start <= p.published_on <= end)
        blocks.append(
            Facts(
                (
                    ("Practice reviews initiated in the year", str(initiated)),
                    ("Practice reviews published in the year", str(published)),
                )
            )
        )
    else:
        blocks.append(
            Note(
                f"No local child safeguarding practice reviews were under way {records.period_words}."
            )
        )
    return tuple(blocks)


def notifications(records: Records) -> tuple[Block, ...]:
    start, end = _bounds(records)
    partnership = records.partnership
    incidents = list(
        # serious incidents only (CA2004 s.16C(1)): a death with no abuse or neglect known or
        # suspected goes to the Secretary of State and Ofsted, not the Panel
        SeriousIncident.objects.filter(
            partnership=partnership, became_aware_on__gte=start, became_aware_on__lte=end
        )
        .exclude(abuse_or_neglect=AbuseOrNeglect.NEITHER)
        .only(
            "id", "partnership_id", "became_aware_on", "abuse_or_neglect", "outcome",
            "looked_after_child",
            "care_leaver", "panel_notified_on", "partners_notified_on", "sos_ofsted_notified_on",
        )
    )  # fmt: skip
    if not incidents:
        return (Note(f"No serious incidents were notified {records.period_words}."),)
    events = events_for(
        partnership=partnership, model=SeriousIncident, ids=[i.pk for i in incidents]
    )
    rule = f"{partnership.guidance}.notify-panel"
    spans = quarters(start)
    counts = {status: [0] * len(spans) for status, _ in TIMELINESS}
    for incident in incidents:
        clock = next(
            c
            for c in incident_clocks(
                incident, guidance=partnership.guidance, today=records.today, events=events
            )
            if c.rule == rule
        )
        index = next(i for i, (a, b, _) in enumerate(spans) if a <= incident.became_aware_on <= b)
        counts[ClockStatus(clock.status)][index] += 1
    series = tuple(
        (label, tuple(float(n) for n in counts[status]))
        for status, label in TIMELINESS
        if any(counts[status]) or status in (ClockStatus.MET, ClockStatus.MET_LATE)
    )
    total = len(incidents)
    on_time = sum(counts[ClockStatus.MET])
    outcomes = Counter(i.outcome for i in incidents)
    return (
        Facts(
            (
                ("Serious incidents notified", str(total)),
                (
                    "Notified to the Panel within 5 working days",
                    f"{on_time} ({_percent(on_time, total)})",
                ),
            )
        ),
        Chart(
            title=f"Notifications to the Panel by quarter, {records.period_words}",
            unit="notifications",
            labels=tuple(label for _, _, label in spans),
            series=series,
        ),
        Table(
            caption="Serious incidents notified, by outcome",
            headers=("Outcome", "Notifications"),
            rows=tuple((str(o.label), str(outcomes[o.value])) for o in Outcome),
        ),
    )


def actions(records: Records) -> tuple[Block, ...]:
    start, end = _bounds(records)
    partnership = records.partnership
    made = list(
        Recommendation.objects.filter(
            partnership=partnership, made_on__gte=start, made_on__lte=end
        ).order_by("made_on", "reference")
    )
    blocks: list[Block] = []
    if made:
        blocks.append(
            Table(
                caption=f"Recommendations made {records.period_words}",
                headers=("Recommendation", "From", "Made", "Status"),
                rows=tuple(
                    (r.reference, r.source_label, format_day(r.made_on), r.get_status_display())
                    for r in made
                ),
            )
        )
    else:
        blocks.append(Note(f"No recommendations were made {records.period_words}."))
    live = Action.objects.filter(partnership=partnership, recommendation__made_on__lte=end)
    statuses = Counter(live.values_list("status", flat=True))
    if statuses:
        overdue = live.filter(overdue_q(records.on)).count()
        blocks.append(
            Table(
                caption=f"Actions on recommendations made by {format_day(end)}, by status",
                headers=("Status", "Actions"),
                rows=tuple(
                    (str(s.label), str(statuses[s.value]))
                    for s in ActionStatus
                    if statuses[s.value]
                ),
            )
        )
        blocks.append(Facts(((f"Actions overdue on {format_day(records.on)}", str(overdue)),)))
    else:
        blocks.append(
            Note(f"No actions are recorded on recommendations made by {format_day(end)}.")
        )
    impact = list(
        ActionUpdate.objects.filter(
            action__partnership=partnership,
            kind=UpdateKind.IMPACT_EVIDENCE,
            on__gte=start,
            on__lte=end,
        )
        .select_related("action__recommendation", "action__owner")
        .order_by("on", "id")
    )
    if impact:
        blocks.append(
            Table(
                caption=f"Evidence of impact recorded {records.period_words}",
                headers=("Recommendation", "Action owner", "Date", "Evidence"),
                rows=tuple(
                    (
                        u.action.recommendation.reference,
                        u.action.owner.name,
                        format_day(u.on),
                        u.text.strip(),
                    )
                    for u in impact
                ),
            )
        )
    else:
        blocks.append(Note(f"No evidence of impact was recorded {records.period_words}."))
    closed = sum(1 for r in made if r.status == RecommendationStatus.CLOSED)
    if made:
        blocks.append(Facts((("Recommendations made in the year and closed", str(closed)),)))
    return tuple(blocks)


def themes(records: Records) -> tuple[Block, ...]:
    start, end = _bounds(records)
    links = (
        Recommendation.themes.through.objects.filter(
            recommendation__partnership=records.partnership,
            recommendation__made_on__gte=start,
            recommendation__made_on__lte=end,
        )
        .select_related("learningtheme", "recommendation")
        .order_by("learningtheme__name")
    )
    found: dict[str, tuple[int, set[str]]] = {}
    for link in links:
        count, sources = found.get(link.learningtheme.name, (0, set()))
        sources.add(link.recommendation.source_label)
        found[link.learningtheme.name] = (count + 1, sources)
    if not found:
        return (
            Note(f"No learning themes were recorded on recommendations {records.period_words}."),
        )
    ordered = sorted(found.items(), key=lambda item: (-item[1][0], item[0]))
    return (
        Table(
            caption=f"Learning themes of the recommendations made {records.period_words}",
            headers=("Theme", "Recommendations", "Sources", "Recurring"),
            rows=tuple(
                (
                    name,
                    str(count),
                    str(len(sources)),
                    "Yes, across reviews" if len(sources) > 1 else "No",
                )
                for name, (count, sources) in ordered
            ),
        ),
    )

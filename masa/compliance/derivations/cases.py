"""Rules over the case records: notifications, rapid reviews and practice reviews.

Each judges the reporting period (the financial year) containing the matrix date, as the records
stood on that date: a date recorded after it counts as not yet done. Due dates come from the
incidents' and reviews' own clock functions (pauses and extensions included), never recomputed
here. The records are read once per matrix, a fixed handful of queries whatever their number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from masa.clocks.selectors import events_for
from masa.core.clocks.engine import ClockStatus, DueDate, long_date, status_of
from masa.incidents.clocks import incident_clocks
from masa.incidents.models import SeriousIncident
from masa.reviews.clocks import (
    REG16,
    REG16_WORKING,
    REG17,
    practice_clocks,
    rapid_clocks,
    settings_for,
)
from masa.reviews.models import PracticeReview, RapidReview, ReviewSettings

from ..models import Status
from ..periods import Period, financial_year
from .context import Context, Derived
from .evidence import plural

CASE_RULES = (
    "notifications_on_time",
    "partners_informed_on_time",
    "lac_deaths_notified",
    "care_leaver_deaths_notified",
    "rapid_reviews_on_time",
    "practice_reviews_reported",
    "practice_reviews_published",
)
_KEY = "case_records"
_STATUS_WORDS = {
    ClockStatus.MET: "on time",
    ClockStatus.MET_LATE: "late",
    ClockStatus.RUNNING: "running",
    ClockStatus.OVERDUE: "overdue",
}


@dataclass(frozen=True)
class Item:
    """One case's clock as it stood on the matrix date."""

    reference: str
    due: date
    done: date | None
    status: ClockStatus
    explanation: str

    @property
    def late(self) -> bool:
        return self.status in (ClockStatus.MET_LATE, ClockStatus.OVERDUE)

    def when(self, done_word: str) -> str:
        done = f"{done_word} {long_date(self.done)}" if self.done else f"not {done_word}"
        return f"due {long_date(self.due)}, {done}"

    def dates(self, done_word: str) -> str:
        return f"{self.reference} ({self.when(done_word)})"


class CaseRecords:
    """The partnership's case records for the period, each part read only if a rule asks."""

    def __init__(self, context: Context) -> None:
        self.partnership = context.partnership
        self.at = context.at
        self.period: Period = financial_year(context.at)
        self.guidance: str = context.partnership.guidance

    def done(self, day: date | None) -> date | None:
        return day if day is not None and day <= self.at else None

    @cached_property
    def incidents(self) -> list[SeriousIncident]:
        """Notifications the local authority became aware of in the period, up to the matrix date,
        with their rapid review: one query."""
        return list(
            SeriousIncident.objects.filter(
                partnership=self.partnership,
                became_aware_on__gte=self.period.start,
                became_aware_on__lte=self.at,
            )
            .select_related("rapid_review")
            .order_by("became_aware_on", "id")
        )

    @cached_property
    def incident_events(self) -> dict:
        ids = [i.pk for i in self.incidents]
        return (
            events_for(partnership=self.partnership, model=SeriousIncident, ids=ids) if ids else {}
        )

    @cached_property
    def rapid_events(self) -> dict:
        ids = [r.pk for r in self.rapid_reviews.values() if r.pk]
        return events_for(partnership=self.partnership, model=RapidReview, ids=ids) if ids else {}

    @cached_property
    def rapid_reviews(self) -> dict[int, RapidReview]:
        """Incident id → its rapid review (an unsaved one on the partnership's clock basis when
        none is recorded, so the clock still runs)."""
        found: dict[int, RapidReview] = {}
        basis = self.settings.rapid_review_clock_basis
        for incident in self.notified:
            review = getattr(incident, "rapid_review", None)
            if review is None:
                review = RapidReview(
                    incident=incident,
                    partnership=self.partnership,
                    clock_start_basis=basis,
                )
            found[incident.pk] = review
        return found

    @cached_property
    def notified(self) -> list[SeriousIncident]:
        """The period's serious incidents (CA2004 s.16C(1)) sent to the Panel by the matrix date."""
        return [i for i in self.incidents if i.serious_incident and self.done(i.panel_notified_on)]

    @cached_property
    def settings(self) -> ReviewSettings:
        return settings_for(self.partnership)

    @cached_property
    def practice_reviews(self) -> list[PracticeReview]:
        return list(
            PracticeReview.objects.filter(
                partnership=self.partnership, initiated_on__lte=self.at
            ).order_by("initiated_on", "id")
        )

    @cached_property
    def practice_events(self) -> dict:
        ids = [r.pk for r in self.practice_reviews]
        return (
            events_for(partnership=self.partnership, model=PracticeReview, ids=ids) if ids else {}
        )

    def incident_items(self, suffix: str) -> list[Item]:
        """Each period notification's clock `<guidance>.<suffix>`, where it applies."""
        rule = f"{self.guidance}.{suffix}"
        items = []
        for incident in self.incidents:
            for clock in incident_clocks(
                incident, guidance=self.guidance, today=self.at, events=self.incident_events
            ):
                if clock.rule == rule and clock.due is not None:
                    items.append(self.item(incident.reference, clock.due, clock.done))
        return items

    def item(self, reference: str, due: DueDate, done: date | None) -> Item:
        done = self.done(done)
        return Item(reference, due.due, done, status_of(due.due, done, self.at), due.explanation)


def records(context: Context) -> CaseRecords:
    """The context's case records, built once however many rules read them."""
    if _KEY not in context.__dict__:
        context.__dict__[_KEY] = CaseRecords(context)
    return context.__dict__[_KEY]


def judge(
    items: list[Item], *, noun: str, what: str, done_word: str, none: str, period: Period
) -> Derived:
    """met when every clock that has fallen due was met on time; partly_met when some were late
    (listed with their due and done dates); not_met when none was on time; not_applicable when the
    period has none, or none has fallen due yet."""
    evidence = [
        f"{noun.capitalize()} {i.dates(done_word)}: {_STATUS_WORDS[i.status]}; {i.explanation}"
        for i in items
    ]
    if not items:
        return Derived(Status.NOT_APPLICABLE, [f"{none} in {period.long_label}."], [])
    running = [i for i in items if i.status == ClockStatus.RUNNING]
    late = [i for i in items if i.late]
    judged = len(items) - len(running)
    still = f" {plural(len(running), 'clock')} still running." if running else ""
    if not judged:
        return Derived(
            Status.NOT_APPLICABLE,
            [f"{plural(len(items), noun)} in {period.label}, none due yet.{still}"],
            evidence,
        )
    counted = f"{judged - len(late)} of {plural(judged, noun)} due in {period.label} {what}."
    if not late:
        return Derived(Status.MET, [counted + still], evidence)
    reasons = [counted + still, "Late: " + "; ".join(i.dates(done_word) for i in late) + "."]
    status = Status.NOT_MET if len(late) == judged else Status.PARTLY_MET
    return Derived(status, reasons, evidence, [counted + still, f"{len(late)} late."])


def notifications_on_time(context: Context) -> Derived:
    """WT2018 ch4 / WT2023 ch5: to the Panel within 5 working days of becoming aware."""
    cases = records(context)
    return judge(
        cases.incident_items("notify-panel"),
        noun="notification",
        what="sent to the Panel within 5 working days of becoming aware",
        done_word="sent",
        none="No serious incident notifications",
        period=cases.period,
    )


def partners_informed_on_time(context: Context) -> Derived:
    """WT2018 ch4 / WT2023 ch5: to the safeguarding partners within 5 working days."""
    cases = records(context)
    return judge(
        cases.incident_items("notify-partners"),
        noun="notification",
        what="reported to the safeguarding partners within 5 working days of becoming aware",
        done_word="reported",
        none="No serious incident notifications",
        period=cases.period,
    )


LAC_DEATH_APPLIES = (
    "The duty applies to every looked-after child's death, whether or not abuse or neglect is "
    "known or suspected (WT2018 ch4 / WT2023 ch5); record each death as a notification, choosing "
    "'neither known nor suspected' where that is so."
)


def lac_deaths_notified(context: Context) -> Derived:
    """WT2018 ch4 / WT2023 ch5: a looked-after child's death to the Secretary of State and Ofsted
    within 5 working days, whether or not abuse or neglect is known or suspected. The duty always
    applies, so a period with no death recorded is `not_assessed` (the records cannot show that
    none happened), never `not_applicable`."""
    cases = records(context)
    found = judge(
        cases.incident_items("lac-death-notify"),
        noun="death",
        what="notified to the Secretary of State and Ofsted within 5 working days",
        done_word="notified",
        none="No looked-after child's death is recorded",
        period=cases.period,
    )
    status = Status.NOT_ASSESSED if found.status == Status.NOT_APPLICABLE else found.status
    summary = [*found.summary, LAC_DEATH_APPLIES] if found.summary is not None else None
    return found._replace(
        status=status, reasons=[*found.reasons, LAC_DEATH_APPLIES], summary=summary
    )


def care_leaver_deaths_notified(context: Context) -> Derived:
    """WT2023 ch5: a care leaver's death (up to and including age 24) to the Secretary of State
    and Ofsted. No timescale is confirmed, so nothing is judged late: met once every death
    recorded has been notified; otherwise `not_assessed`, saying which are not yet notified."""
    cases = records(context)
    deaths = [
        i for i in cases.incidents if i.care_leaver and not i.looked_after_child and i.is_death
    ]
    evidence = [
        f"Care leaver's death {i.reference}: "
        + (
            f"notified {long_date(done)}"
            if (done := cases.done(i.sos_ofsted_notified_on))
            else "not yet notified"
        )
        + "; no timescale in the guidance"
        for i in deaths
    ]
    if cases.guidance != "wt2023":
        return Derived(
            Status.NOT_APPLICABLE,
            ["Working Together 2018 does not ask for care leavers' deaths to be notified."],
            [],
        )
    if not deaths:
        return Derived(
            Status.NOT_ASSESSED,
            [
                f"No care leaver's death is recorded in {cases.period.long_label}; record "
                "each as a notification."
            ],
            [],
        )
    waiting = [i.reference for i in deaths if not cases.done(i.sos_ofsted_notified_on)]
    counted = (
        f"{len(deaths) - len(waiting)} of {plural(len(deaths), 'care leaver death')} in "
        f"{cases.period.label} notified to the Secretary of State and Ofsted. The guidance gives "
        f"no timescale, so none is judged late."
    )
    if not waiting:
        return Derived(Status.MET, [counted], evidence, summary=[counted])
    return Derived(
        Status.NOT_ASSESSED,
        [counted, "Not yet notified: " + ", ".join(waiting) + "."],
        evidence,
        summary=[counted, f"{plural(len(waiting), 'death')} not yet notified."],
    )


def rapid_reviews_on_time(context: Context) -> Derived:
    """WT2018 ch4 / WT2023 ch5: a rapid review of each notified case, sent to the Panel within
    15 working days (from the start the partnership chose)."""
    cases = records(context)
    items = []
    for incident in cases.notified:
        review = cases.rapid_reviews[incident.pk]
        events = cases.rapid_events if review.pk else {}
        for clock in rapid_clocks(review, guidance=cases.guidance, today=cases.at, events=events):
            items.append(cases.item(incident.reference, clock.due, clock.done))
    found = judge(
        items,
        noun="rapid review",
        what="sent to the Panel within 15 working days",
        done_word="sent",
        none="No notifications sent to the Panel",
        period=cases.period,
    )
    missing = [i.reference for i in cases.notified if not cases.rapid_reviews[i.pk].pk]
    if missing:
        found = found._replace(
            reasons=[*found.reasons, "No rapid review recorded for " + ", ".join(missing) + "."],
            summary=[
                *(found.summary or found.reasons),
                f"No rapid review recorded for {plural(len(missing), 'notification')}.",
            ],
        )
    return found


def _published_in_period(cases: CaseRecords) -> list[PracticeReview]:
    return [
        r
        for r in cases.practice_reviews
        if (published_on := cases.done(r.published_on)) is not None and published_on in cases.period
    ]


def practice_reviews_reported(context: Context) -> Derived:
    """SI 2018/789 reg 15 (the report's contents) and reg 16 (copies to the Secretary of State and
    the Panel at least 7 days before publication), for each review published in the period."""
    cases = records(context)
    published = _published_in_period(cases)
    if not published:
        return Derived(
            Status.NOT_APPLICABLE,
            [f"No practice reviews published in {cases.period.long_label}."],
            [],
        )
    wanted = {REG16, REG16_WORKING}
    failures, evidence = [], []
    for review in published:
        problems = []
        if not review.checklist_complete:
            problems.append("reg 15 checklist incomplete")
        clocks = practice_clocks(
            review,
            settings=cases.settings,
            today=cases.at,
            six_months="",  # only the reg 16 clocks are read here
            events=cases.practice_events,
        )
        for clock in (c for c in clocks if c.rule in wanted):
            item = cases.item(review.reference, clock.due, clock.done)
            evidence.append(
                f"Copies {item.dates('sent')}: {_STATUS_WORDS[item.status]}; {item.explanation}"
            )
            if item.status != ClockStatus.MET:
                problems.append(f"copies {item.when('sent')}")
        if problems:
            failures.append(f"{review.reference}: {'; '.join(problems)}")
    counted = (
        f"{len(published) - len(failures)} of {plural(len(published), 'practice review')} "
        f"published in {cases.period.label} had a complete reg 15 report and copies to the "
        f"Secretary of State and the Panel at least 7 days before publication."
    )
    if not failures:
        return Derived(Status.MET, [counted], evidence)
    status = Status.NOT_MET if len(failures) == len(published) else Status.PARTLY_MET
    summary = [counted, f"{plural(len(failures), 'practice review')} fell short."]
    return Derived(status, [counted, *(f + "." for f in failures)], evidence, summary)


def practice_reviews_published(context: Context) -> Derived:
    """CA2004 s.16F(4)-(5): a completed review's report (or its improvements) is published, unless
    the partners decide otherwise; SI 2018/789 reg 17: kept published at least 12 months."""
    cases = records(context)
    completed = [
        r
        for r in cases.practice_reviews
        if cases.done(r.report_received_on)
        and ((shown := cases.done(r.published_on)) is None or shown >= cases.period.start)
    ]
    if not completed:
        return Derived(
            Status.NOT_APPLICABLE,
            [f"No completed practice reviews to publish in {cases.period.long_label}."],
            [],
        )
    published, overdue, pending, evidence = [], [], [], []
    for review in completed:
        if (published_on := cases.done(review.published_on)) is not None:
            published.append(review)
            form = review.get_publication_display() or "published"
            keep = next(
                c
                for c in practice_clocks(
                    review,
                    settings=cases.settings,
                    today=cases.at,
                    six_months="",  # only the reg 17 clock is read here
                    events=cases.practice_events,
                )
                if c.rule == REG17
            )
            kept = (
                "kept published for a year"
                if keep.due.due <= cases.at
                else f"to stay published until {long_date(keep.due.due)}"
            )
            evidence.append(
                f"Practice review {review.reference}: published {long_date(published_on)}"
                f" ({form}), {kept}"
            )
        elif review.planned_publication_on and review.planned_publication_on < cases.at:
            overdue.append(review)
            evidence.append(
                f"Practice review {review.reference}: planned for "
                f"{long_date(review.planned_publication_on)}, not published"
            )
        else:
            pending.append(review)
            evidence.append(f"Practice review {review.reference}: report received, not yet due")
    reasons = [
        f"{len(published)} of {plural(len(completed), 'completed practice review')} in "
        f"{cases.period.label} published (full report or improvements only)."
    ]
    if pending:
        reasons.append(f"{plural(len(pending), 'review')} awaiting publication, not yet due.")
    summary = None
    if overdue:
        summary = [*reasons, f"{plural(len(overdue), 'review')} not published as planned."]
        reasons.append("Not published as planned: " + ", ".join(r.reference for r in overdue) + ".")
    if not overdue:
        status = Status.MET if published else Status.NOT_APPLICABLE
    else:
        status = Status.PARTLY_MET if published else Status.NOT_MET
    return Derived(status, reasons, evidence, summary)

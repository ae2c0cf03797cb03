"""Rules over the published documents: the arrangements published, the yearly
report within every 12 months and by the end of September, and the copies sent after publication.

Each reads the documents' own clocks (masa/documents/clocks.py) as they stood on the matrix date: a
publication or dispatch dated later counts as not yet done. Copies are judged for the versions
published in the reporting period (the financial year) containing the matrix date. The records are
read once per matrix, six queries at most whatever their number.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from django.urls import reverse

from masa.core.clocks.engine import ClockStatus, long_date
from masa.documents.clocks import (
    ARRANGEMENTS_DFE,
    BY_SEPTEMBER,
    FIRST_SEPTEMBER_YEAR_END,
    INTERVAL,
    RESTRAINT_DISPATCH,
    YEARLY_DISPATCH,
    DocumentClock,
    DocumentRecords,
    dispatch_clocks,
    records_for,
    yearly_report_clocks,
)
from masa.documents.dispatch import public_path
from masa.documents.models import DocumentKind, DocumentVersion, Recipient, period_label

from ..models import Status
from ..periods import Period, financial_year
from .context import Context, Derived
from .evidence import plural

DOCUMENT_RULES = (
    "arrangements_published",
    "yearly_report_published",
    "yearly_report_by_september",
    "yearly_report_dispatched",
    "arrangements_updates_sent",
    "restraint_findings_sent",
)
_KEY = "document_records"
_GUIDANCE = {"wt2018": "WT2018", "wt2023": "WT2023"}
_STATUS_WORDS = {
    ClockStatus.MET: "on time",
    ClockStatus.MET_LATE: "late",
    ClockStatus.RUNNING: "running",
    ClockStatus.OVERDUE: "overdue",
}


class DocumentFacts:
    """The partnership's documents and their clocks on the matrix date."""

    def __init__(self, context: Context) -> None:
        self.partnership = context.partnership
        self.at = context.at
        self.period: Period = financial_year(context.at)
        self.records: DocumentRecords = records_for(context.partnership)

    @cached_property
    def yearly(self) -> list[DocumentClock]:
        return yearly_report_clocks(self.records, today=self.at)

    @cached_property
    def dispatches(self) -> list[DocumentClock]:
        return dispatch_clocks(self.records, today=self.at)

    def published(self, kind: str) -> list[DocumentVersion]:
        """Versions of `kind` published on or before the matrix date, oldest first."""
        return [
            v
            for v in self.records.versions
            if v.document.kind == kind and v.published_on and v.published_on <= self.at
        ]

    def copies(self, rules: set[str]) -> list[DocumentClock]:
        """Dispatch clocks under `rules` of the versions published in the period."""
        return [
            c
            for c in self.dispatches
            if c.rule in rules
            and c.version is not None
            and c.version.published_on is not None
            and c.version.published_on in self.period
        ]

    def dispatch_page(self, version: DocumentVersion) -> str:
        return reverse("document_dispatch:version", args=[self.partnership.slug, version.pk])


def facts(context: Context) -> DocumentFacts:
    """The context's document facts, built once however many rules read them."""
    if _KEY not in context.__dict__:
        context.__dict__[_KEY] = DocumentFacts(context)
    return context.__dict__[_KEY]


def _day(clock: DocumentClock) -> str:
    return long_date(clock.done) if clock.done else "not done"


def _line(clock: DocumentClock, link: str) -> str:
    return (
        f"{clock.subject}: due {long_date(clock.due.due)}, done {_day(clock)}"
        f" ({_STATUS_WORDS[clock.status]}); {clock.due.explanation} — {link}"
    )


def _judge_copies(found: DocumentFacts, clocks: list[DocumentClock], *, what: str) -> Derived:
    """met when every copy that has fallen due went on time; partly_met when some went late or
    are overdue; not_met when none went on time; not_applicable while none has fallen due."""
    evidence = [_line(c, found.dispatch_page(c.version)) for c in clocks if c.version is not None]
    running = [c for c in clocks if c.status == ClockStatus.RUNNING]
    late = [c for c in clocks if c.status in (ClockStatus.MET_LATE, ClockStatus.OVERDUE)]
    judged = len(clocks) - len(running)
    still = f" {plural(len(running), 'copy', 'copies')} not yet due." if running else ""
    if not judged:
        return Derived(
            Status.NOT_APPLICABLE,
            [
                f"{plural(len(clocks), 'copy', 'copies')} owed in {found.period.label}, none due yet."
            ],
            evidence,
        )
    counted = (
        f"{judged - len(late)} of {plural(judged, 'copy', 'copies')} due in "
        f"{found.period.label} {what}.{still}"
    )
    if not late:
        return Derived(Status.MET, [counted], evidence)
    listed = "; ".join(
        f"{c.subject} (due {long_date(c.due.due)}, "
        f"{'sent ' + long_date(c.done) if c.done else 'not sent'})"
        for c in late
    )
    status = Status.NOT_MET if len(late) == judged else Status.PARTLY_MET
    return Derived(status, [counted, f"Late: {listed}."], evidence)


def arrangements_published(context: Context) -> Derived:
    """CA2004 s.16G(2); WT2018 ch3 para 38 / WT2023 ch2: the arrangements, once agreed, are
    published. Partly met when the published version answers another edition of the guidance
    than the one the partnership works to."""
    found = facts(context)
    published = found.published(DocumentKind.ARRANGEMENTS)
    if not published:
        return Derived(
            Status.NOT_MET,
            [f"No published arrangements are recorded on {long_date(found.at)}."],
            [],
        )
    evidence = [
        f"Published arrangements, version {v.number}: published {long_date(v.published_on)}"
        f" under {_GUIDANCE.get(v.framework, v.framework)} — {public_path(v)}"
        for v in published
        if v.published_on
    ]
    current = published[-1]
    assert current.published_on is not None
    said = (
        f"Version {current.number} of the arrangements was published on "
        f"{long_date(current.published_on)}, under "
        f"{_GUIDANCE.get(current.framework, current.framework)}."
    )
    guidance = found.partnership.guidance
    if current.framework != guidance:
        return Derived(
            Status.PARTLY_MET,
            [
                said,
                f"The partnership works to {_GUIDANCE.get(guidance, guidance)}: its arrangements "
                f"are to be published again under it.",
            ],
            evidence,
        )
    return Derived(Status.MET, [said], evidence)


def _report_link(clock: DocumentClock) -> str:
    if clock.document is None:
        return "no report recorded"
    slug = clock.document.partnership.slug
    return f"/published/{slug}/yearly-report/{clock.document.period}/"


def yearly_report_published(context: Context) -> Derived:
    """CA2004 s.16G(7): a yearly report at least once in every 12-month period, so each report
    is due within 12 months of the last. Judged on the chain of reports published in MASA."""
    found = facts(context)
    chain = [c for c in found.yearly if c.rule == INTERVAL]
    if not chain:
        return Derived(
            Status.NOT_MET,
            [f"No yearly report is recorded as published on {long_date(found.at)}."],
            [],
        )
    evidence = [_line(c, _report_link(c)) for c in chain]
    last = chain[-1]
    start = long_date(last.due.start)
    if last.status == ClockStatus.OVERDUE:
        return Derived(
            Status.NOT_MET,
            [
                f"The last yearly report ({last.period}) was published on {start}; the next was "
                f"due by {long_date(last.due.due)} and none is recorded."
            ],
            evidence,
        )
    said = (
        f"The {last.period} yearly report was published on {start}; the next is due by "
        f"{long_date(last.due.due)}."
    )
    late = [
        c
        for c in chain
        if c.status == ClockStatus.MET_LATE and c.done is not None and c.done in found.period
    ]
    if late:
        listed = "; ".join(
            f"after the {c.period} report, due {long_date(c.due.due)}, published "
            f"{long_date(c.done)}"
            for c in late
            if c.done
        )
        return Derived(
            Status.PARTLY_MET,
            [
                said,
                f"More than 12 months passed between reports in {found.period.label}: {listed}.",
            ],
            evidence,
        )
    return Derived(Status.MET, [said], evidence)


def yearly_report_by_september(context: Context) -> Derived:
    """WT2023 ch2 'Reporting': the report for each April to March year is published by the end of
    the following September (from 2024). Judges the latest year whose deadline has passed."""
    found = facts(context)
    if found.partnership.guidance != "wt2023":
        return Derived(
            Status.NOT_APPLICABLE,
            ["The end-of-September deadline is WT2023's; the partnership works to WT2018."],
            [],
        )
    # The latest April-March year whose 30 September deadline has passed by the matrix date.
    year = found.at.year - (1 if (found.at.month, found.at.day) > (9, 30) else 2)
    period = period_label(date(year, 4, 1))
    clocks = {c.period: c for c in found.yearly if c.rule == BY_SEPTEMBER}
    upcoming = clocks.get(period_label(date(year + 1, 4, 1)))
    still = (
        [f"The {upcoming.period} report is due by {long_date(upcoming.due.due)}."]
        if upcoming and upcoming.status == ClockStatus.RUNNING
        else []
    )
    evidence = [_line(c, _report_link(c)) for c in clocks.values()]
    if date(year + 1, 3, 31) < FIRST_SEPTEMBER_YEAR_END:
        return Derived(
            Status.NOT_APPLICABLE,
            ["The first end-of-September deadline is 30 September 2024.", *still],
            evidence,
        )
    clock = clocks.get(period)
    if clock is None or clock.status == ClockStatus.OVERDUE:
        due = f"30 September {year + 1}" if clock is None else long_date(clock.due.due)
        return Derived(
            Status.NOT_MET,
            [
                f"No yearly report for {period} is recorded as published; it was due by {due}.",
                *still,
            ],
            evidence,
        )
    if clock.done is None:  # still running: a recorded pause or extension moved the deadline
        return Derived(
            Status.NOT_APPLICABLE,
            [f"The {period} report is due by {long_date(clock.due.due)}.", *still],
            evidence,
        )
    if clock.status == ClockStatus.MET_LATE:
        return Derived(
            Status.PARTLY_MET,
            [
                f"The {period} report was published on {long_date(clock.done)}, "
                f"{plural(clock.late_by, 'day')} after {long_date(clock.due.due)}.",
                *still,
            ],
            evidence,
        )
    return Derived(
        Status.MET,
        [
            f"The {period} report was published on {long_date(clock.done)}, by "
            f"{long_date(clock.due.due)}.",
            *still,
        ],
        evidence,
    )


def yearly_report_dispatched(context: Context) -> Derived:
    """WT2018 ch3 / WT2023 ch2 'Reporting': each published yearly report to the Panel and to
    Foundations (WT2018: the What Works Centre) within 7 days."""
    found = facts(context)
    clocks = found.copies(set(YEARLY_DISPATCH.values()))
    if not clocks:
        return Derived(
            Status.NOT_APPLICABLE,
            [f"No yearly report was published in {found.period.long_label}."],
            [],
        )
    return _judge_copies(found, clocks, what="sent within 7 days of publication")


def arrangements_updates_sent(context: Context) -> Derived:
    """WT2023 ch2 'Publication of arrangements': updates sent to the Department for Education. The
    guidance gives no period; the clock is MASA's default of 7 days from publication."""
    found = facts(context)
    clocks = found.copies({ARRANGEMENTS_DFE})
    if not clocks:
        return Derived(
            Status.NOT_APPLICABLE,
            [
                "No update to the arrangements was published under WT2023 in "
                f"{found.period.long_label}."
            ],
            [],
        )
    found_status = _judge_copies(
        found, clocks, what=f"sent to the {Recipient.DFE.label} within 7 days"
    )
    note = "The guidance gives no period: 7 days is MASA's default."
    return found_status._replace(reasons=[*found_status.reasons, note])


def restraint_findings_sent(context: Context) -> Derived:
    """WT2018 ch3 / WT2023 ch2 'Reporting': where a secure establishment is in the area, the
    restraint review's findings go to the Youth Justice Board (WT2023: also the Youth Custody
    Service and HM Inspectorate of Prisons). MASA's default period: 7 days from publication."""
    found = facts(context)
    if not found.records.secure_establishments:
        return Derived(
            Status.NOT_APPLICABLE,
            ["No secure establishment is recorded in the area (publication settings)."],
            [],
        )
    clocks = found.copies(set(RESTRAINT_DISPATCH.values()))
    if not clocks:
        return Derived(
            Status.NOT_APPLICABLE,
            [f"No yearly report was published in {found.period.long_label}."],
            [],
        )
    judged = _judge_copies(found, clocks, what="sent within 7 days of the report's publication")
    note = "The guidance gives no period: 7 days is MASA's default."
    return judged._replace(reasons=[*judged.reasons, note])

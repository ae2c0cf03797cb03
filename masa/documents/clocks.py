"""The clocks of the two published documents, and their provider for the clock dashboard
(masa.clocks.registry).

- Yearly report, WT2023: published by the end of September after the April to March year it
  covers (`wt2023.yearly-report-publication`, "from 2024", so for years ending 31 March 2024 on).
- Yearly report, the Act: the next one within 12 months of the last (CA2004 s.16G(7),
  `ca2004.yearly-report-interval`), whatever the guidance.
- Each published yearly report to the Panel and to Foundations within 7 days (WT2023 ch2; WT2018
  ch3 named Foundations' predecessor, the What Works Centre for Children's Social Care).
- Each published WT2023 arrangements version to the Department for Education, and the restraint
  review's findings where a secure establishment is in the area: the guidance sets no period, so
  their rules are MASA's default of 7 days from publication (their summaries say so).

A clock reads the records as they stood on `today`: a publication or dispatch dated later is not
yet done. The compliance derivations read the same clocks (masa/compliance/derivations/documents.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.urls import reverse

from masa.clocks.models import ClockEvent
from masa.clocks.registry import ClockView
from masa.clocks.selectors import due_with_events, events_for
from masa.core.clocks.engine import ClockStatus, DueDate, long_date, status_of
from masa.statute.loader import load_library

from .models import (
    Dispatch,
    Document,
    DocumentKind,
    DocumentVersion,
    PublicationSettings,
    Recipient,
    financial_year,
    period_label,
)

BY_SEPTEMBER = "wt2023.yearly-report-publication"
INTERVAL = "ca2004.yearly-report-interval"
YEARLY_DISPATCH = {
    "wt2018": "wt2018.yearly-report-dispatch",
    "wt2023": "wt2023.yearly-report-dispatch",
}
ARRANGEMENTS_DFE = "wt2023.arrangements-dfe-dispatch"
RESTRAINT_DISPATCH = {
    "wt2018": "wt2018.restraint-findings-dispatch",
    "wt2023": "wt2023.restraint-findings-dispatch",
}
# WT2023 ch2: "by the end of September every year (from 2024)": the first report due then covers
# the year ending 31 March 2024.
FIRST_SEPTEMBER_YEAR_END = date(2024, 3, 31)

# Who each version owes a copy to, by rule: (recipient, rule) pairs in the order pages list them.
_RESTRAINT_RECIPIENTS = {
    "wt2018": (Recipient.YJB,),
    "wt2023": (Recipient.YJB, Recipient.YCS, Recipient.HMIP),
}

Events = dict[tuple[int, str], list[ClockEvent]]


@dataclass(frozen=True)
class Owed:
    recipient: Recipient
    rule: str
    what: str  # "copy of the yearly report", "restraint review findings"


def owed(version: DocumentVersion, *, secure_establishments: bool) -> tuple[Owed, ...]:
    """The copies a published version owes, and under which rule. A draft owes nothing."""
    if version.published_on is None:
        return ()
    framework = version.framework
    kind = version.document.kind
    if kind == DocumentKind.YEARLY_REPORT:
        rule = YEARLY_DISPATCH.get(framework)
        found = (
            [
                Owed(r, rule, "copy of the yearly report")
                for r in (Recipient.PANEL, Recipient.FOUNDATIONS)
            ]
            if rule
            else []
        )
        if secure_establishments and framework in RESTRAINT_DISPATCH:
            found += [
                Owed(r, RESTRAINT_DISPATCH[framework], "restraint review findings")
                for r in _RESTRAINT_RECIPIENTS[framework]
            ]
        return tuple(found)
    if kind == DocumentKind.ARRANGEMENTS and framework == "wt2023":
        return (Owed(Recipient.DFE, ARRANGEMENTS_DFE, "updated published arrangements"),)
    return ()


@dataclass(frozen=True)
class DocumentClock:
    """One clock of a document (yearly report deadlines) or a version (its dispatches)."""

    rule: str
    subject: str  # "Yearly report 2024-25: published by the end of September"
    due: DueDate
    done: date | None
    status: ClockStatus
    citation: str
    document: Document | None = None
    version: DocumentVersion | None = None
    recipient: str = ""  # Recipient value, for dispatch clocks
    period: str = ""  # "2024-25", for yearly report clocks

    @property
    def late_by(self) -> int:
        """Calendar days the duty was done after its due date (0 when on time or not done)."""
        return max(0, (self.done - self.due.due).days) if self.done else 0


@dataclass
class DocumentRecords:
    """A partnership's documents as the clocks read them, in six queries (one with none)."""

    partnership: Any
    documents: list[Document]
    versions: list[DocumentVersion]  # every version ever published, oldest publication first
    dispatches: dict[tuple[int, str], Dispatch]
    secure_establishments: bool
    document_events: Events
    version_events: Events

    def first_published(self, document: Document, *, today: date) -> DocumentVersion | None:
        """The version that first published the document on or before `today`."""
        for version in self.versions:
            if version.document_id == document.pk and _on_or_before(version.published_on, today):
                return version
        return None

    def dispatch(self, version: DocumentVersion, recipient: str) -> Dispatch | None:
        return self.dispatches.get((version.pk, recipient))


def records_for(partnership: Any) -> DocumentRecords:
    documents = list(
        Document.objects.filter(partnership=partnership).order_by("kind", "period_start", "pk")
    )
    if not documents:
        return DocumentRecords(partnership, [], [], {}, False, {}, {})
    versions = list(
        DocumentVersion.objects.filter(
            document__partnership=partnership, published_on__isnull=False
        )
        .select_related("document")
        .order_by("published_on", "number", "pk")
    )
    dispatches = {
        (d.version_id, d.recipient): d
        for d in Dispatch.objects.filter(version__document__partnership=partnership)
    }
    settings = PublicationSettings.objects.filter(partnership=partnership).first()
    return DocumentRecords(
        partnership=partnership,
        documents=documents,
        versions=versions,
        dispatches=dispatches,
        secure_establishments=bool(settings and settings.secure_establishments.strip()),
        document_events=events_for(partnership=partnership, model=Document),
        version_events=events_for(partnership=partnership, model=DocumentVersion)
        if versions
        else {},
    )


def _on_or_before(day: date | None, today: date) -> bool:
    return day is not None and day <= today


def _clock(
    rule_id: str,
    subject: str,
    start: date,
    done: date | None,
    today: date,
    events: Any = (),
    **about: Any,
) -> DocumentClock:
    rule = load_library().clocks[rule_id]
    due = due_with_events(rule, start, tuple(events))
    done = done if _on_or_before(done, today) else None
    return DocumentClock(
        rule_id, subject, due, done, status_of(due.due, done, today), rule.citation, **about
    )


def yearly_report_clocks(records: DocumentRecords, *, today: date) -> list[DocumentClock]:
    """The end-of-September clock of each year (WT2023) and the 12-month chain (s.16G(7)).

    The years run from the first yearly report kept in MASA to the last April to March year that
    has ended by `today`, so a year with no report started still shows its clock."""
    reports = {d.period_start: d for d in records.documents if d.kind == DocumentKind.YEARLY_REPORT}
    if not reports:
        return []
    clocks: list[DocumentClock] = []
    latest_framework: dict[int, str] = {}
    for version in records.versions:
        latest_framework[version.document_id] = version.framework
    starts = [d for d in reports if d is not None]
    last_ended = date(today.year - (1 if today.month > 3 else 2), 4, 1)
    for year in range(min(starts).year, max(*starts, last_ended).year + 1):
        period = period_label(date(year, 4, 1))
        year_start, year_end = financial_year(period)
        document = reports.get(year_start)
        if document is None and year_end >= today:
            continue
        framework = (
            latest_framework.get(document.pk, "") if document else ""
        ) or records.partnership.guidance
        if framework == "wt2023" and year_end >= FIRST_SEPTEMBER_YEAR_END:
            first = records.first_published(document, today=today) if document else None
            events = (
                records.document_events.get((document.pk, BY_SEPTEMBER), ()) if document else ()
            )
            clocks.append(
                _clock(
                    BY_SEPTEMBER,
                    f"Yearly report {period}: published by the end of September",
                    year_start,
                    first.published_on if first else None,
                    today,
                    events,
                    document=document,
                    version=first,
                    period=period,
                )
            )
    clocks.extend(_interval_clocks(records, today=today))
    return clocks


def _interval_clocks(records: DocumentRecords, *, today: date) -> list[DocumentClock]:
    """s.16G(7): each published report starts a 12-month clock that the next report stops."""
    firsts = [
        (version, version.document)
        for document in records.documents
        if document.kind == DocumentKind.YEARLY_REPORT
        and (version := records.first_published(document, today=today)) is not None
    ]
    firsts.sort(key=lambda pair: (pair[0].published_on, pair[1].period_start))
    clocks = []
    for index, (version, document) in enumerate(firsts):
        following = firsts[index + 1][0] if index + 1 < len(firsts) else None
        assert version.published_on is not None  # first_published guarantees it
        clocks.append(
            _clock(
                INTERVAL,
                f"Yearly report {document.period}: next report within 12 months (s.16G(7))",
                version.published_on,
                following.published_on if following else None,
                today,
                records.document_events.get((document.pk, INTERVAL), ()),
                document=document,
                version=following,
                period=document.period,
            )
        )
    return clocks


def version_label(version: DocumentVersion) -> str:
    return f"{version.document}, version {version.number}"


def dispatch_clocks(
    records: DocumentRecords, *, today: date, version: DocumentVersion | None = None
) -> list[DocumentClock]:
    """Each copy a published version owes (all versions, or just `version`)."""
    clocks = []
    for published in records.versions:
        if version is not None and published.pk != version.pk:
            continue
        if not _on_or_before(published.published_on, today):
            continue
        assert published.published_on is not None
        for item in owed(published, secure_establishments=records.secure_establishments):
            sent = records.dispatch(published, item.recipient)
            clocks.append(
                _clock(
                    item.rule,
                    f"{version_label(published)}: {item.what} to the {item.recipient.label}",
                    published.published_on,
                    sent.sent_on if sent else None,
                    today,
                    records.version_events.get((published.pk, item.rule), ()),
                    document=published.document,
                    version=published,
                    recipient=item.recipient.value,
                    period=published.document.period,
                )
            )
    return clocks


def document_clocks(partnership: Any, *, today: date) -> list[DocumentClock]:
    records = records_for(partnership)
    return yearly_report_clocks(records, today=today) + dispatch_clocks(records, today=today)


def explain(clock: DocumentClock) -> str:
    """The clock in a sentence: its due date's explanation, then what happened."""
    if clock.done is None:
        state = "not done yet" if clock.status == ClockStatus.RUNNING else "overdue, not done"
    elif clock.status == ClockStatus.MET:
        state = f"done {long_date(clock.done)}, on time"
    else:
        days = "1 day" if clock.late_by == 1 else f"{clock.late_by} days"
        state = f"done {long_date(clock.done)}, {days} late"
    return f"{clock.due.explanation}; {state}"


def clocks_for(partnership: Any, *, today: date) -> list[ClockView]:
    """The dashboard's view: one query when the partnership keeps no documents, six at most
    whatever the number of documents, versions and dispatches."""
    views = []
    for clock in document_clocks(partnership, today=today):
        if clock.version is not None and clock.recipient:
            url = reverse("document_dispatch:version", args=[partnership.slug, clock.version.pk])
        else:
            url = reverse("document_dispatch:index", args=[partnership.slug])
        views.append(ClockView.of(clock.subject, url, clock))
    return views


def by_version(clocks: list[DocumentClock]) -> dict[int, list[DocumentClock]]:
    grouped: dict[int, list[DocumentClock]] = defaultdict(list)
    for clock in clocks:
        if clock.version is not None and clock.recipient:
            grouped[clock.version.pk].append(clock)
    return grouped

"""The statutory clocks of a serious incident notification, and the provider the clock dashboard
asks for them (masa.clocks.registry).

All three start on the date the local authority became aware (WT2018 ch4 / WT2023 ch5): to the
Panel and to the partners within 5 working days; a looked-after child's (and, WT2023, a care
leaver's) death to the Secretary of State and Ofsted within 5 working days (gov.uk service page).
The rule edition follows the partnership's guidance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from masa.clocks.models import ClockEvent
from masa.clocks.registry import ClockView
from masa.clocks.selectors import due_with_events, events_for
from masa.core.clocks.engine import ClockStatus, DueDate, status_of
from masa.statute.loader import load_library

from .models import SeriousIncident
from .services import sos_ofsted_applies

# (rule suffix, field holding the date sent, who it goes to)
CLOCKS = (
    ("notify-panel", "panel_notified_on", "notification to the Panel"),
    ("notify-partners", "partners_notified_on", "report to the safeguarding partners"),
    (
        "lac-death-notify",
        "sos_ofsted_notified_on",
        "notification to the Secretary of State and Ofsted",
    ),
)


@dataclass(frozen=True)
class IncidentClock:
    rule: str
    what: str
    due: DueDate
    done: date | None
    status: ClockStatus
    events: tuple[ClockEvent, ...]


def rule_ids(incident: SeriousIncident, guidance: str) -> list[tuple[str, str, str]]:
    """(rule id, date field, wording) of each clock that applies to the incident."""
    found = []
    for suffix, field, what in CLOCKS:
        if suffix == "lac-death-notify" and not sos_ofsted_applies(
            outcome=incident.outcome,
            looked_after_child=incident.looked_after_child,
            care_leaver=incident.care_leaver,
            guidance=guidance,
        ):
            continue
        found.append((f"{guidance}.{suffix}", field, what))
    return found


def incident_clocks(
    incident: SeriousIncident,
    *,
    guidance: str,
    today: date,
    events: dict[tuple[int, str], list[ClockEvent]] | None = None,
) -> list[IncidentClock]:
    if events is None:
        events = events_for(
            partnership=incident.partnership_id, model=SeriousIncident, ids=[incident.pk]
        )
    rules = load_library().clocks
    clocks = []
    for rule_id, field, what in rule_ids(incident, guidance):
        recorded = tuple(events.get((incident.pk, rule_id), ()))
        due = due_with_events(rules[rule_id], incident.became_aware_on, recorded)
        done = getattr(incident, field)
        clocks.append(
            IncidentClock(rule_id, what, due, done, status_of(due.due, done, today), recorded)
        )
    return clocks


def clocks_for(partnership, *, today: date) -> list[ClockView]:
    """Every notification clock of the partnership: two queries whatever the number of incidents."""
    incidents: Iterable[SeriousIncident] = SeriousIncident.objects.filter(
        partnership=partnership
    ).only(
        "id",
        "partnership_id",
        "reference",
        "became_aware_on",
        "outcome",
        "looked_after_child",
        "care_leaver",
        "panel_notified_on",
        "partners_notified_on",
        "sos_ofsted_notified_on",
    )
    events = events_for(partnership=partnership, model=SeriousIncident)
    views = []
    for incident in incidents:
        url = reverse("incidents:detail", args=[partnership.slug, incident.pk])
        for clock in incident_clocks(
            incident, guidance=partnership.guidance, today=today, events=events
        ):
            views.append(ClockView.of(f"{incident.reference}: {clock.what}", url, clock))
    return views

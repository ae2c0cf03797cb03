"""The statutory clocks of a serious incident notification, and the provider the clock dashboard
asks for them (masa.clocks.registry).

All three start on the date the local authority became aware (WT2018 ch4 / WT2023 ch5): to the
Panel and to the partners within 5 working days, where abuse or neglect is known or suspected
(CA2004 s.16C(1)); a looked-after child's death to the Secretary of State and Ofsted within 5
working days (gov.uk service page), whether or not abuse or neglect is suspected. The rule edition
follows the partnership's guidance.

A care leaver's death (WT2023 ch5, up to and including age 24) also goes to the Secretary of State
and Ofsted, but no timescale for it is confirmed: no clock runs, and every page lists it as "No
timescale in the guidance" (`IncidentClock.due` is None).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from masa.clocks.models import ClockEvent
from masa.clocks.registry import NO_TIMESCALE, NO_TIMESCALE_WORDS, ClockView
from masa.clocks.selectors import due_with_events, events_for
from masa.core.clocks.engine import ClockStatus, DueDate, status_of
from masa.statute.loader import load_library

from .models import Outcome, SeriousIncident
from .services import sos_ofsted_applies

# WT2023 ch5: a care leaver's death is notified with no timescale confirmed; the requirement's id
# stands where a clock rule's would.
CARE_LEAVER_DEATH = "wt2023.notification.care-leaver-death"
SOS_OFSTED = "notification to the Secretary of State and Ofsted"

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
    due: DueDate | None  # None: no timescale in the guidance, so no clock runs
    done: date | None
    status: ClockStatus | str
    events: tuple[ClockEvent, ...]

    @property
    def explanation(self) -> str:
        if self.due is None:
            return f"{NO_TIMESCALE_WORDS}: no due date is worked out and nothing is late."
        return self.due.explanation


def rule_ids(incident: SeriousIncident, guidance: str) -> list[tuple[str, str, str]]:
    """(rule id, date field, wording) of each clock that runs for the incident."""
    found = []
    for suffix, field, what in CLOCKS:
        if suffix == "lac-death-notify":
            # a looked-after child's death, whatever the abuse or neglect answer
            if not (incident.outcome == Outcome.DIED and incident.looked_after_child):
                continue
        elif not incident.serious_incident:
            continue  # CA2004 s.16C(1): no abuse or neglect known or suspected, no Panel
        found.append((f"{guidance}.{suffix}", field, what))
    return found


def untimed(incident: SeriousIncident, guidance: str) -> bool:
    """A care leaver's death: notified to the Secretary of State and Ofsted, with no clock."""
    return not incident.looked_after_child and sos_ofsted_applies(
        outcome=incident.outcome,
        looked_after_child=incident.looked_after_child,
        care_leaver=incident.care_leaver,
        guidance=guidance,
    )


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
    if untimed(incident, guidance):
        done = incident.sos_ofsted_notified_on
        clocks.append(IncidentClock(CARE_LEAVER_DEATH, SOS_OFSTED, None, done, NO_TIMESCALE, ()))
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
        "abuse_or_neglect",
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
            subject = f"{incident.reference}: {clock.what}"
            if clock.due is None:
                views.append(
                    ClockView.untimed(
                        subject,
                        url,
                        rule=clock.rule,
                        start=incident.became_aware_on,
                        done=clock.done,
                    )
                )
            else:
                views.append(ClockView.of(subject, url, clock))
    return views

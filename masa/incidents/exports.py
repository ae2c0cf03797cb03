"""CSV of a partnership's notifications: dates, s.16C criteria, flags, the number of children and each
clock's due date and status, in the words of the pages ("Seriously harmed", "Overdue"). Never the
children's references: a spreadsheet travels further than the case record."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import Any

from masa.clocks.selectors import events_for
from masa.core.presentation import status_label
from masa.core.spreadsheets import spreadsheet_row
from masa.partnerships.models import Partnership

from .clocks import CLOCKS, incident_clocks
from .models import SeriousIncident

CLOCK_NAMES = {suffix: suffix.replace("-", "_") for suffix, _field, _what in CLOCKS}
HEADER = [
    "reference",
    "status",
    "local_authority",
    "incident_date",
    "became_aware_on",
    "panel_notified_on",
    "partners_notified_on",
    "sos_ofsted_notified_on",
    "abuse_or_neglect",
    "outcome",
    "where",
    "looked_after_child",
    "care_leaver",
    "children",
    *(f"{name}_{part}" for name in CLOCK_NAMES.values() for part in ("due", "status")),
]


def incidents_csv(
    out: Any, *, partnership: Partnership, incidents: Iterable[SeriousIncident], today: date
) -> None:
    """Write the rows to `out` (a file or an HttpResponse). `incidents` carry `child_count`."""
    writer = csv.writer(out)
    writer.writerow(HEADER)
    events = events_for(partnership=partnership, model=SeriousIncident)
    for incident in incidents:
        # a care leaver's death has no clock: its column says no_timescale, with no due date
        clocks = {
            "lac-death-notify" if clock.due is None else clock.rule.split(".", 1)[1]: clock
            for clock in incident_clocks(
                incident, guidance=partnership.guidance, today=today, events=events
            )
        }
        row: list[object] = [
            incident.reference,
            incident.get_status_display(),
            incident.local_authority.name,
            incident.incident_date,
            incident.became_aware_on,
            incident.panel_notified_on,
            incident.partners_notified_on,
            incident.sos_ofsted_notified_on,
            incident.get_abuse_or_neglect_display(),
            incident.get_outcome_display(),
            incident.get_where_display(),
            incident.looked_after_child,
            incident.care_leaver,
            incident.child_count,  # type: ignore[attr-defined]
        ]
        for suffix in CLOCK_NAMES:
            clock = clocks.get(suffix)
            row += (
                [clock.due.due if clock.due else None, status_label(clock.status)]
                if clock
                else [None, None]
            )
        writer.writerow(spreadsheet_row(row))

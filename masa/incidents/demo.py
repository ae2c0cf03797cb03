"""Demo notifications for the fictional `northshire` partnership only: about a dozen made-up
serious incidents over the last two years, dated relative to today, with a few late clocks, one
still running, one overdue and one paused. Every child is a made-up pseudonymous reference."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from django.db import transaction
from django.utils import timezone

from masa.clocks.services import clock_pause
from masa.core.clocks.calendar import add_working_days
from masa.core.errors import MasaError
from masa.partnerships.demo import fictional_northshire

from .models import AbuseOrNeglect, Outcome, SeriousIncident, Sex, Where
from .services import incident_record, incident_transition
from .workflow import Status


class _Demo(NamedTuple):
    aware_days_ago: int  # calendar days before today the local authority became aware
    panel: int | None  # working days after becoming aware the Panel was told (None: not yet)
    partners: int | None
    sos_ofsted: int | None
    outcome: str
    abuse: str
    ages: tuple[int, ...]
    summary: str
    looked_after: bool = False
    care_leaver: bool = False
    where: str = Where.IN_AREA
    closed: bool = False
    other_areas: str = ""


D, H = Outcome.DIED, Outcome.SERIOUSLY_HARMED
K, S = AbuseOrNeglect.KNOWN, AbuseOrNeglect.SUSPECTED
DEMO = (
    _Demo(
        700, 3, 3, None, H, K, (0,), "Fictional: infant with unexplained fractures.", closed=True
    ),
    _Demo(
        640, 5, 4, None, D, S, (1,), "Fictional: sudden unexpected death in infancy.", closed=True
    ),
    _Demo(590, 7, 7, None, H, K, (14,), "Fictional: exploitation, serious assault.", closed=True),
    _Demo(
        520,
        2,
        2,
        2,
        D,
        S,
        (15,),
        "Fictional: death of a looked-after child placed out of area.",
        looked_after=True,
        closed=True,
        other_areas="Fictional Westshire partners informed",
    ),
    _Demo(460, 4, 6, None, H, K, (3, 5), "Fictional: two siblings, serious neglect.", closed=True),
    _Demo(
        400,
        5,
        5,
        None,
        H,
        S,
        (16,),
        "Fictional: serious self-harm after online abuse.",
        where=Where.RESIDENT_HARMED_OUTSIDE_ENGLAND,
        closed=True,
    ),
    _Demo(330, 9, 9, None, H, K, (0,), "Fictional: non-accidental head injury.", closed=True),
    _Demo(250, 1, 1, 8, D, S, (19,), "Fictional: death of a care leaver.", care_leaver=True),
    _Demo(170, 4, 4, None, H, K, (7, 9, 11), "Fictional: three children, domestic abuse."),
    _Demo(90, 5, 6, None, H, S, (13,), "Fictional: serious injury, criminal exploitation."),
    _Demo(12, None, 3, None, H, K, (2,), "Fictional: serious harm, neglect; Panel not yet told."),
    _Demo(2, None, None, None, H, S, (4,), "Fictional: injury, suspected physical abuse."),
)


def _sent(aware: date, days: int | None, today: date) -> date | None:
    if days is None:
        return None
    return min(add_working_days(aware, days), today)


@transaction.atomic
def demo_load(*, by: Any = None, today: date | None = None) -> str:
    """Record the northshire demo notifications (idempotent); returns a one-line summary."""
    today = today or timezone.localdate()
    northshire = fictional_northshire()
    if SeriousIncident.objects.filter(partnership=northshire).exists():
        return "northshire notifications already loaded"
    area = northshire.areas.select_related("local_authority").first()
    if area is None:
        raise MasaError("The fictional northshire partnership has no area")
    la = area.local_authority
    for number, row in enumerate(DEMO, start=1):
        aware = today - timedelta(days=row.aware_days_ago)
        year = aware.year % 100
        incident = incident_record(
            partnership=northshire,
            by=by,
            today=today,
            local_authority=la,
            incident_date=aware - timedelta(days=number % 3),
            became_aware_on=aware,
            abuse_or_neglect=row.abuse,
            outcome=row.outcome,
            where=row.where,
            looked_after_child=row.looked_after,
            care_leaver=row.care_leaver,
            panel_notified_on=_sent(aware, row.panel, today),
            partners_notified_on=_sent(aware, row.partners, today),
            sos_ofsted_notified_on=_sent(aware, row.sos_ofsted, today),
            other_areas_informed=row.other_areas,
            summary=row.summary,
            children=[
                {
                    "pseudonymous_ref": f"NS-{year:02d}-{number:04d}-{'ABCD'[i]}",
                    "age_years": age,
                    "sex": (Sex.FEMALE, Sex.MALE)[(number + i) % 2],
                }
                for i, age in enumerate(row.ages)
            ],
        )
        if row.closed:
            incident_transition(incident=incident, to=Status.CLOSED, by=by)
        if row.aware_days_ago == 12:
            clock_pause(
                subject=incident,
                rule=f"{northshire.guidance}.notify-panel",
                from_date=aware + timedelta(days=1),
                to_date=aware + timedelta(days=2),
                reason="Fictional: agreed with the Panel while the facts were confirmed",
                by=by,
            )
    return f"northshire {len(DEMO)} fictional notifications"
